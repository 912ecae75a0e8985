import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { EntityType } from '../article/schema';
import { EdgeLedger } from './edge-ledger';
import { EntityEditor } from './entity-editor';
import { dayOf, entitySk, keys } from './items';
import { mapLimit } from './map-limit';
import { queryAll } from './paged-query';

export interface RepairReport {
  entitiesChecked: number;
  /** Entities whose article count was wrong, with what it was and what it is now. */
  countsFixed: { id: string; was: number; now: number }[];
  /** Day and month trend counters set to what the entity's timeline says. */
  trendsFixed: number;
  /** Articles still on a merged-away entity's timeline, moved to the survivor. */
  mergesFinished: number;
}

/**
 * Maintenance, never on the read path: makes each entity's article count and its day and month trend
 * counters equal to its timeline (the edges on gsi1 `ENT#<id>`), which is the truth counts are kept
 * from. It closes the one window the store leaves (a crash between an edge write and its count
 * update, see DESIGN.md) and finishes merges a crash or a lagging index left half done. Idempotent:
 * each fix is conditional on the value it read, so a concurrent writer's update is never overwritten
 * (that entity is simply fixed on the next run). Entities are listed with a Scan of the summaries
 * unless ids are given.
 */
export class CountRepair {
  private readonly ledger: EdgeLedger;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {
    this.ledger = new EdgeLedger(db, table);
  }

  async run(ids?: readonly string[]): Promise<RepairReport> {
    const report: RepairReport = { entitiesChecked: 0, countsFixed: [], trendsFixed: 0, mergesFinished: 0 };
    const merges = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.mergeRegistryPk },
      ConsistentRead: true,
    });
    const editor = new EntityEditor(this.db, this.table);
    for (const merge of merges) {
      if (ids && !ids.includes(merge.from as string)) continue;
      const moved = await editor.relinkTimeline(merge.from as string);
      report.mergesFinished += moved.filter((m) => m.changed).length;
    }
    const entities = ids ? ids.map((id) => ({ id })) : await this.allEntities();
    await mapLimit(entities, 4, async ({ id }) => {
      report.entitiesChecked++;
      await this.repair(id, report);
    });
    report.countsFixed.sort((a, b) => a.id.localeCompare(b.id));
    return report;
  }

  private async allEntities(): Promise<{ id: string }[]> {
    const found: { id: string }[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new ScanCommand({
          TableName: this.table,
          FilterExpression: 'sk = :entity',
          ExpressionAttributeValues: { ':entity': entitySk },
          ProjectionExpression: 'id',
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) found.push({ id: item.id as string });
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return found;
  }

  private async repair(id: string, report: RepairReport): Promise<void> {
    const [summary] = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND sk = :sk',
      ExpressionAttributeValues: keysValues(keys.entity(id)),
      ConsistentRead: true,
    });
    if (!summary) return;
    const edges = await queryAll(this.db, {
      TableName: this.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.entityArticlesPk(id) },
      ProjectionExpression: 'sortDate',
    });
    const was = Number(summary.articleCount ?? 0);
    if (was !== edges.length) {
      const fixed = await this.setIfUnchanged(keys.entity(id), 'articleCount', was, edges.length);
      if (fixed) report.countsFixed.push({ id, was, now: edges.length });
    }
    const type = summary.type as EntityType;
    const perDay = new Map<string, number>();
    const perMonth = new Map<string, number>();
    for (const edge of edges) {
      const day = dayOf(edge.sortDate as string);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
      perMonth.set(day.slice(0, 7), (perMonth.get(day.slice(0, 7)) ?? 0) + 1);
    }
    const wanted = [
      ...[...perDay].map(([day, n]) => ({ key: keys.trendDay(day, type, id), n })),
      ...[...perMonth].map(([month, n]) => ({ key: keys.trendMonth(`${month}-01`, type, id), n })),
    ];
    const stored = await this.counters(wanted.map((w) => w.key));
    await mapLimit(wanted, 8, async ({ key, n }) => {
      const seen = stored.get(`${key.pk}|${key.sk}`);
      if (seen === n) return;
      const counter = { kind: 'trend', entityId: id, entityType: type };
      if (await this.setIfUnchanged(key, 'articles', seen ?? 0, n, counter)) report.trendsFixed++;
    });
  }

  private async counters(list: { pk: string; sk: string }[]): Promise<Map<string, number>> {
    const found = new Map<string, number>();
    for (let i = 0; i < list.length; i += 100) {
      let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
        [this.table]: { Keys: list.slice(i, i + 100) },
      };
      while (request && Object.keys(request).length) {
        const result = await this.db.send(
          new BatchGetCommand({
            RequestItems: Object.fromEntries(
              Object.entries(request).map(([t, r]) => [t, { ...r, ConsistentRead: true }]),
            ),
          }),
        );
        for (const item of result.Responses?.[this.table] ?? [])
          found.set(`${item.pk}|${item.sk}`, Number(item.articles ?? 0));
        request = result.UnprocessedKeys as typeof request;
      }
    }
    return found;
  }

  private async setIfUnchanged(
    key: { pk: string; sk: string },
    attribute: string,
    seen: number,
    value: number,
    /** Attributes a counter item needs if this creates it. */
    fields: Record<string, string> = {},
  ): Promise<boolean> {
    const names = Object.keys(fields);
    try {
      await this.ledger.update({
        Key: key,
        UpdateExpression: `SET #a = :value${names.map((_, i) => `, #f${i} = :f${i}`).join('')}`,
        ConditionExpression: seen === 0 ? 'attribute_not_exists(#a) OR #a = :seen' : '#a = :seen',
        ExpressionAttributeNames: {
          '#a': attribute,
          ...Object.fromEntries(names.map((n, i) => [`#f${i}`, n])),
        },
        ExpressionAttributeValues: {
          ':value': value,
          ':seen': seen,
          ...Object.fromEntries(names.map((n, i) => [`:f${i}`, fields[n]])),
        },
      });
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}

function keysValues(key: { pk: string; sk: string }) {
  return { ':pk': key.pk, ':sk': key.sk };
}
