import { XMLValidator } from 'fast-xml-parser';
import { DOMParser } from 'linkedom';
import type { Image } from '../article/schema';
import { captionImage } from './captions';
import { resolveTime } from './dates';
import { textBlocks } from './html/blocks';
import type { HtmlElement } from './html/document';
import { prepareHtml } from './html/document';
import type { ExtractedFields, ParseRejection } from './outcome';
import { joinParagraphs, splitNames, squash } from './text-blocks';

type XmlElement = HtmlElement;

/** Deeper nesting than any news format uses is cut off rather than allowed to exhaust the stack. */
const maxDepth = 200;

const textOf = (el: XmlElement | null | undefined) => (el ? squash(el.textContent ?? '') : '') || undefined;

/** Elements by local name, whatever their namespace prefix (NewsML-G2 is often prefixed). */
function byName(root: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const lower = name.toLowerCase();
  const visit = (el: XmlElement, depth: number) => {
    if (depth > maxDepth) return;
    for (const child of el.children as Iterable<XmlElement>) {
      const local = child.tagName.toLowerCase().replace(/^.*:/, '');
      if (local === lower) out.push(child);
      visit(child, depth + 1);
    }
  };
  visit(root, 0);
  return out;
}
const firstByName = (root: XmlElement, name: string) => byName(root, name)[0];

interface Parts {
  paragraphs: string[];
  headings: string[];
  images: Image[];
}

/** NITF body.content and NewsML inline XHTML: p, hl2 (a heading), media with its caption, nested blocks. */
function walkContent(el: XmlElement, parts: Parts, depth = 0): void {
  if (depth > maxDepth) return;
  for (const child of el.children as Iterable<XmlElement>) {
    const name = child.tagName.toLowerCase().replace(/^.*:/, '');
    if (name === 'p' || name === 'li') {
      const text = textOf(child);
      if (text) parts.paragraphs.push(text);
    } else if (name === 'hl2' || /^h[1-6]$/.test(name)) {
      const text = textOf(child);
      if (text) {
        parts.paragraphs.push(text);
        parts.headings.push(text);
      }
    } else if (name === 'media' || name === 'figure' || name === 'img') {
      const caption = textOf(firstByName(child, 'media-caption') ?? firstByName(child, 'figcaption'));
      const credit = textOf(firstByName(child, 'media-producer') ?? firstByName(child, 'media-metadata'));
      const ref = firstByName(child, 'media-reference');
      const url = ref?.getAttribute('source') ?? child.getAttribute('src') ?? undefined;
      if (caption) parts.images.push(captionImage(caption, credit, url));
    } else if (name === 'table' || name === 'pre' || name === 'blockquote' || name === 'bq') {
      const text = textOf(child);
      if (text) parts.paragraphs.push(text);
    } else walkContent(child, parts, depth + 1);
  }
}

function nitf(root: XmlElement, zone: string): ExtractedFields | undefined {
  const parts: Parts = { paragraphs: [], headings: [], images: [] };
  const content = firstByName(root, 'body.content');
  if (content) walkContent(content, parts);
  const issued =
    firstByName(root, 'date.issue')?.getAttribute('norm') ??
    firstByName(root, 'story.date')?.getAttribute('norm') ??
    textOf(firstByName(root, 'story.date'));
  const published = resolveTime(issued ?? undefined, zone);
  const place = textOf(firstByName(root, 'location')) ?? textOf(firstByName(root, 'city'));
  const storyDate = resolveTime(firstByName(root, 'story.date')?.getAttribute('norm') ?? undefined, zone);
  const datelineDate = storyDate?.iso.slice(0, 10);
  const bylines = byName(root, 'byline').map((b) => textOf(firstByName(b, 'person')) ?? textOf(b) ?? '');
  return {
    format: 'xml',
    title: textOf(firstByName(root, 'hl1')) ?? textOf(firstByName(root, 'title')) ?? '',
    subtitle: textOf(firstByName(firstByName(root, 'hedline') ?? root, 'hl2')),
    authors: bylines.flatMap((b) => splitNames(b.replace(/^by\s+/i, ''))),
    publishedAt: published?.iso,
    publishedAtAssumedZone: published?.assumedZone || undefined,
    dateline: place ? { place, ...(datelineDate && { date: datelineDate }) } : undefined,
    source:
      textOf(firstByName(root, 'distributor')) ?? textOf(firstByName(root, 'copyrite'))?.replace(/^©\s*/, ''),
    section: firstByName(root, 'pubdata')?.getAttribute('position.section') ?? undefined,
    language:
      root.getAttribute('xml:lang') ?? firstByName(root, 'doc-id')?.getAttribute('xml:lang') ?? undefined,
    headings: parts.headings,
    images: parts.images,
    body: joinParagraphs(parts.paragraphs),
  };
}

function newsMlG2(root: XmlElement, zone: string): ExtractedFields | undefined {
  const item = firstByName(root, 'newsItem') ?? root;
  const embeddedNitf = firstByName(item, 'nitf');
  const fromNitf = embeddedNitf ? nitf(embeddedNitf, zone) : undefined;
  const parts: Parts = { paragraphs: [], headings: [], images: [] };
  if (!fromNitf) {
    const inline = firstByName(item, 'inlineXML') ?? firstByName(item, 'inlineData');
    const body = inline ? (firstByName(inline, 'body') ?? inline) : undefined;
    if (body && body.children.length > 0) walkContent(body, parts);
    else if (inline) {
      const text = textOf(inline);
      if (text) parts.paragraphs.push(text);
    }
  }
  const created = textOf(firstByName(item, 'contentCreated')) ?? textOf(firstByName(item, 'firstCreated'));
  const published = resolveTime(created, zone);
  const modified = resolveTime(textOf(firstByName(item, 'versionCreated')), zone);
  const located = firstByName(item, 'located');
  const place = located ? textOf(firstByName(located, 'name')) : undefined;
  const provider = firstByName(item, 'provider');
  return {
    ...(fromNitf ?? {
      headings: parts.headings,
      images: parts.images,
      body: joinParagraphs(parts.paragraphs),
    }),
    format: 'xml',
    title: textOf(firstByName(item, 'headline')) ?? fromNitf?.title ?? '',
    authors: byName(item, 'by').flatMap((b) => splitNames((textOf(b) ?? '').replace(/^by\s+/i, ''))),
    publishedAt: published?.iso ?? fromNitf?.publishedAt,
    publishedAtAssumedZone: published ? published.assumedZone || undefined : fromNitf?.publishedAtAssumedZone,
    modifiedAt: modified?.iso,
    dateline: place ? { place } : fromNitf?.dateline,
    source:
      (provider ? (textOf(firstByName(provider, 'name')) ?? provider.getAttribute('literal')) : undefined) ??
      fromNitf?.source,
    language: firstByName(item, 'language')?.getAttribute('tag') ?? fromNitf?.language,
  };
}

/** RSS items and Atom entries: the first one, with its HTML content. */
function feedItem(root: XmlElement, zone: string): ExtractedFields | undefined {
  const item = firstByName(root, 'item') ?? firstByName(root, 'entry');
  if (!item) return undefined;
  const html =
    textOf(firstByName(item, 'encoded')) ??
    textOf(firstByName(item, 'content')) ??
    textOf(firstByName(item, 'description')) ??
    textOf(firstByName(item, 'summary'));
  if (!html) return undefined;
  const { document } = prepareHtml(`<!DOCTYPE html><html><body>${html}</body></html>`);
  const blocks = textBlocks(document.body);
  const published = resolveTime(
    textOf(firstByName(item, 'pubDate')) ??
      textOf(firstByName(item, 'published')) ??
      textOf(firstByName(item, 'date')),
    zone,
  );
  const link = firstByName(item, 'link');
  const url = link?.getAttribute('href') ?? textOf(link);
  const author =
    textOf(firstByName(item, 'creator')) ?? textOf(firstByName(firstByName(item, 'author') ?? item, 'name'));
  return {
    format: 'xml',
    title: textOf(firstByName(item, 'title')) ?? '',
    authors: author ? splitNames(author) : [],
    publishedAt: published?.iso,
    publishedAtAssumedZone: published?.assumedZone || undefined,
    canonicalUrl: url && /^https?:\/\//.test(url) ? url : undefined,
    headings: blocks.filter((b) => b.kind === 'heading').map((b) => b.text),
    images: blocks.filter((b) => b.kind === 'caption').map((b) => captionImage(b.text)),
    body: joinParagraphs(blocks.filter((b) => b.kind !== 'caption').map((b) => b.text)),
  };
}

const entityReference = /&([A-Za-z_:][\w.:-]*);/g;
const predefinedEntities = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/**
 * References to named entities other than XML's five are dropped: the DOM would keep `&xxe;` as text in
 * a headline, and expanding a DTD's entities (external files, billion laughs) is never wanted here.
 */
function withoutUndefinedEntities(xml: string): string {
  const drop = (part: string) =>
    part.replace(entityReference, (whole, name: string) => (predefinedEntities.has(name) ? whole : ''));
  // CDATA is literal text (often escaped HTML, where `&mdash;` means a dash): it is kept as it is.
  const parts: string[] = [];
  let at = 0;
  for (let open = xml.indexOf('<![CDATA['); open >= 0; open = xml.indexOf('<![CDATA[', at)) {
    const close = xml.indexOf(']]>', open);
    if (close < 0) break;
    parts.push(drop(xml.slice(at, open)), xml.slice(open, close + 3));
    at = close + 3;
  }
  parts.push(drop(xml.slice(at)));
  return parts.join('');
}

/** NITF, NewsML-G2 and RSS/Atom; other well-formed XML is read for its paragraphs. */
export function parseXml(text: string, defaultZone: string): ExtractedFields | undefined | ParseRejection {
  const valid = XMLValidator.validate(text);
  if (valid !== true)
    return {
      code: 'malformed-xml',
      message: `not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`,
    };
  const document = new DOMParser().parseFromString(withoutUndefinedEntities(text), 'text/xml');
  const root = document.documentElement as XmlElement | null;
  if (!root) return { code: 'malformed-xml', message: 'no root element' };
  const rootName = root.tagName.toLowerCase().replace(/^.*:/, '');
  if (rootName === 'nitf') return nitf(root, defaultZone);
  // One raw object is one article: a message or feed with several would lose all but one, so it is refused.
  const isFeed = rootName === 'rss' || rootName === 'feed' || rootName === 'rdf';
  const items =
    rootName === 'newsmessage'
      ? byName(root, 'newsItem').length
      : isFeed
        ? byName(root, 'item').length + byName(root, 'entry').length
        : 0;
  if (items > 1)
    return {
      code: 'multiple-articles',
      message: `the ${rootName} holds ${items} items; split it into one file per article`,
    };
  if (rootName === 'newsmessage' || rootName === 'newsitem' || rootName === 'packageitem')
    return newsMlG2(root, defaultZone);
  if (isFeed) return feedItem(root, defaultZone);
  const parts: Parts = { paragraphs: [], headings: [], images: [] };
  walkContent(root, parts);
  return {
    format: 'xml',
    title: textOf(firstByName(root, 'title')) ?? textOf(firstByName(root, 'headline')) ?? '',
    headings: parts.headings,
    images: parts.images,
    body: joinParagraphs(parts.paragraphs),
  };
}
