import { createHash } from 'node:crypto';
import { slugify } from '../article/entity-id';
import type { Entity, TaggedArticle } from '../article/schema';
import { stageDocumentKey } from '../pipeline/key-layout';
import {
  type ArticleItem,
  dayOf,
  type EdgeItem,
  keys,
  monthOf,
  type QuoteItem,
  type StoredEntity,
  type TimelineFacet,
} from './items';

/** DynamoDB refuses items over 400 KB; this leaves room for attribute names and number encoding. */
export const maxArticleItemBytes = 350_000;
/** Mentions kept per entity when an article is too large to keep them all. */
const trimmedMentionsPerEntity = 20;
const trimmedQuotes = 100;
const coEntitiesPerEdge = 25;

/** Everything one revision of an article writes: the article item, its entity edges, its attributed quotes. */
export interface ArticleRecord {
  article: ArticleItem;
  edges: EdgeItem[];
  quotes: QuoteItem[];
  facets: TimelineFacet[];
  month: string;
}

/**
 * The order in which writes of one article win: the raw object's revision first, then when the tagged
 * document was written, so re-tagging the same revision (a tagger upgrade) replaces what is stored.
 */
export function writeVersion(tagged: Pick<TaggedArticle, 'origin'>, taggedAt?: Date): string {
  return `${tagged.origin.revision}|${taggedAt ? taggedAt.toISOString() : ''}`;
}

export function articleRecord(tagged: TaggedArticle, taggedAt?: Date, storedAt = new Date()): ArticleRecord {
  const version = writeVersion(tagged, taggedAt);
  const { sortDate, assumed } = sortDateOf(tagged);
  const month = monthOf(sortDate);
  const entities = mergeEntities(tagged.entities);
  const stamp = keys.datedSk(sortDate, tagged.id);
  const facets: TimelineFacet[] = [{ kind: 'all' }];
  if (tagged.section) facets.push({ kind: 'section', value: tagged.section });
  if (tagged.source) facets.push({ kind: 'source', value: tagged.source });

  const article: ArticleItem = {
    ...keys.article(tagged.id),
    kind: 'article',
    id: tagged.id,
    revision: tagged.origin.revision,
    version,
    contentHash: tagged.origin.contentHash,
    title: tagged.title,
    subtitle: tagged.subtitle,
    section: tagged.section,
    source: tagged.source,
    sourceSlug: tagged.source ? slugify(tagged.source) : undefined,
    authors: tagged.authors,
    publishedAt: tagged.publishedAt,
    sortDate,
    dateAssumed: assumed,
    modifiedAt: tagged.modifiedAt,
    dateline: tagged.dateline,
    canonicalUrl: tagged.canonicalUrl,
    language: tagged.language,
    format: tagged.format,
    headings: tagged.headings,
    images: tagged.images,
    body: tagged.body,
    bodyLength: tagged.body.length,
    bodyTruncated: false,
    entities: entities.map(
      (e): StoredEntity => ({
        id: e.id,
        type: e.type,
        name: e.name,
        aliases: e.aliases,
        role: e.role,
        salience: e.salience,
        mentionCount: e.mentions.length,
        mentions: e.mentions,
      }),
    ),
    quotes: tagged.quotes,
    quoteCount: tagged.quotes.length,
    dates: tagged.dates,
    origin: tagged.origin,
    taggedKey: stageDocumentKey('tagged', tagged.id),
    parser: tagged.parser,
    tagger: tagged.tagger,
    storedAt: storedAt.toISOString(),
    gsi1pk: keys.timelinePk({ kind: 'all' }, month),
    gsi1sk: stamp,
  };
  if (tagged.section) {
    article.gsi2pk = keys.timelinePk({ kind: 'section', value: tagged.section }, month);
    article.gsi2sk = stamp;
  }
  if (tagged.source) {
    article.gsi3pk = keys.timelinePk({ kind: 'source', value: tagged.source }, month);
    article.gsi3sk = stamp;
  }
  fitToItemLimit(article);

  const bySalience = [...entities].sort((a, b) => b.salience - a.salience || a.id.localeCompare(b.id));
  const edges = entities.map(
    (e): EdgeItem => ({
      ...keys.edge(tagged.id, e.id),
      kind: 'edge',
      articleId: tagged.id,
      entityId: e.id,
      entityType: e.type,
      name: e.name,
      namesHash: namesHash(e),
      version,
      sortDate,
      day: dayOf(sortDate),
      title: tagged.title,
      section: tagged.section,
      source: tagged.source,
      publishedAt: tagged.publishedAt,
      salience: e.salience,
      mentionCount: e.mentions.length,
      coEntities: bySalience
        .filter((o) => o.id !== e.id)
        .slice(0, coEntitiesPerEdge)
        .map((o) => o.id),
      gsi1pk: keys.entityArticlesPk(e.id),
      gsi1sk: stamp,
    }),
  );

  const quotes: QuoteItem[] = [];
  tagged.quotes.forEach((q, index) => {
    if (!q.speakerId) return;
    const key = keys.quote(tagged.id, index);
    quotes.push({
      ...key,
      kind: 'quote',
      articleId: tagged.id,
      version,
      speakerId: q.speakerId,
      speaker: q.speaker,
      text: q.text,
      start: q.start,
      end: q.end,
      sortDate,
      title: tagged.title,
      publishedAt: tagged.publishedAt,
      gsi1pk: keys.speakerQuotesPk(q.speakerId),
      gsi1sk: keys.datedSk(sortDate, tagged.id, key.sk.slice(key.sk.indexOf('#') + 1)),
    });
  });

  return { article, edges, quotes, facets, month };
}

/** UTC publication time; an article without one is placed at its upload time and says so. */
export function sortDateOf(article: Pick<TaggedArticle, 'publishedAt' | 'origin'>): {
  sortDate: string;
  assumed: boolean;
} {
  const published = article.publishedAt ? new Date(article.publishedAt) : undefined;
  if (published && !Number.isNaN(published.getTime()))
    return { sortDate: published.toISOString(), assumed: false };
  const uploaded = new Date(article.origin.revision.split('#')[0] ?? '');
  const fallback = Number.isNaN(uploaded.getTime()) ? new Date(0) : uploaded;
  return { sortDate: fallback.toISOString(), assumed: true };
}

/** A tagger may list one entity twice; its edges are keyed by entity id, so merge them first. */
function mergeEntities(entities: readonly Entity[]): Entity[] {
  const byId = new Map<string, Entity>();
  for (const e of entities) {
    const seen = byId.get(e.id);
    if (!seen) {
      byId.set(e.id, { ...e, aliases: [...e.aliases], mentions: [...e.mentions] });
      continue;
    }
    seen.aliases = [...new Set([...seen.aliases, ...e.aliases])];
    seen.mentions = [...seen.mentions, ...e.mentions].sort((a, b) => a.start - b.start);
    seen.salience = Math.max(seen.salience, e.salience);
  }
  return [...byId.values()];
}

function namesHash(entity: Pick<Entity, 'name' | 'type' | 'aliases'>): string {
  return createHash('sha1')
    .update(JSON.stringify([entity.type, entity.name, [...entity.aliases].sort()]))
    .digest('base64url')
    .slice(0, 16);
}

export function itemBytes(item: unknown): number {
  return Buffer.byteLength(JSON.stringify(item), 'utf8');
}

/**
 * Keeps an article item under the item size limit: first fewer mentions and quotes (their counts
 * stay), then a shorter body. The whole tagged document stays in S3 under taggedKey.
 */
export function fitToItemLimit(article: ArticleItem, limit = maxArticleItemBytes): void {
  if (itemBytes(article) <= limit) return;
  for (const e of article.entities) e.mentions = e.mentions.slice(0, trimmedMentionsPerEntity);
  article.quotes = article.quotes.slice(0, trimmedQuotes);
  if (itemBytes(article) <= limit) return;
  const full = article.body;
  article.body = '';
  article.bodyTruncated = true;
  if (itemBytes(article) > limit) {
    article.entities = article.entities.map((e) => ({ ...e, mentions: [] }));
    article.quotes = [];
    article.dates = [];
  }
  // Bytes per character differ (UTF-8), so cut by characters and shrink until it fits.
  let cut = Math.max(0, Math.min(full.length, limit - itemBytes(article)));
  while (cut > 0) {
    article.body = full.slice(0, cut);
    if (itemBytes(article) <= limit) return;
    cut = Math.floor(cut * 0.9);
  }
  article.body = '';
}
