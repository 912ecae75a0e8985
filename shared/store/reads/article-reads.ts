import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { slugify } from '../../article/entity-id';
import type { ArticleRow, Listed } from '../archive-reads';
import { type ArticleItem, keys, monthOf, type TimelineFacet, timelineIndex } from '../items';
import { type Item, pagedQuery, queryAll } from '../paged-query';
import {
  checkTimelineKey,
  type DateRange,
  InvalidPosition,
  sortRange,
  type TimelinePosition,
} from '../read-positions';

/** One article by id, and the article timelines (all, by section, by source) newest first. */
export class ArticleReads {
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
    const items: Item[] = [];
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
      for (const item of page.items) items.push(item);
      if (page.next) return { items: rows(items), next: { m: month, k: page.next } };
      if (items.length === query.limit) {
        const following = months[i + 1];
        return { items: rows(items), next: following ? { m: following } : undefined };
      }
    }
    return { items: rows(items) };
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
}

/** gsi1-3 project exactly the article summary, so an index item is an ArticleRow. */
const rows = (items: Item[]) => items as unknown as ArticleRow[];
