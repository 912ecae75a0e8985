import type { ArticleFormat, Image } from '../article/schema';
import { captionImage } from './captions';
import { type ResolvedTime, resolveTime } from './dates';
import type { ExtractedFields } from './outcome';
import { splitNames } from './text-blocks';

/**
 * Article fields from a key-value record (JSON document, markdown front matter) under the field names
 * newsrooms and CMS exports commonly use. Keys compare case-insensitively, ignoring `_` and `-`.
 */
export interface RecordFields {
  title?: string;
  subtitle?: string;
  body?: unknown;
  authors: string[];
  publishedAt?: ResolvedTime;
  modifiedAt?: string;
  section?: string;
  source?: string;
  canonicalUrl?: string;
  language?: string;
  dateline?: { place: string };
  images: Image[];
}

// biome-ignore format: word lists
export const fieldNames = {
  title: ['title', 'headline', 'hed', 'name', 'heading'],
  subtitle: ['subtitle', 'subheadline', 'subhead', 'dek', 'standfirst', 'alternativeheadline', 'deck'],
  body: ['body', 'articlebody', 'content', 'text', 'bodytext', 'fulltext', 'story', 'contenthtml', 'bodyhtml', 'html', 'article'],
  authors: ['authors', 'author', 'byline', 'creator', 'creators', 'writer', 'writers', 'by', 'reporter', 'reporters'],
  published: ['publishedat', 'published', 'datepublished', 'publicationdate', 'pubdate', 'publishdate', 'publishedtime', 'firstpublished', 'date', 'created', 'createdat', 'datecreated', 'issued', 'time', 'timestamp'],
  modified: ['modifiedat', 'modified', 'datemodified', 'updatedat', 'updated', 'lastmodified', 'lastmod', 'lastupdated'],
  section: ['section', 'articlesection', 'category', 'categories', 'desk', 'department', 'vertical'],
  source: ['source', 'publisher', 'agency', 'provider', 'sitename', 'site', 'publication', 'outlet', 'distributor'],
  url: ['canonicalurl', 'canonical', 'url', 'link', 'permalink', 'webUrl'],
  language: ['language', 'lang', 'inlanguage', 'locale'],
  dateline: ['dateline', 'location', 'place'],
  images: ['images', 'image', 'media', 'photos', 'photo', 'leadimage', 'featuredimage'],
} as const;

type Json = Record<string, unknown>;

const normalizeKey = (key: string) => key.toLowerCase().replace(/[-_\s]/g, '');

/**
 * The record's fields. JSON.parse keeps a `"__proto__"` key as an own property: read as a field (or as
 * the article) it would let a file pass off a prototype-pollution payload as content, so it is skipped.
 * (A reviver would do the same, but recurses once per level and overflows on deeply nested input.)
 */
export function fieldsOf(record: Json): Array<[string, unknown]> {
  return Object.entries(record).filter(([key]) => key !== '__proto__');
}

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value under the first of `names` the record has (by normalised key). */
export function pick(record: Json, names: readonly string[]): unknown {
  const byKey = new Map<string, unknown>();
  for (const [key, value] of fieldsOf(record)) {
    const k = normalizeKey(key);
    if (!byKey.has(k) && value !== null && value !== undefined && value !== '') byKey.set(k, value);
  }
  for (const name of names) {
    const value = byKey.get(normalizeKey(name));
    if (value !== undefined) return value;
  }
  return undefined;
}

/** A plain string from a string, a number, the first of a list, or an object's name/text/value. */
export function stringOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim() || undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) return stringOf(value[0]);
  if (isRecord(value)) return stringOf(pick(value, ['name', 'text', 'value', '@value', 'title', 'label']));
  return undefined;
}

function authorsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  const names: string[] = [];
  for (const item of list) {
    if (typeof item === 'string')
      for (const name of splitNames(item.replace(/^by\s+/i, ''))) names.push(name);
    else {
      const name = stringOf(item);
      if (name) names.push(name);
    }
  }
  return names.filter((n, i) => names.indexOf(n) === i && !/^https?:\/\//.test(n));
}

/** Epoch numbers: seconds below 10^11, milliseconds above. */
function timeOf(value: unknown, zone: string): ResolvedTime | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
    const ms = value < 1e11 ? value * 1000 : value;
    const date = new Date(ms);
    if (Number.isNaN(date.getTime())) return undefined;
    return { iso: date.toISOString().replace('.000Z', 'Z'), assumedZone: false };
  }
  if (value instanceof Date && !Number.isNaN(value.getTime()))
    return { iso: value.toISOString().replace('.000Z', 'Z'), assumedZone: false };
  return resolveTime(stringOf(value), zone);
}

function imagesOf(value: unknown): Image[] {
  const images: Image[] = [];
  for (const item of Array.isArray(value) ? value : [value]) {
    if (!isRecord(item)) continue;
    const caption = stringOf(pick(item, ['caption', 'description', 'alt', 'title']));
    if (!caption) continue;
    const credit = stringOf(
      pick(item, ['credit', 'creditText', 'copyright', 'photographer', 'byline', 'author']),
    );
    const url = stringOf(pick(item, ['url', 'src', 'contentUrl', 'href']));
    images.push(captionImage(caption, credit, url));
  }
  return images;
}

export function readRecordFields(record: Json, zone: string): RecordFields {
  const url = stringOf(pick(record, fieldNames.url));
  const place = stringOf(pick(record, fieldNames.dateline));
  return {
    title: stringOf(pick(record, fieldNames.title)),
    subtitle: stringOf(pick(record, fieldNames.subtitle)),
    body: pick(record, fieldNames.body),
    authors: authorsOf(pick(record, fieldNames.authors)),
    publishedAt: timeOf(pick(record, fieldNames.published), zone),
    modifiedAt: timeOf(pick(record, fieldNames.modified), zone)?.iso,
    section: stringOf(pick(record, fieldNames.section)),
    source: stringOf(pick(record, fieldNames.source)),
    canonicalUrl: url && /^https?:\/\//i.test(url) ? url : undefined,
    language: stringOf(pick(record, fieldNames.language)),
    dateline: place ? { place } : undefined,
    images: imagesOf(pick(record, fieldNames.images)),
  };
}

/** What a format's reader found in the content itself, beside the record's fields. */
export interface ContentParts {
  title?: string;
  source?: string;
  headings: string[];
  images: Image[];
  body: string;
}

/** A record's fields (front matter, JSON keys) win over what the content says; images from both. */
export function extractedFromRecord(
  format: ArticleFormat,
  fields: RecordFields,
  content: ContentParts,
): ExtractedFields {
  return {
    format,
    title: fields.title ?? content.title ?? '',
    subtitle: fields.subtitle,
    section: fields.section,
    authors: fields.authors,
    publishedAt: fields.publishedAt?.iso,
    publishedAtAssumedZone: fields.publishedAt?.assumedZone || undefined,
    modifiedAt: fields.modifiedAt,
    dateline: fields.dateline,
    source: fields.source ?? content.source,
    canonicalUrl: fields.canonicalUrl,
    language: fields.language,
    headings: content.headings,
    images: [...fields.images, ...content.images],
    body: content.body,
  };
}
