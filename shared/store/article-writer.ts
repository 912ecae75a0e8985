import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Entity, TaggedArticle } from '../article/schema';
import { type ArticleRecord, articleRecord, writeVersion } from './article-record';
import { type EdgeItem, type EntityItem, edgeSkPrefix, keys, nameTokens, type QuoteItem } from './items';
import { mapLimit } from './map-limit';

type EntityNames = Pick<Entity, 'id' | 'type' | 'name' | 'aliases'>;

export interface WriterOptions {
  /** Called with the write capacity units each write consumed, when the service reports them. */
  onWriteUnits?: (units: number) => void;
  /** Writes in flight for one article. */
  concurrency?: number;
}

export type WriteStatus = 'stored' | 'unchanged' | 'superseded';

export interface WriteOutcome {
  status: WriteStatus;
  articleId: string;
  version: string;
  /** Version the table holds afterwards. */
  storedVersion: string;
  edgesAdded: number;
  edgesRemoved: number;
}

/**
 * Stores one revision of a tagged article so that repeated, concurrent or out-of-order deliveries
 * converge on the newest revision without transactions:
 *  1. an older version than the stored one is dropped; the same version only re-runs step 4;
 *  2. edges and quotes are put first, each conditional on not overwriting a newer version;
 *  3. the article item is put last, conditional on version, so readers see one revision whole;
 *  4. edges and quotes of older versions still in the article's partition are deleted.
 * Counts change only on the transition a conditional write observed: +1 when a Put found no edge,
 * -1 when a Delete removed one. See DESIGN.md for the one crash window this leaves.
 */
export class ArticleWriter {
  private readonly registeredMonths = new Set<string>();
  private readonly concurrency: number;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly options: WriterOptions = {},
  ) {
    this.concurrency = options.concurrency ?? 8;
  }

  /** `taggedAt`: when the tagged document was written, which orders two taggings of one revision. */
  async write(tagged: TaggedArticle, taggedAt?: Date): Promise<WriteOutcome> {
    const version = writeVersion(tagged, taggedAt);
    const base = { articleId: tagged.id, version, edgesAdded: 0, edgesRemoved: 0 };
    const current = await this.storedVersion(tagged.id);
    if (current !== undefined && current > version) {
      return { ...base, status: 'superseded', storedVersion: current };
    }
    if (current === version) {
      const removed = await this.removeOlderThan(tagged.id, version);
      return { ...base, status: 'unchanged', storedVersion: version, edgesRemoved: removed };
    }

    const record = articleRecord(tagged, taggedAt);
    await this.registerMonths(record);
    const entities = new Map(record.article.entities.map((e) => [e.id, e]));
    const [added] = await Promise.all([
      mapLimit(record.edges, this.concurrency, (edge) => this.putEdge(edge, entities.get(edge.entityId)!)),
      mapLimit(record.quotes, this.concurrency, (quote) => this.putQuote(quote)),
    ]);
    const won = await this.putArticle(record);
    const storedVersion = won ? version : ((await this.storedVersion(tagged.id)) ?? version);
    const removed = await this.removeOlderThan(tagged.id, storedVersion);
    return {
      ...base,
      status: won ? 'stored' : 'superseded',
      storedVersion,
      edgesAdded: added.filter(Boolean).length,
      edgesRemoved: removed,
    };
  }

  private async storedVersion(articleId: string): Promise<string | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.table,
        Key: keys.article(articleId),
        ProjectionExpression: 'version',
        ConsistentRead: true,
      }),
    );
    return Item?.version as string | undefined;
  }

  /** A month is registered before the first article in it becomes visible, so lists never skip it. */
  private async registerMonths(record: ArticleRecord): Promise<void> {
    for (const facet of record.facets) {
      const key = keys.monthRegistry(facet, record.month);
      const id = `${key.pk}|${key.sk}`;
      if (this.registeredMonths.has(id)) continue;
      await this.put({ ...key, kind: 'month', month: record.month });
      this.registeredMonths.add(id);
    }
  }

  /** Returns whether this call created the edge (and so counted it). */
  private async putEdge(edge: EdgeItem, entity: EntityNames): Promise<boolean> {
    let old: Partial<EdgeItem> | undefined;
    try {
      old = await this.putUnlessNewer(edge);
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
    if (!old) {
      await Promise.all([this.updateEntity(entity, 1), this.addTrend(edge.day, edge, 1)]);
      return true;
    }
    if (old.namesHash !== edge.namesHash) await this.updateEntity(entity, 0);
    if (old.day !== edge.day) {
      if (old.day) await this.addTrend(old.day, { ...edge, ...old } as EdgeItem, -1);
      await this.addTrend(edge.day, edge, 1);
    }
    return false;
  }

  private async putQuote(quote: QuoteItem): Promise<void> {
    try {
      await this.putUnlessNewer(quote);
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  private async putUnlessNewer(item: EdgeItem | QuoteItem): Promise<Partial<EdgeItem> | undefined> {
    const result = await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: item,
        ConditionExpression: 'attribute_not_exists(pk) OR version <= :version',
        ExpressionAttributeValues: { ':version': item.version },
        ReturnValues: 'ALL_OLD',
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    this.meter(result.ConsumedCapacity?.CapacityUnits);
    return result.Attributes as Partial<EdgeItem> | undefined;
  }

  private async putArticle(record: ArticleRecord): Promise<boolean> {
    try {
      const result = await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: record.article,
          ConditionExpression: 'attribute_not_exists(pk) OR version <= :version',
          ExpressionAttributeValues: { ':version': record.article.version },
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      this.meter(result.ConsumedCapacity?.CapacityUnits);
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  /**
   * The entity summary: name, type and aliases, and the article count moved by `delta`. Name tokens
   * for search are written only when this update added a name, so a known entity costs one write.
   */
  private async updateEntity(entity: EntityNames, delta: number): Promise<void> {
    const aliases = new Set(entity.aliases.filter(Boolean));
    const result = await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: keys.entity(entity.id),
        UpdateExpression: `SET #kind = :kind, #id = :id, #type = :type, #name = :name ADD articleCount :delta${
          aliases.size ? ', aliases :aliases' : ''
        }`,
        ExpressionAttributeNames: { '#kind': 'kind', '#id': 'id', '#type': 'type', '#name': 'name' },
        ExpressionAttributeValues: {
          ':kind': 'entity',
          ':id': entity.id,
          ':type': entity.type,
          ':name': entity.name,
          ':delta': delta,
          ...(aliases.size ? { ':aliases': aliases } : {}),
        },
        ReturnValues: 'ALL_OLD',
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    this.meter(result.ConsumedCapacity?.CapacityUnits);
    const old = result.Attributes as Partial<EntityItem> | undefined;
    const oldNames = old?.name ? [old.name, ...(old.aliases ?? [])] : [];
    const known = new Set(nameTokens(oldNames));
    if (nameTokens([entity.name, ...aliases]).every((t) => known.has(t))) return;
    // Every token item lists all the entity's tokens, so search can show an entity once (at its first
    // matching token); a new name therefore rewrites them all. Names change rarely after first sight.
    const tokens = nameTokens([...oldNames, entity.name, ...aliases]).sort();
    await mapLimit(
      tokens.flatMap((token) => [undefined, entity.type].map((type) => ({ token, type }))),
      this.concurrency,
      ({ token, type }) =>
        this.put({
          ...keys.nameToken(type, token, entity.id),
          kind: 'name',
          entityId: entity.id,
          entityType: entity.type,
          name: entity.name,
          token,
          tokens,
        }),
    );
  }

  private async addTrend(
    day: string,
    edge: Pick<EdgeItem, 'entityId' | 'entityType' | 'name'>,
    delta: number,
  ) {
    const result = await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: keys.trend(day, edge.entityType, edge.entityId),
        UpdateExpression:
          'SET #kind = :kind, entityId = :id, entityType = :type, #name = :name, #day = :day ADD articles :delta',
        ExpressionAttributeNames: { '#kind': 'kind', '#name': 'name', '#day': 'day' },
        ExpressionAttributeValues: {
          ':kind': 'trend',
          ':id': edge.entityId,
          ':type': edge.entityType,
          ':name': edge.name,
          ':day': day,
          ':delta': delta,
        },
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    this.meter(result.ConsumedCapacity?.CapacityUnits);
  }

  /**
   * Deletes the edges and quotes an older revision left in the article's partition. Each delete is
   * conditional on the revision it read, so exactly one caller sees an edge go and uncounts it.
   */
  private async removeOlderThan(articleId: string, version: string): Promise<number> {
    let removed = 0;
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'pk = :pk AND sk >= :first',
          ExpressionAttributeValues: { ':pk': keys.articlePk(articleId), ':first': edgeSkPrefix },
          ProjectionExpression: 'pk, sk, version',
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      const stale = (page.Items ?? []).filter((i) => (i.version as string) < version);
      const results = await mapLimit(stale, this.concurrency, (item) =>
        this.deleteStale(item.pk as string, item.sk as string, item.version as string),
      );
      removed += results.filter(Boolean).length;
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return removed;
  }

  private async deleteStale(pk: string, sk: string, version: string): Promise<boolean> {
    let old: Partial<EdgeItem> | undefined;
    try {
      const result = await this.db.send(
        new DeleteCommand({
          TableName: this.table,
          Key: { pk, sk },
          ConditionExpression: 'version = :version',
          ExpressionAttributeValues: { ':version': version },
          ReturnValues: 'ALL_OLD',
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      this.meter(result.ConsumedCapacity?.CapacityUnits);
      old = result.Attributes as Partial<EdgeItem> | undefined;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
    if (old?.kind !== 'edge' || !old.entityId || !old.entityType || !old.day) return false;
    await Promise.all([this.uncount(old.entityId), this.addTrend(old.day, old as EdgeItem, -1)]);
    return true;
  }

  private async uncount(entityId: string): Promise<void> {
    try {
      const result = await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.entity(entityId),
          UpdateExpression: 'ADD articleCount :minus',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':minus': -1 },
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      this.meter(result.ConsumedCapacity?.CapacityUnits);
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  private async put(item: Record<string, unknown>): Promise<void> {
    const result = await this.db.send(
      new PutCommand({ TableName: this.table, Item: item, ReturnConsumedCapacity: 'TOTAL' }),
    );
    this.meter(result.ConsumedCapacity?.CapacityUnits);
  }

  private meter(units: number | undefined): void {
    if (units !== undefined) this.options.onWriteUnits?.(units);
  }
}
