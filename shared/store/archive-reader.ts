import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import { foldName, slugify } from '../article/entity-id';
import type { EntityType } from '../article/schema';
import type {
  ArchiveReads,
  ArticleRow,
  EntityArticleRow,
  EntityMatch,
  EntitySummary,
  Listed,
  QuoteRow,
  RelatedEntities,
  TrendingEntity,
} from './archive-reads';
import {
  type ArticleItem,
  dayOf,
  type EntityItem,
  edgeSkPrefix,
  keys,
  monthOf,
  quoteSkPrefix,
  type TimelineFacet,
  timelineIndex,
  trendShards,
} from './items';
import { mapLimit } from './map-limit';
import { type Item, type Key, pagedQuery, queryAll } from './paged-query';
import {
  checkShape,
  checkTimelineKey,
  type DateRange,
  InvalidPosition,
  sortRange,
  type TimelinePosition,
  within,
} from './read-positions';

export { type DateRange, InvalidPosition, type TimelinePosition } from './read-positions';

const edgeKey = ['pk', 'sk', 'gsi1pk', 'gsi1sk'] as const;
const articlePkPrefix = keys.articlePk('');
const nameKey = ['pk', 'sk'] as const;
const maxRelatedEdges = 500;

/**
 * Every read of the API, each a GetItem, a BatchGetItem or a Query (never a Scan). Positions are
 * checked against the query they continue: a key from another partition or outside the range is
 * refused, so a forged cursor cannot read another query's data.
 */
export class ArchiveReader implements ArchiveReads {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async article(id: string): Promise<ArticleItem | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.article(id) }));
    return Item as ArticleItem | undefined;
  }

  /**
   * Newest first across month buckets: the month registry says which buckets hold articles, and they
   * are read newest first until the page is full.
   */
  async articles(
    query: DateRange & { section?: string; source?: string; limit: number },
    after?: TimelinePosition,
  ): Promise<Listed<ArticleRow, TimelinePosition>> {
    const facet: TimelineFacet = query.section
      ? { kind: 'section', value: query.section }
      : query.source
        ? { kind: 'source', value: query.source }
        : { kind: 'all' };
    const index = timelineIndex(facet);
    const filterBySource = Boolean(query.section && query.source);
    const months = await this.months(facet, query);
    let startAt = 0;
    if (after) {
      startAt = months.indexOf(after.m);
      if (startAt < 0) throw new InvalidPosition('cursor month is outside this query');
      if (after.k) checkTimelineKey(after.k, index, keys.timelinePk(facet, after.m), query);
    }
    const items: ArticleRow[] = [];
    for (let i = startAt; i < months.length; i++) {
      const month = months[i]!;
      const page = await pagedQuery(
        this.db,
        {
          TableName: this.table,
          IndexName: index,
          KeyConditionExpression: `${index}pk = :pk AND ${index}sk BETWEEN :from AND :to`,
          ExpressionAttributeValues: {
            ':pk': keys.timelinePk(facet, month),
            ...sortRange(query),
            ...(filterBySource ? { ':source': slugify(query.source!) } : {}),
          },
          FilterExpression: filterBySource ? 'sourceSlug = :source' : undefined,
          ScanIndexForward: false,
        },
        query.limit - items.length,
        ['pk', 'sk', `${index}pk`, `${index}sk`],
        i === startAt ? after?.k : undefined,
      );
      for (const item of page.items as ArticleRow[]) items.push(item);
      if (page.next) return { items, next: { m: month, k: page.next } };
      if (items.length === query.limit) {
        const following = months[i + 1];
        return { items, next: following ? { m: following } : undefined };
      }
    }
    return { items };
  }

  private async months(facet: TimelineFacet, range: DateRange): Promise<string[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': keys.monthRegistryPk(facet),
        ':from': range.from ? monthOf(range.from) : '0000-00',
        ':to': range.to ? monthOf(range.to) : '9999-99',
      },
      ScanIndexForward: false,
    });
    return items.map((i) => i.sk as string);
  }

  /** The articles that mention an entity, newest first. */
  async entityArticles(
    entityId: string,
    query: DateRange & { limit: number },
    after?: Key,
  ): Promise<Listed<EntityArticleRow, Key>> {
    return this.datedIndex<EntityArticleRow>(keys.entityArticlesPk(entityId), edgeSkPrefix, query, after);
  }

  /** The attributed quotes of a speaker, newest first. */
  async quotesBy(
    speakerId: string,
    query: DateRange & { limit: number },
    after?: Key,
  ): Promise<Listed<QuoteRow, Key>> {
    return this.datedIndex<QuoteRow>(keys.speakerQuotesPk(speakerId), quoteSkPrefix, query, after);
  }

  private async datedIndex<Row>(
    partition: string,
    skPrefix: string,
    query: DateRange & { limit: number },
    after?: Key,
  ): Promise<Listed<Row, Key>> {
    if (after) {
      checkShape(after, edgeKey);
      const inRange = within(after.gsi1sk!, query);
      if (
        after.gsi1pk !== partition ||
        !after.pk!.startsWith(articlePkPrefix) ||
        !after.sk!.startsWith(skPrefix) ||
        !inRange
      ) {
        throw new InvalidPosition('cursor does not belong to this query');
      }
    }
    const page = await pagedQuery(
      this.db,
      {
        TableName: this.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': partition, ...sortRange(query) },
        ScanIndexForward: false,
      },
      query.limit,
      edgeKey,
      after,
    );
    return page as Listed<Row, Key>;
  }

  /** The entity summary with its first and last appearance, read from the ends of its timeline. */
  async entity(id: string): Promise<EntitySummary | undefined> {
    const [summary, first, last] = await Promise.all([
      this.db.send(new GetCommand({ TableName: this.table, Key: keys.entity(id) })),
      this.timelineEnd(id, true),
      this.timelineEnd(id, false),
    ]);
    const item = summary.Item as EntityItem | undefined;
    if (!item) return undefined;
    return {
      id: item.id,
      type: item.type,
      name: item.name,
      aliases: [...(item.aliases ?? [])].sort(),
      // Never below zero, even if a crashed write lost an increment (see DESIGN.md).
      articleCount: Math.max(0, Number(item.articleCount ?? 0)),
      firstSeen: first,
      lastSeen: last,
    };
  }

  private async timelineEnd(id: string, oldest: boolean): Promise<string | undefined> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.entityArticlesPk(id) },
        ProjectionExpression: 'sortDate',
        ScanIndexForward: oldest,
        Limit: 1,
      }),
    );
    return Items?.[0]?.sortDate as string | undefined;
  }

  /**
   * Entities whose name or alias has a word starting with `prefix` (at least two letters once folded),
   * in order of the matching word; an entity matching by several words is listed once, at the first.
   */
  async searchEntities(
    query: { prefix: string; type?: EntityType; limit: number },
    after?: Key,
  ): Promise<Listed<EntityMatch, Key>> {
    const folded = foldName(query.prefix);
    const pk = keys.nameTokenPk(query.type, folded);
    if (after) {
      checkShape(after, nameKey);
      if (after.pk !== pk || !after.sk!.startsWith(folded))
        throw new InvalidPosition('cursor does not belong to this query');
    }
    const page = await pagedQuery(
      this.db,
      {
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': folded },
      },
      query.limit,
      nameKey,
      after,
      (item) => isFirstMatch(item, folded),
    );
    const summaries = await this.summaries(page.items.map((i) => i.entityId as string));
    return {
      items: page.items.map((i) => {
        const summary = summaries.get(i.entityId as string);
        return {
          id: i.entityId as string,
          type: i.entityType as EntityType,
          name: i.name as string,
          matched: i.token as string,
          articleCount: Math.max(0, Number(summary?.articleCount ?? 0)),
        };
      }),
      next: page.next,
    };
  }

  /** Articles per entity summed over the days of the window, from the per-day sharded counters. */
  async trending(query: {
    from: string;
    to: string;
    type?: EntityType;
    limit: number;
  }): Promise<TrendingEntity[]> {
    const partitions = daysBetween(query.from, query.to).flatMap((day) =>
      Array.from({ length: trendShards }, (_, shard) => keys.trendPk(day, shard)),
    );
    const pages = await mapLimit(partitions, 8, (pk) =>
      queryAll(this.db, {
        TableName: this.table,
        KeyConditionExpression: query.type ? 'pk = :pk AND begins_with(sk, :type)' : 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk, ...(query.type ? { ':type': `${query.type}#` } : {}) },
      }),
    );
    const totals = new Map<string, TrendingEntity>();
    for (const item of pages.flat()) {
      const id = item.entityId as string;
      const total = totals.get(id) ?? {
        id,
        type: item.entityType as EntityType,
        name: item.name as string,
        articles: 0,
      };
      total.articles += Number(item.articles ?? 0);
      totals.set(id, total);
    }
    return [...totals.values()]
      .filter((t) => t.articles > 0)
      .sort((a, b) => b.articles - a.articles || a.id.localeCompare(b.id))
      .slice(0, query.limit);
  }

  /**
   * The entities that share the most articles with this one, counted over its newest articles (at most
   * maxRelatedEdges) from the co-entity lists its edges carry.
   */
  async related(entityId: string, query: DateRange & { limit: number }): Promise<RelatedEntities> {
    const edges = await queryAll(
      this.db,
      {
        TableName: this.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': keys.entityArticlesPk(entityId), ...sortRange(query) },
        ProjectionExpression: 'coEntities',
        ScanIndexForward: false,
      },
      maxRelatedEdges,
    );
    const counts = new Map<string, number>();
    for (const edge of edges) {
      for (const other of (edge.coEntities as string[] | undefined) ?? [])
        counts.set(other, (counts.get(other) ?? 0) + 1);
    }
    const top = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, query.limit);
    const summaries = await this.summaries(top.map(([id]) => id));
    return {
      articlesConsidered: edges.length,
      items: top.map(([id, articles]) => {
        const s = summaries.get(id);
        return { id, type: s?.type, name: s?.name, articlesTogether: articles };
      }),
    };
  }

  private async summaries(ids: readonly string[]): Promise<Map<string, EntityItem>> {
    const unique = [...new Set(ids)];
    const found = new Map<string, EntityItem>();
    for (let i = 0; i < unique.length; i += 100) {
      let request:
        | Record<string, { Keys: Record<string, unknown>[]; ProjectionExpression?: string }>
        | undefined = {
        [this.table]: {
          Keys: unique.slice(i, i + 100).map((id) => keys.entity(id)),
          ProjectionExpression: 'id, #type, #name, articleCount',
        },
      };
      while (request && Object.keys(request).length) {
        const result = await this.db.send(
          new BatchGetCommand({
            RequestItems: Object.fromEntries(
              Object.entries(request).map(([t, r]) => [
                t,
                { ...r, ExpressionAttributeNames: { '#type': 'type', '#name': 'name' } },
              ]),
            ),
          }),
        );
        for (const item of result.Responses?.[this.table] ?? [])
          found.set(item.id as string, item as EntityItem);
        request = result.UnprocessedKeys as typeof request;
      }
    }
    return found;
  }
}

function isFirstMatch(item: Item, prefix: string): boolean {
  const tokens = (item.tokens as string[] | undefined) ?? [];
  const first = tokens.filter((t) => t.startsWith(prefix)).sort()[0];
  return first === undefined || first === item.token;
}

export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  const end = dayOf(to);
  for (
    let d = new Date(`${dayOf(from)}T00:00:00Z`);
    dayOf(d.toISOString()) <= end;
    d.setUTCDate(d.getUTCDate() + 1)
  ) {
    days.push(dayOf(d.toISOString()));
  }
  return days;
}
