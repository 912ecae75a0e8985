import { splitNames } from '../text-blocks';
import type { HtmlDocument, HtmlElement } from './document';
import { decodeEntities, type JsonLdArticle, readJsonLd } from './json-ld';

/** Page metadata from JSON-LD, Open Graph, meta tags and `<time>`; raw strings, dates not yet resolved. */
export interface HtmlMetadata {
  title?: string;
  subtitle?: string;
  /** The page's summary (meta description): often printed again as the standfirst above the text. */
  description?: string;
  authors: string[];
  published?: string;
  modified?: string;
  section?: string;
  canonicalUrl?: string;
  language?: string;
  siteName?: string;
  jsonLd?: JsonLdArticle;
}

function metaMap(document: HtmlDocument): Map<string, string> {
  const map = new Map<string, string>();
  for (const meta of document.querySelectorAll('meta') as Iterable<HtmlElement>) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop'))
      ?.trim()
      .toLowerCase();
    const content = meta.getAttribute('content')?.replace(/\s+/g, ' ').trim();
    if (key && content && !map.has(key)) map.set(key, decodeEntities(content));
  }
  return map;
}

function first(map: Map<string, string>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = map.get(key);
    if (value) return value;
  }
  return undefined;
}

const isUrl = (s: string) => /^(?:https?:)?\/\//i.test(s);

/** "Title | Site" and "Title - Site": the site's suffix goes when the site name is known or it is short. */
function cleanTitle(title: string, siteName?: string): string {
  const parts = title.split(/\s+[|–—-]\s+|\s+::\s+/);
  if (parts.length < 2) return title;
  if (siteName) {
    const rest = parts.filter((p) => p.toLowerCase() !== siteName.toLowerCase());
    if (rest.length < parts.length && rest.length > 0) return rest.join(' - ');
  }
  const last = parts.at(-1)!;
  return last.split(/\s+/).length <= 4 ? parts.slice(0, -1).join(' - ') : title;
}

function timeElement(document: HtmlDocument): string | undefined {
  const scoped = document.querySelector('article time[datetime], header time[datetime], time[pubdate]');
  const time = (scoped ?? document.querySelector('time[datetime]')) as HtmlElement | null;
  return time?.getAttribute('datetime')?.trim() || undefined;
}

function itempropText(document: HtmlDocument, prop: string): string | undefined {
  const el = document.querySelector(`[itemprop="${prop}"]`) as HtmlElement | null;
  if (!el) return undefined;
  const value = el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent;
  return value?.replace(/\s+/g, ' ').trim() || undefined;
}

function authorsFromMeta(meta: Map<string, string>, document: HtmlDocument): string[] {
  const raw = first(meta, [
    'author',
    'article:author',
    'byl',
    'sailthru.author',
    'parsely-author',
    'dc.creator',
  ]);
  if (raw && !isUrl(raw)) return splitNames(raw.replace(/^by\s+/i, ''));
  const linked = [
    ...(document.querySelectorAll(
      'a[rel="author"], [itemprop="author"] [itemprop="name"]',
    ) as Iterable<HtmlElement>),
  ]
    .map((a) => a.textContent?.replace(/\s+/g, ' ').trim() ?? '')
    .filter((s) => s !== '' && s.split(' ').length <= 5);
  return [...new Set(linked)];
}

export function readHtmlMetadata(document: HtmlDocument, jsonLdBlocks: readonly string[]): HtmlMetadata {
  const meta = metaMap(document);
  const ld = readJsonLd(jsonLdBlocks);
  const siteName = first(meta, ['og:site_name', 'application-name', 'twitter:site']) ?? ld?.publisher;
  const rawTitle =
    ld?.headline ??
    first(meta, ['og:title', 'twitter:title', 'headline', 'sailthru.title', 'parsely-title', 'dc.title']) ??
    document.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() ??
    document.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim();
  const canonical =
    (document.querySelector('link[rel="canonical"]') as HtmlElement | null)?.getAttribute('href')?.trim() ||
    first(meta, ['og:url', 'twitter:url']) ||
    ld?.url;
  const htmlLang = document.documentElement?.getAttribute('lang')?.trim();
  const ogLocale = meta.get('og:locale')?.replace('_', '-');
  const ldAuthors = ld?.authors ?? [];
  return {
    title: rawTitle ? cleanTitle(rawTitle, siteName) : undefined,
    subtitle: ld?.alternativeHeadline,
    description: ld?.description ?? first(meta, ['og:description', 'description', 'twitter:description']),
    authors: ldAuthors.length > 0 ? ldAuthors : authorsFromMeta(meta, document),
    published:
      ld?.datePublished ??
      first(meta, [
        'article:published_time',
        'og:published_time',
        'datepublished',
        'pubdate',
        'publishdate',
        'publish-date',
        'date',
        'dc.date.issued',
        'dc.date',
        'dcterms.created',
        'sailthru.date',
        'parsely-pub-date',
        'article.published',
      ]) ??
      itempropText(document, 'datePublished') ??
      timeElement(document),
    modified:
      ld?.dateModified ??
      first(meta, [
        'article:modified_time',
        'og:updated_time',
        'datemodified',
        'dcterms.modified',
        'last-modified',
      ]) ??
      itempropText(document, 'dateModified'),
    section: ld?.section ?? first(meta, ['article:section', 'section', 'parsely-section', 'article.section']),
    canonicalUrl: canonical && /^https?:\/\//i.test(canonical) ? canonical : undefined,
    language: htmlLang || ld?.language || meta.get('content-language') || ogLocale || undefined,
    siteName,
    jsonLd: ld,
  };
}
