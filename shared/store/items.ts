import { createHash } from 'node:crypto';
import { foldName, slugify } from '../article/entity-id';
import type { EntityType, Mention } from '../article/schema';

/**
 * The item types of the single table and the builders of their keys. Every key is built here and
 * nowhere else, so the writer, the reader and the cursor checks cannot disagree on a key's shape.
 * DESIGN.md explains the layout and what each operation costs.
 */

export const articleSk = 'ARTICLE' as const;
export const edgeSkPrefix = 'EDGE#';
export const quoteSkPrefix = 'QUOTE#';
export const entitySk = 'ENTITY' as const;
/** An editor's correction of one article's entity; sorts before EDGE# so revision clean-up never sees it. */
export const correctionSkPrefix = 'CORR#';
export const candidateSkPrefix = 'FULL#';
export const partialSkPrefix = 'PART#';

/** Timelines are sharded by calendar month of the article's date so no index partition takes every write. */
export type TimelineFacet =
  | { kind: 'all' }
  | { kind: 'section'; value: string }
  | { kind: 'source'; value: string };

/** Trend counters of one day are spread over this many partitions (by entity id hash). */
export const trendShards = 4;

export const keys = {
  articlePk: (articleId: string) => `ART#${articleId}`,
  article: (articleId: string) => ({ pk: keys.articlePk(articleId), sk: articleSk }),
  edge: (articleId: string, entityId: string) => ({
    pk: keys.articlePk(articleId),
    sk: `${edgeSkPrefix}${entityId}`,
  }),
  quote: (articleId: string, index: number) => ({
    pk: keys.articlePk(articleId),
    sk: `${quoteSkPrefix}${String(index).padStart(4, '0')}`,
  }),
  entity: (entityId: string) => ({ pk: `ENT#${entityId}`, sk: entitySk }),
  /** The months that hold at least one article of a facet: lets a list walk buckets without guessing. */
  monthRegistry: (facet: TimelineFacet, month: string) => ({ pk: monthRegistryPk(facet), sk: month }),
  monthRegistryPk,
  timelinePk: (facet: TimelineFacet, month: string) => `TL#${facetKey(facet)}#${month}`,
  /** Sort key shared by every dated index entry: newest first is a descending Query. */
  datedSk: (sortDate: string, articleId: string, suffix?: string) =>
    suffix === undefined ? `${sortDate}#${articleId}` : `${sortDate}#${articleId}#${suffix}`,
  entityArticlesPk: (entityId: string) => `ENT#${entityId}`,
  speakerQuotesPk: (speakerId: string) => `SPK#${speakerId}`,
  nameTokenPk: (type: EntityType | undefined, token: string) => `NAME#${type ?? 'ANY'}#${token.slice(0, 2)}`,
  nameToken: (type: EntityType | undefined, token: string, entityId: string) => ({
    pk: keys.nameTokenPk(type, token),
    sk: `${token}#${entityId}`,
  }),
  /** Per-day counters, one partition per month and shard: a run of days is one Query per shard. */
  trendDayPk: (month: string, shard: number) => `TRENDD#${month}#${shard}`,
  trendDay: (day: string, type: EntityType, entityId: string) => ({
    pk: keys.trendDayPk(monthOf(day), trendShardOf(entityId)),
    sk: `${day.slice(8, 10)}#${type}#${entityId}`,
  }),
  /**
   * The monthly rollup, one partition per year (not sharded: a year's window is then one Query; the
   * partition takes two writes per article-entity, see DESIGN.md on hot keys).
   */
  trendMonthPk: (year: string) => `TRENDM#${year}`,
  trendMonth: (day: string, type: EntityType, entityId: string) => ({
    pk: keys.trendMonthPk(day.slice(0, 4)),
    sk: `${day.slice(5, 7)}#${type}#${entityId}`,
  }),
  /** Full-name people and the articles that name someone by surname only, for one surname. */
  surnamePk: (folded: string) => `SURNAME#PERSON#${folded}`,
  candidate: (surname: string, entityId: string) => ({
    pk: keys.surnamePk(surname),
    sk: `${candidateSkPrefix}${entityId}`,
  }),
  partial: (surname: string, articleId: string, taggedId: string) => ({
    pk: keys.surnamePk(surname),
    sk: `${partialSkPrefix}${articleId}#${taggedId}`,
  }),
  correction: (articleId: string, taggedId: string) => ({
    pk: keys.articlePk(articleId),
    sk: `${correctionSkPrefix}${taggedId}`,
  }),
  /** Every merged-away id, so a maintenance pass can find them without a Scan. */
  mergeRegistryPk: 'MERGED' as const,
  mergeRecord: (fromId: string) => ({ pk: 'MERGED', sk: fromId }),
};

/** A string set attribute as the document client reads it (a Set, or absent), as a list. */
export function stringsOf(value: unknown): string[] {
  return [...((value as Set<string> | undefined) ?? [])];
}

/** The last word of a full name, folded: the key both a full-name person and a surname-only mention share. */
export function surnameOf(name: string): string {
  const words = foldName(name).split(' ').filter(Boolean);
  return words[words.length - 1] ?? '';
}

function facetKey(facet: TimelineFacet): string {
  return facet.kind === 'all' ? 'ALL' : `${facet.kind.toUpperCase()}#${slugify(facet.value)}`;
}

function monthRegistryPk(facet: TimelineFacet): string {
  return `MONTHS#${facetKey(facet)}`;
}

/** Which index holds a facet's timeline. */
export function timelineIndex(facet: TimelineFacet): 'gsi1' | 'gsi2' | 'gsi3' {
  return facet.kind === 'all' ? 'gsi1' : facet.kind === 'section' ? 'gsi2' : 'gsi3';
}

export function trendShardOf(entityId: string): number {
  return createHash('sha1').update(entityId).digest()[0]! % trendShards;
}

export const monthOf = (isoInstant: string) => isoInstant.slice(0, 7);
export const dayOf = (isoInstant: string) => isoInstant.slice(0, 10);

/**
 * Folded name tokens an entity is found by: each word of its name and aliases to the end of the name,
 * so "zel" and "volodymyr zel" both find "Volodymyr Zelenskyy". Words of one letter are skipped.
 */
export function nameTokens(names: readonly string[]): string[] {
  const tokens = new Set<string>();
  for (const name of names) {
    const words = foldName(name).split(' ').filter(Boolean);
    for (let i = 0; i < words.length; i++) {
      if (words[i]!.length < 2) continue;
      tokens.add(words.slice(i).join(' '));
    }
  }
  return [...tokens];
}

export type Gender = 'female' | 'male';

/** What the archive decided about an entity of one article (see entity-linking.ts). */
export interface LinkNote {
  status: 'linked' | 'separate' | 'merged' | 'corrected';
  reason: string;
}

export interface StoredEntity {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  role?: string;
  gender?: Gender;
  partialName?: boolean;
  /**
   * The archive's entity this one of the article is (linked by surname, merged or corrected by an
   * editor), when it is not `id`; `id` stays the tagger's, so a later decision can be re-made.
   */
  resolvedId?: string;
  resolvedName?: string;
  link?: LinkNote;
  salience: number;
  /** All mentions in the article; `mentions` may hold fewer when the item had to be trimmed to fit. */
  mentionCount: number;
  mentions: Mention[];
}

export interface StoredQuote {
  text: string;
  start: number;
  end: number;
  speaker?: string;
  speakerId?: string;
  /** The archive's entity the speaker is, when not speakerId (see StoredEntity.resolvedId). */
  resolvedSpeakerId?: string;
}

/** The article as the API shows it: one item, written last, so a reader sees one revision whole. */
export interface ArticleItem {
  pk: string;
  sk: typeof articleSk;
  kind: 'article';
  id: string;
  revision: string;
  /** What conditional writes compare (see writeVersion): revision, then tagging time. */
  version: string;
  contentHash: string;
  title: string;
  subtitle?: string;
  section?: string;
  source?: string;
  /** The source as its timeline names it: lets a section timeline be filtered by source. */
  sourceSlug?: string;
  authors: string[];
  publishedAt?: string;
  /** publishedAt in UTC, or the upload time when the article has none: what timelines sort by. */
  sortDate: string;
  dateAssumed: boolean;
  modifiedAt?: string;
  dateline?: { place: string; date?: string };
  canonicalUrl?: string;
  language?: string;
  format: string;
  headings: string[];
  images: { caption: string; credit?: string; url?: string }[];
  body: string;
  bodyLength: number;
  bodyTruncated: boolean;
  entities: StoredEntity[];
  quotes: StoredQuote[];
  quoteCount: number;
  dates: { text: string; start: number; end: number; value: string }[];
  origin: { bucket?: string; key: string; contentHash: string; bytes: number; revision: string };
  /** Where the whole tagged document lives when this item had to be trimmed. */
  taggedKey: string;
  parser: { version: string };
  tagger: { name: string; version: string };
  storedAt: string;
  gsi1pk: string;
  gsi1sk: string;
  gsi2pk?: string;
  gsi2sk?: string;
  gsi3pk?: string;
  gsi3sk?: string;
}

/** One article mentions one entity: the entity's timeline entry and the unit its counts are made of. */
export interface EdgeItem {
  pk: string;
  sk: string;
  kind: 'edge';
  articleId: string;
  entityId: string;
  entityType: EntityType;
  name: string;
  /** Hash of name and aliases: the entity summary is only rewritten when they change. */
  namesHash: string;
  version: string;
  sortDate: string;
  day: string;
  title: string;
  section?: string;
  source?: string;
  publishedAt?: string;
  salience: number;
  mentionCount: number;
  /** The most salient other entities of the article, for the co-occurrence question. */
  coEntities: string[];
  gsi1pk: string;
  gsi1sk: string;
}

export interface QuoteItem {
  pk: string;
  sk: string;
  kind: 'quote';
  articleId: string;
  version: string;
  speakerId: string;
  speaker?: string;
  text: string;
  start: number;
  end: number;
  sortDate: string;
  title: string;
  publishedAt?: string;
  gsi1pk: string;
  gsi1sk: string;
}

export interface EntityItem {
  pk: string;
  sk: typeof entitySk;
  kind: 'entity';
  id: string;
  type: EntityType;
  name: string;
  aliases?: Set<string>;
  articleCount?: number;
  gender?: Gender;
  /** Set by a merge: this id now redirects to the surviving entity. */
  mergedInto?: string;
  /** Ids merged into this entity. */
  mergedIds?: Set<string>;
  /** An editor's name: the tagger's name no longer overwrites it. */
  renamed?: boolean;
}

export interface NameTokenItem {
  pk: string;
  sk: string;
  kind: 'name';
  entityId: string;
  entityType: EntityType;
  name: string;
  token: string;
  /** All the entity's tokens: a search shows the entity only at the first one matching its prefix. */
  tokens: string[];
}

export interface TrendItem {
  pk: string;
  sk: string;
  kind: 'trend';
  entityId: string;
  entityType: EntityType;
  articles: number;
}
