import { createHash } from 'node:crypto';
import { slugify } from '../article/entity-id';
import type { Entity, Mention, TaggedArticle } from '../article/schema';
import { stageDocumentKey } from '../pipeline/key-layout';
import type { EntityFacts } from './edge-ledger';
import {
  type ArticleItem,
  dayOf,
  type EdgeItem,
  type Gender,
  keys,
  type LinkNote,
  monthOf,
  type QuoteItem,
  type StoredEntity,
  type StoredQuote,
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
  /** The archive entities the edges are of, with the names and evidence their summaries take. */
  entities: EntityFacts[];
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

/** Where the archive resolved one of the article's entities (by the tagger's id), when not to itself. */
export interface EntityResolution {
  id: string;
  name?: string;
  link?: LinkNote;
}

/** The tagger's entity with what the contract of this round may add (gender, partialName). */
export type TaggedEntity = Entity & { gender?: Gender; partialName?: boolean };

export function articleRecord(
  tagged: TaggedArticle,
  taggedAt?: Date,
  storedAt = new Date(),
  resolved: ReadonlyMap<string, EntityResolution> = new Map(),
): ArticleRecord {
  const version = writeVersion(tagged, taggedAt);
  const { sortDate, assumed } = sortDateOf(tagged);
  const month = monthOf(sortDate);
  const entities = mergeEntities(tagged.entities as TaggedEntity[]);
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
        gender: e.gender,
        partialName: e.partialName,
      }),
    ),
    quotes: tagged.quotes.map((q) => ({ ...q })),
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
  applyResolution(article, resolved);
  // Quote items are made from every quote, before the item may have to drop some to fit.
  const quotes = article.quotes.map((q) => ({ ...q }));
  fitToItemLimit(article);
  return { article, ...derivedItems(article, quotes), facets, month };
}

/**
 * Records on the article item which archive entity each of its entities is. Returns whether anything
 * changed, so a re-link that decides the same costs no write.
 */
export function applyResolution(
  article: ArticleItem,
  resolved: ReadonlyMap<string, EntityResolution>,
): boolean {
  let changed = false;
  const ids = new Map<string, string>();
  for (const e of article.entities) {
    const r = resolved.get(e.id);
    const id = r?.id ?? e.id;
    const name = r?.name ?? (id === e.id ? e.name : undefined);
    const next = {
      resolvedId: id !== e.id ? id : undefined,
      resolvedName: name !== undefined && name !== e.name ? name : undefined,
      link: r?.link,
    };
    if (
      next.resolvedId !== e.resolvedId ||
      next.resolvedName !== e.resolvedName ||
      JSON.stringify(next.link) !== JSON.stringify(e.link)
    )
      changed = true;
    Object.assign(e, next);
    if (!next.resolvedId) delete e.resolvedId;
    if (!next.resolvedName) delete e.resolvedName;
    if (!next.link) delete e.link;
    ids.set(e.id, next.resolvedId ?? e.id);
  }
  for (const q of article.quotes) {
    const speaker = q.speakerId ? ids.get(q.speakerId) : undefined;
    const next = speaker && speaker !== q.speakerId ? speaker : undefined;
    if (next !== q.resolvedSpeakerId) changed = true;
    if (next) q.resolvedSpeakerId = next;
    else delete q.resolvedSpeakerId;
  }
  return changed;
}

/** One archive entity of an article: the article's entities that resolved to it, folded together. */
export interface ArchiveEntity extends EntityFacts {
  role?: string;
  salience: number;
  mentionCount: number;
  mentions: Mention[];
  link?: LinkNote;
  /** The tagger's ids folded into this entity, when other than its own. */
  taggedIds: string[];
}

/** The article's entities as the archive knows them: one per archive id, whatever the tagger called them. */
export function archiveEntities(article: Pick<ArticleItem, 'entities'>): ArchiveEntity[] {
  const byId = new Map<string, ArchiveEntity>();
  for (const e of article.entities) {
    const id = e.resolvedId ?? e.id;
    const name = e.resolvedName ?? e.name;
    const seen = byId.get(id);
    if (!seen) {
      byId.set(id, {
        id,
        type: e.type,
        name,
        aliases: [...new Set([...e.aliases, ...(name !== e.name ? [e.name] : [])])],
        role: e.role,
        salience: e.salience,
        mentionCount: e.mentionCount,
        mentions: [...e.mentions],
        gender: e.gender,
        partialName: e.resolvedId ? false : e.partialName,
        namedInFull: !e.partialName,
        link: e.link,
        taggedIds: e.id === id ? [] : [e.id],
      });
      continue;
    }
    seen.aliases = [...new Set([...seen.aliases, ...e.aliases, ...(e.name !== seen.name ? [e.name] : [])])];
    seen.mentions = [...seen.mentions, ...e.mentions].sort((a, b) => a.start - b.start);
    seen.mentionCount += e.mentionCount;
    seen.salience = Math.max(seen.salience, e.salience);
    seen.role ??= e.role;
    seen.gender ??= e.gender;
    seen.partialName = Boolean(seen.partialName && e.partialName && !e.resolvedId);
    seen.namedInFull = seen.namedInFull || !e.partialName;
    seen.link ??= e.link;
    if (e.id !== id) seen.taggedIds.push(e.id);
  }
  return [...byId.values()];
}

/**
 * The edges and quote items one revision of an article implies, from the article item alone: the
 * writer builds them at first store, and a re-link rebuilds them when an entity resolves elsewhere.
 */
export function derivedItems(
  article: ArticleItem,
  allQuotes: readonly StoredQuote[] = article.quotes,
): {
  edges: EdgeItem[];
  quotes: QuoteItem[];
  entities: ArchiveEntity[];
} {
  const entities = archiveEntities(article);
  const stamp = keys.datedSk(article.sortDate, article.id);
  const bySalience = [...entities].sort((a, b) => b.salience - a.salience || a.id.localeCompare(b.id));
  const edges = entities.map(
    (e): EdgeItem => ({
      ...keys.edge(article.id, e.id),
      kind: 'edge',
      articleId: article.id,
      entityId: e.id,
      entityType: e.type,
      name: e.name,
      namesHash: namesHash(e),
      version: article.version,
      sortDate: article.sortDate,
      day: dayOf(article.sortDate),
      title: article.title,
      section: article.section,
      source: article.source,
      publishedAt: article.publishedAt,
      salience: e.salience,
      mentionCount: e.mentionCount,
      coEntities: bySalience
        .filter((o) => o.id !== e.id)
        .slice(0, coEntitiesPerEdge)
        .map((o) => o.id),
      gsi1pk: keys.entityArticlesPk(e.id),
      gsi1sk: stamp,
    }),
  );

  const quotes: QuoteItem[] = [];
  allQuotes.forEach((q, index) => {
    const speakerId = q.resolvedSpeakerId ?? q.speakerId;
    if (!speakerId) return;
    const key = keys.quote(article.id, index);
    quotes.push({
      ...key,
      kind: 'quote',
      articleId: article.id,
      version: article.version,
      speakerId,
      speaker: q.speaker,
      text: q.text,
      start: q.start,
      end: q.end,
      sortDate: article.sortDate,
      title: article.title,
      publishedAt: article.publishedAt,
      gsi1pk: keys.speakerQuotesPk(speakerId),
      gsi1sk: keys.datedSk(article.sortDate, article.id, key.sk.slice(key.sk.indexOf('#') + 1)),
    });
  });
  return { edges, quotes, entities };
}

/** Whether an article states a usable publication time; without one it is placed at its upload time. */
export function hasPublicationTime(publishedAt: string | undefined): boolean {
  return publishedAt !== undefined && !Number.isNaN(new Date(publishedAt).getTime());
}

/** UTC publication time; an article without one is placed at its upload time and says so. */
export function sortDateOf(article: Pick<TaggedArticle, 'publishedAt' | 'origin'>): {
  sortDate: string;
  assumed: boolean;
} {
  if (hasPublicationTime(article.publishedAt))
    return { sortDate: new Date(article.publishedAt!).toISOString(), assumed: false };
  const uploaded = new Date(article.origin.revision.split('#')[0] ?? '');
  const fallback = Number.isNaN(uploaded.getTime()) ? new Date(0) : uploaded;
  return { sortDate: fallback.toISOString(), assumed: true };
}

/** A tagger may list one entity twice; its edges are keyed by entity id, so merge them first. */
function mergeEntities(entities: readonly TaggedEntity[]): TaggedEntity[] {
  const byId = new Map<string, TaggedEntity>();
  for (const e of entities) {
    const seen = byId.get(e.id);
    if (!seen) {
      byId.set(e.id, { ...e, aliases: [...e.aliases], mentions: [...e.mentions] });
      continue;
    }
    seen.aliases = [...new Set([...seen.aliases, ...e.aliases])];
    seen.mentions = [...seen.mentions, ...e.mentions].sort((a, b) => a.start - b.start);
    seen.salience = Math.max(seen.salience, e.salience);
    seen.gender ??= e.gender;
    seen.partialName = Boolean(seen.partialName && e.partialName) || undefined;
  }
  return [...byId.values()];
}

function namesHash(entity: { name: string; type: string; aliases: readonly string[] }): string {
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
