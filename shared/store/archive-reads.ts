import type { EntityType } from '../article/schema';
import type { ArticleItem, EdgeItem, QuoteItem } from './items';
import type { Key } from './paged-query';
import type { DateRange, TimelinePosition } from './read-positions';

/**
 * The port through which the read API reads the archive: every read it needs, in read models, with no
 * word about DynamoDB. ArchiveReader implements it against the table; a test can implement it in a few
 * lines. A position (`after`) handed back that does not belong to the query throws InvalidPosition.
 */
export interface ArchiveReads {
  article(id: string): Promise<StoredArticle | undefined>;
  articles(query: ArticleListQuery, after?: TimelinePosition): Promise<Listed<ArticleRow, TimelinePosition>>;
  entityArticles(entityId: string, query: DatedQuery, after?: Key): Promise<Listed<EntityArticleRow, Key>>;
  quotesBy(speakerId: string, query: DatedQuery, after?: Key): Promise<Listed<QuoteRow, Key>>;
  /** A merged-away id answers with the entity it was merged into (the API's 301). */
  entity(id: string): Promise<EntitySummary | MergedEntity | undefined>;
  searchEntities(query: EntitySearch, after?: Key): Promise<Listed<EntityMatch, Key>>;
  trending(query: TrendingQuery): Promise<TrendingEntity[]>;
  related(entityId: string, query: DatedQuery): Promise<RelatedEntities>;
}

/** How a stored article reads: its entities as the archive resolved them, whether its date is stated. */
export { type ArchiveEntity, archiveEntities, hasPublicationTime } from './article-record';
export { InvalidPosition } from './read-positions';
export type { DateRange, Key, TimelinePosition };

export interface Listed<T, P> {
  items: T[];
  next?: P;
}

export type DatedQuery = DateRange & { limit: number };
export type ArticleListQuery = DatedQuery & { section?: string; source?: string };
export type EntitySearch = { prefix: string; type?: EntityType; limit: number };
export type TrendingQuery = { from: string; to: string; type?: EntityType; limit: number };

/** The article as stored, whole: the API decides what of it to show. */
export type StoredArticle = ArticleItem;

export type ArticleRow = Pick<
  ArticleItem,
  'id' | 'title' | 'subtitle' | 'section' | 'source' | 'authors' | 'publishedAt' | 'sortDate'
>;

export type EntityArticleRow = Pick<
  EdgeItem,
  'articleId' | 'title' | 'section' | 'source' | 'publishedAt' | 'sortDate' | 'salience' | 'mentionCount'
>;

export type QuoteRow = Pick<
  QuoteItem,
  'articleId' | 'title' | 'publishedAt' | 'sortDate' | 'speakerId' | 'speaker' | 'text' | 'start' | 'end'
>;

/** An id an editor merged into another entity. */
export interface MergedEntity {
  mergedInto: string;
}

export interface EntitySummary {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  articleCount: number;
  /** Ids merged into this entity; they redirect here. */
  mergedIds?: string[];
  firstSeen?: string;
  lastSeen?: string;
}

export interface EntityMatch {
  id: string;
  type: EntityType;
  name: string;
  /** The folded name or alias word the prefix matched. */
  matched: string;
  articleCount: number;
}

export interface TrendingEntity {
  id: string;
  type: EntityType;
  name: string;
  articles: number;
}

export interface RelatedEntities {
  articlesConsidered: number;
  items: { id: string; type?: EntityType; name?: string; articlesTogether: number }[];
}
