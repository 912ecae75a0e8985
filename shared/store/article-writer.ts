import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { TaggedArticle } from '../article/schema';
import {
  type ArticleRecord,
  articleRecord,
  sortDateOf,
  type TaggedEntity,
  writeVersion,
} from './article-record';
import { type CandidateChange, EdgeLedger, isFullNamePerson } from './edge-ledger';
import { EntityRelinker } from './entity-relinker';
import { EntityResolver } from './entity-resolver';
import { keys, monthOf, surnameOf } from './items';
import { mapLimit } from './map-limit';

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
  /** Other articles whose surname-only person this article's full-name people decided anew. */
  relinked: number;
}

/**
 * Stores one revision of a tagged article so that repeated, concurrent or out-of-order deliveries
 * converge on the newest revision without transactions:
 *  1. an older version than the stored one is dropped; the same version only re-runs step 5;
 *  2. each entity is resolved to its archive entity (editor's correction, merge, surname linking);
 *  3. edges and quotes are put first, each conditional on not overwriting a newer version;
 *  4. the article item is put last, conditional on version, so readers see one revision whole;
 *  5. edges and quotes of older versions still in the article's partition are deleted;
 *  6. a full-name person new to the archive re-decides the articles that named its surname only, and
 *     one the archive knew re-decides those its new evidence (company, titles, months) touches.
 * Counts change only on the transition a conditional write observed (EdgeLedger). See DESIGN.md for
 * the one crash window this leaves and `articles repair-counts`, which closes it.
 */
export class ArticleWriter {
  private readonly registeredMonths = new Set<string>();
  private readonly concurrency: number;
  private readonly ledger: EdgeLedger;
  private readonly resolver: EntityResolver;
  private readonly relinker: EntityRelinker;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly options: WriterOptions = {},
  ) {
    this.concurrency = options.concurrency ?? 8;
    const meter = (units: number | undefined) => {
      if (units !== undefined) this.options.onWriteUnits?.(units);
    };
    this.ledger = new EdgeLedger(db, table, meter, this.concurrency);
    this.resolver = new EntityResolver(db, table, meter);
    this.relinker = new EntityRelinker(db, table, this.resolver, this.ledger, this.concurrency);
  }

  /** `taggedAt`: when the tagged document was written, which orders two taggings of one revision. */
  async write(tagged: TaggedArticle, taggedAt?: Date): Promise<WriteOutcome> {
    const version = writeVersion(tagged, taggedAt);
    const base = { articleId: tagged.id, version, edgesAdded: 0, edgesRemoved: 0, relinked: 0 };
    const current = await this.storedVersion(tagged.id);
    if (current !== undefined && current > version) {
      return { ...base, status: 'superseded', storedVersion: current };
    }
    if (current === version) {
      const removed = await this.ledger.removeStale(tagged.id, version);
      const relinked = await this.finishRelinking(tagged);
      return { ...base, status: 'unchanged', storedVersion: version, edgesRemoved: removed, relinked };
    }

    const resolution = await this.resolver.resolve(
      tagged.id,
      (tagged.entities as TaggedEntity[]).map((e) => ({ ...e })),
      monthOf(sortDateOf(tagged).sortDate),
    );
    const record = articleRecord(tagged, taggedAt, new Date(), resolution);
    await this.registerMonths(record);
    const entities = new Map(record.entities.map((e) => [e.id, e]));
    const [puts] = await Promise.all([
      mapLimit(record.edges, this.concurrency, (edge) =>
        this.ledger.putEdge(edge, entities.get(edge.entityId)!),
      ),
      mapLimit(record.quotes, this.concurrency, (quote) => this.ledger.putQuote(quote)),
    ]);
    const won = await this.putArticle(record);
    const storedVersion = won ? version : ((await this.storedVersion(tagged.id)) ?? version);
    const removed = await this.ledger.removeStale(tagged.id, storedVersion);
    const relinked = (
      await this.relinker.followCandidateChanges(
        puts.flatMap((p) => (p.candidate ? [p.candidate] : [])),
        tagged.id,
      )
    ).filter((r) => r.changed).length;
    return {
      ...base,
      status: won ? 'stored' : 'superseded',
      storedVersion,
      edgesAdded: puts.filter((p) => p.created).length,
      edgesRemoved: removed,
      relinked,
    };
  }

  /**
   * A redelivery after a timeout: re-runs the re-linking a new full-name person of this article
   * started and did not mark done. One consistent GetItem per full-name person.
   */
  private async finishRelinking(tagged: TaggedArticle): Promise<number> {
    const pending: CandidateChange[] = [];
    for (const e of tagged.entities as TaggedEntity[]) {
      if (!isFullNamePerson(e)) continue;
      const surname = surnameOf(e.name);
      if (await this.ledger.relinkPending(surname, e.id))
        pending.push({
          surname,
          entityId: e.id,
          isNew: true,
          growth: { coEntities: [], titles: [], months: [] },
        });
    }
    // As if new: what was decided before the crash is unknown, so every registration is re-decided.
    const outcomes = await this.relinker.followCandidateChanges(pending, tagged.id);
    return outcomes.filter((r) => r.changed).length;
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
      await this.ledger.put({ ...key, kind: 'month', month: record.month });
      this.registeredMonths.add(id);
    }
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
      if (result.ConsumedCapacity?.CapacityUnits !== undefined)
        this.options.onWriteUnits?.(result.ConsumedCapacity.CapacityUnits);
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
