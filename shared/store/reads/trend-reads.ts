import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EntityType } from '../../article/schema';
import type { TrendingEntity } from '../archive-reads';
import { dayOf, keys, trendShards } from '../items';
import { mapLimit } from '../map-limit';
import { queryAll } from '../paged-query';
import { entitySummaries } from './entity-summaries';

/** One Query's worth of counters: a run of days of one month, or a run of whole months of one year. */
export interface CounterRange {
  /** The partitions the range is spread over, one per shard. */
  partitions: string[];
  from: string;
  to: string;
}

/**
 * The counter ranges a window reads: whole months from the yearly partition of monthly rollups (one
 * range per year, one partition), the days of a month the window covers only in part from that month's
 * day partitions (one per shard). A window of up to a year is at most 2 part months and 2 years of whole
 * months: 2 × 4 + 2 = 10 Queries; a week, at most 8.
 */
export function counterRanges(from: string, to: string): CounterRange[] {
  const first = dayOf(from);
  const last = dayOf(to);
  const ranges: CounterRange[] = [];
  const wholeMonths: string[] = [];
  for (let month = first.slice(0, 7); month <= last.slice(0, 7); month = nextMonth(month)) {
    const start = month === first.slice(0, 7) ? first.slice(8, 10) : '01';
    const end = month === last.slice(0, 7) ? last.slice(8, 10) : '31';
    if (start === '01' && end >= daysIn(month)) wholeMonths.push(month);
    else
      ranges.push({
        partitions: Array.from({ length: trendShards }, (_, s) => keys.trendDayPk(month, s)),
        from: `${start}#`,
        to: `${end}#~`,
      });
  }
  const years = [...new Set(wholeMonths.map((m) => m.slice(0, 4)))];
  for (const year of years) {
    const months = wholeMonths.filter((m) => m.startsWith(year));
    ranges.push({
      partitions: [keys.trendMonthPk(year)],
      from: `${months[0]!.slice(5)}#`,
      to: `${months[months.length - 1]!.slice(5)}#~`,
    });
  }
  return ranges;
}

/**
 * Articles per entity over a window of up to a year: the counters of counterRanges, one Query per
 * range and shard, summed in memory; names come from the summaries of the top entities, so a rename or
 * a merge shows at once.
 */
export async function trending(
  db: DynamoDBDocumentClient,
  table: string,
  query: { from: string; to: string; type?: EntityType; limit: number },
): Promise<TrendingEntity[]> {
  const queries = counterRanges(query.from, query.to).flatMap((range) =>
    range.partitions.map((pk) => ({ pk, from: range.from, to: range.to })),
  );
  // At most 10 small Queries: all in flight at once, so the window costs one round trip.
  const pages = await mapLimit(queries, 10, (range) =>
    queryAll(db, {
      TableName: table,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': range.pk,
        ':from': range.from,
        ':to': range.to,
        ...(query.type ? { ':type': query.type } : {}),
      },
      FilterExpression: query.type ? 'entityType = :type' : undefined,
      ProjectionExpression: 'entityId, entityType, articles',
    }),
  );
  const totals = new Map<string, { id: string; type: EntityType; articles: number }>();
  for (const item of pages.flat()) {
    const id = item.entityId as string;
    const total = totals.get(id) ?? { id, type: item.entityType as EntityType, articles: 0 };
    total.articles += Number(item.articles ?? 0);
    totals.set(id, total);
  }
  const top = [...totals.values()]
    .filter((t) => t.articles > 0)
    .sort((a, b) => b.articles - a.articles || a.id.localeCompare(b.id))
    .slice(0, query.limit);
  const summaries = await entitySummaries(
    db,
    table,
    top.map((t) => t.id),
  );
  return top.map((t) => ({ ...t, name: summaries.get(t.id)?.name ?? t.id }));
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

function daysIn(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0');
}
