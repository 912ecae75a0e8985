import { type ResolvedTime, resolveTime } from '../dates';
import { splitNames, wordCount } from '../text-blocks';
import type { HtmlDocument, HtmlElement } from './document';
import { decodeEntities, type JsonLdArticle, readJsonLd } from './json-ld';

/** Page metadata from JSON-LD, Open Graph, meta tags, microdata and `<time>`. */
export interface HtmlMetadata {
  title?: string;
  subtitle?: string;
  /** The page's summary (meta description): often printed again as the standfirst above the text. */
  description?: string;
  authors: string[];
  /** The first candidate that reads as a time, best source first (JSON-LD, meta tags, microdata, page). */
  published?: ResolvedTime;
  modified?: ResolvedTime;
  section?: string;
  canonicalUrl?: string;
  language?: string;
  siteName?: string;
  jsonLd?: JsonLdArticle;
}

const squashed = (s: string | null | undefined) => s?.replace(/\s+/g, ' ').trim() || undefined;

/** meta tags by property, name or each itemprop token, lower-cased; the first tag of a key wins. */
function metaMap(document: HtmlDocument): Map<string, string> {
  const map = new Map<string, string>();
  for (const meta of document.querySelectorAll('meta') as Iterable<HtmlElement>) {
    const content = squashed(meta.getAttribute('content'));
    if (!content) continue;
    const keys = [
      meta.getAttribute('property'),
      meta.getAttribute('name'),
      ...(meta.getAttribute('itemprop') ?? '').split(/\s+/),
    ];
    for (const key of keys) {
      const k = key?.trim().toLowerCase();
      if (k && !map.has(k)) map.set(k, decodeEntities(content));
    }
  }
  return map;
}

function pickAll(map: Map<string, string>, keys: readonly string[]): string[] {
  return keys.map((key) => map.get(key)).filter((v): v is string => !!v);
}

const isUrl = (s: string) => /^(?:https?:)?\/\//i.test(s);

/** The site's name goes from "Title | Site"; from a `<title>`, any short last part goes too. */
function cleanTitle(title: string, siteName: string | undefined, fromTitleTag: boolean): string {
  const parts = title.split(/\s+[|–—-]\s+|\s+::\s+/);
  if (parts.length < 2) return title;
  if (siteName) {
    const rest = parts.filter((p) => p.toLowerCase() !== siteName.toLowerCase());
    if (rest.length < parts.length && rest.length > 0) return rest.join(' - ');
  }
  if (!fromTitleTag) return title;
  return wordCount(parts.at(-1)!) <= 4 ? parts.slice(0, -1).join(' - ') : title;
}

/** Microdata and `<time>` elements: attribute values first, then short text. */
function timesInPage(document: HtmlDocument, prop: 'datePublished' | 'dateModified'): string[] {
  const found: string[] = [];
  for (const el of document.querySelectorAll(`[itemprop~="${prop}"]`) as Iterable<HtmlElement>) {
    const value = el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent;
    if (squashed(value)) found.push(squashed(value)!);
  }
  if (prop === 'dateModified') return found;
  const times = document.querySelectorAll(
    'article time[datetime], header time[datetime], time[pubdate], time[datetime]',
  );
  for (const time of times as Iterable<HtmlElement>) {
    const value = squashed(time.getAttribute('datetime'));
    if (value) found.push(value);
  }
  // Dates printed in an element named for them ("publish-date", "timestamp"), when nothing better exists.
  for (const el of document.querySelectorAll(
    '[class*="publish"], [class*="date"], [class*="timestamp"]',
  ) as Iterable<HtmlElement>) {
    const text = squashed(el.textContent);
    if (text && text.length <= 80 && /\d{4}/.test(text))
      found.push(text.replace(/^(?:published|posted|updated)\s*:?\s*/i, ''));
    if (found.length > 12) break;
  }
  return found;
}

/** Names from byline markup: rel=author links, author microdata, elements named byline or author. */
function bylineNames(document: HtmlDocument): string[] {
  const selectors = [
    '[itemprop~="author"] [itemprop~="name"]',
    'a[rel~="author"]',
    '[itemprop~="author"]',
    '[class*="byline"] a, [class*="author-name"], [class*="author__name"], [class*="authorName"]',
    '[class*="byline"]',
  ];
  for (const selector of selectors) {
    const names: string[] = [];
    for (const el of document.querySelectorAll(selector) as Iterable<HtmlElement>) {
      const text = squashed(el.getAttribute('content') ?? el.textContent);
      if (!text || text.length > 120) continue;
      const cleaned = text
        .replace(/^(?:written\s+)?by\s+/i, '')
        .replace(/\s*[|•·–—-]\s*.*$/, '')
        .replace(/\s+(?:on|updated|published)\b.*$/i, '');
      for (const name of splitNames(cleaned)) if (looksLikeName(name)) names.push(name);
    }
    const unique = [...new Set(names)];
    if (unique.length > 0 && unique.length <= 6) return unique;
  }
  return [];
}

/** Two to five words, each capitalised (particles such as "van", "de", "bin" allowed), no digits. */
function looksLikeName(text: string): boolean {
  if (/\d|@|https?:/.test(text)) return false;
  const words = text.split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  return words.every(
    (w) => /^\p{Lu}/u.test(w) || /^(?:van|von|de|der|den|da|di|du|la|le|bin|al|el|y|e)$/i.test(w),
  );
}

export function readHtmlMetadata(
  document: HtmlDocument,
  jsonLdBlocks: readonly string[],
  zone: string,
): HtmlMetadata {
  const meta = metaMap(document);
  const ld = readJsonLd(jsonLdBlocks);
  const siteName = pickAll(meta, ['og:site_name', 'application-name'])[0] ?? ld?.publisher;
  const h1 = squashed(document.querySelector('h1')?.textContent);
  const metaTitle =
    ld?.headline ??
    pickAll(meta, [
      'og:title',
      'twitter:title',
      'headline',
      'sailthru.title',
      'parsely-title',
      'dc.title',
    ])[0];
  const tagTitle = squashed(document.querySelector('title')?.textContent);
  const canonical =
    squashed((document.querySelector('link[rel="canonical"]') as HtmlElement | null)?.getAttribute('href')) ??
    pickAll(meta, ['og:url', 'twitter:url'])[0] ??
    ld?.url;
  const htmlLang = squashed(document.documentElement?.getAttribute('lang'));
  const ogLocale = meta.get('og:locale')?.replace('_', '-');
  const ldAuthors = ld?.authors ?? [];
  const metaAuthor = pickAll(meta, [
    'author',
    'article:author',
    'byl',
    'sailthru.author',
    'parsely-author',
    'dc.creator',
  ]).find((a) => !isUrl(a));
  return {
    title: metaTitle
      ? cleanTitle(metaTitle, siteName, false)
      : (h1 ?? (tagTitle ? cleanTitle(tagTitle, siteName, true) : undefined)),
    subtitle: ld?.alternativeHeadline,
    description:
      ld?.description ?? pickAll(meta, ['og:description', 'description', 'twitter:description'])[0],
    authors:
      ldAuthors.length > 0
        ? ldAuthors
        : metaAuthor
          ? splitNames(metaAuthor.replace(/^by\s+/i, ''))
          : bylineNames(document),
    // The page is scanned for dates only when JSON-LD and meta tags give none: the scan is the slow part.
    published:
      firstTime([...(ld?.datePublished ? [ld.datePublished] : []), ...pickAll(meta, publishedKeys)], zone) ??
      firstTime(timesInPage(document, 'datePublished'), zone),
    modified:
      firstTime([...(ld?.dateModified ? [ld.dateModified] : []), ...pickAll(meta, modifiedKeys)], zone) ??
      firstTime(timesInPage(document, 'dateModified'), zone),
    section:
      ld?.section ?? pickAll(meta, ['article:section', 'section', 'parsely-section', 'article.section'])[0],
    canonicalUrl: canonical && /^https?:\/\//i.test(canonical) ? canonical : undefined,
    language: htmlLang || ld?.language || meta.get('content-language') || ogLocale || undefined,
    siteName,
    jsonLd: ld,
  };
}

const publishedKeys = [
  'article:published_time',
  'og:published_time',
  'datepublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'date',
  'dc.date.issued',
  'dc.date',
  'dcterms.created',
  'dcterms.date',
  'sailthru.date',
  'parsely-pub-date',
  'article.published',
  'datecreated',
];
const modifiedKeys = [
  'article:modified_time',
  'og:updated_time',
  'datemodified',
  'dcterms.modified',
  'last-modified',
];

/** The first candidate that reads as a time (placeholders such as year 0001 do not). */
function firstTime(candidates: readonly string[], zone: string): ResolvedTime | undefined {
  for (const candidate of candidates) {
    const time = resolveTime(candidate, zone);
    if (time) return time;
  }
  return undefined;
}
