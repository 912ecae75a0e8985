import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { EntityArticleRow, EntitySummary, Listed, MergedEntity, QuoteRow } from '../archive-reads';
import { type EntityItem, edgeSkPrefix, keys, quoteSkPrefix } from '../items';
import { type Key, pagedQuery } from '../paged-query';
import { checkShape, type DateRange, InvalidPosition, sortRange, within } from '../read-positions';
import { countOf } from './entity-summaries';

const edgeKey = ['pk', 'sk', 'gsi1pk', 'gsi1sk'] as const;
const articlePkPrefix = keys.articlePk('');

/** One entity and its two timelines on gsi1: the articles that mention it and the quotes it said. */
export class EntityReads {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  /** The entity summary with its first and last appearance, read from the ends of its timeline. */
  async entity(id: string): Promise<EntitySummary | MergedEntity | undefined> {
    const [summary, first, last] = await Promise.all([
      this.db.send(new GetCommand({ TableName: this.table, Key: keys.entity(id) })),
      this.timelineEnd(id, true),
      this.timelineEnd(id, false),
    ]);
    const item = summary.Item as EntityItem | undefined;
    if (!item) return undefined;
    if (item.mergedInto) return { mergedInto: item.mergedInto };
    return {
      id: item.id,
      type: item.type,
      name: item.name,
      aliases: [...(item.aliases ?? [])].filter((a) => a !== item.name).sort(),
      articleCount: countOf(item),
      ...(item.mergedIds?.size ? { mergedIds: [...item.mergedIds].sort() } : {}),
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

  /** Items of one gsi1 partition newest first; the index projects exactly the row the caller reads. */
  private async datedIndex<Row>(
    partition: string,
    skPrefix: string,
    query: DateRange & { limit: number },
    after?: Key,
  ): Promise<Listed<Row, Key>> {
    if (after) {
      checkShape(after, edgeKey);
      if (
        after.gsi1pk !== partition ||
        !after.pk!.startsWith(articlePkPrefix) ||
        !after.sk!.startsWith(skPrefix) ||
        !within(after.gsi1sk!, query)
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
    return page as unknown as Listed<Row, Key>;
  }
}
