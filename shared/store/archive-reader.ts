import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type {
  ArchiveReads,
  ArticleListQuery,
  DatedQuery,
  EntitySearch,
  StoredArticle,
  TrendingQuery,
} from './archive-reads';
import type { Key } from './paged-query';
import type { TimelinePosition } from './read-positions';
import { ArticleReads } from './reads/article-reads';
import { EntityReads } from './reads/entity-reads';
import { searchEntities } from './reads/entity-search';
import { related } from './reads/related-reads';
import { trending } from './reads/trend-reads';

export { type DateRange, InvalidPosition, type TimelinePosition } from './read-positions';

/**
 * The ArchiveReads port against the table: every read of the API, each a GetItem, a BatchGetItem or a
 * Query (never a Scan). Each family lives in its own file under reads/ (articles and timelines; one
 * entity and its timelines; search; trending; related); this class only gathers them. Positions are
 * checked against the query they continue, so a forged cursor cannot read another query's data.
 */
export class ArchiveReader implements ArchiveReads {
  private readonly articleReads: ArticleReads;
  private readonly entityReads: EntityReads;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {
    this.articleReads = new ArticleReads(db, table);
    this.entityReads = new EntityReads(db, table);
  }

  article(id: string): Promise<StoredArticle | undefined> {
    return this.articleReads.article(id);
  }

  articles(query: ArticleListQuery, after?: TimelinePosition) {
    return this.articleReads.articles(query, after);
  }

  entity(id: string) {
    return this.entityReads.entity(id);
  }

  entityArticles(entityId: string, query: DatedQuery, after?: Key) {
    return this.entityReads.entityArticles(entityId, query, after);
  }

  quotesBy(speakerId: string, query: DatedQuery, after?: Key) {
    return this.entityReads.quotesBy(speakerId, query, after);
  }

  searchEntities(query: EntitySearch, after?: Key) {
    return searchEntities(this.db, this.table, query, after);
  }

  trending(query: TrendingQuery) {
    return trending(this.db, this.table, query);
  }

  related(entityId: string, query: DatedQuery) {
    return related(this.db, this.table, entityId, query);
  }
}
