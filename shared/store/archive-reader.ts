import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EntityType } from '../article/schema';
import type { ArticleItem } from './items';
import type { Item, Key } from './paged-query';
import type { DateRange, TimelinePosition } from './read-positions';
import { ArticleReads } from './reads/article-reads';
import { EntityReads } from './reads/entity-reads';
import { searchEntities } from './reads/entity-search';
import { related } from './reads/related-reads';
import { trending } from './reads/trend-reads';

export { type DateRange, InvalidPosition, type TimelinePosition } from './read-positions';
export type { MergedEntity } from './reads/entity-reads';
export type { Listed } from './reads/listed';

/**
 * Every read of the API, each a GetItem, a BatchGetItem or a Query (never a Scan), gathered behind one
 * object; each family lives in its own file under reads/. Positions are checked against the query
 * they continue, so a forged cursor cannot read another query's data.
 */
export class ArchiveReader {
  private readonly articleReads: ArticleReads;
  private readonly entityReads: EntityReads;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {
    this.articleReads = new ArticleReads(db, table);
    this.entityReads = new EntityReads(db, table);
  }

  article(id: string): Promise<ArticleItem | undefined> {
    return this.articleReads.article(id);
  }

  articles(
    query: DateRange & { section?: string; source?: string; limit: number },
    after?: TimelinePosition,
  ) {
    return this.articleReads.articles(query, after);
  }

  entity(id: string) {
    return this.entityReads.entity(id);
  }

  entityArticles(entityId: string, query: DateRange & { limit: number }, after?: Key) {
    return this.entityReads.entityArticles(entityId, query, after);
  }

  quotesBy(speakerId: string, query: DateRange & { limit: number }, after?: Key) {
    return this.entityReads.quotesBy(speakerId, query, after);
  }

  searchEntities(query: { prefix: string; type?: EntityType; limit: number }, after?: Key) {
    return searchEntities(this.db, this.table, query, after);
  }

  trending(query: { from: string; to: string; type?: EntityType; limit: number }) {
    return trending(this.db, this.table, query);
  }

  related(entityId: string, query: DateRange & { limit: number }) {
    return related(this.db, this.table, entityId, query);
  }
}

export type { Item };
