import type { Image } from '../../article/schema';
import { captionImage } from '../captions';
import { resolveTime } from '../dates';
import type { ExtractedFields } from '../outcome';
import { joinParagraphs, sameText } from '../text-blocks';
import { chooseBody } from './choose-body';
import { prepareHtml } from './document';
import { readHtmlMetadata } from './metadata';

/** An HTML page: metadata from JSON-LD/OG/meta tags, the body from the best of several extractors. */
export function parseHtml(html: string, defaultZone: string): ExtractedFields | undefined {
  const { document, jsonLd, reparse } = prepareHtml(html);
  // Metadata first: Readability rewrites the document it reads.
  const meta = readHtmlMetadata(document, jsonLd, defaultZone);
  const extracted = chooseBody(document, meta, reparse);
  if (!extracted) return undefined;

  const title = meta.title ?? extracted.title ?? '';
  const blocks = extracted.blocks.filter(
    (b, i) => !(i < 3 && b.kind === 'heading' && sameText(b.text, title)),
  );
  const images: Image[] = [...(meta.jsonLd?.images ?? [])];
  for (const block of blocks)
    if (block.kind === 'caption' && !images.some((img) => img.caption && block.text.includes(img.caption)))
      images.push(captionImage(block.text, block.credit, block.url));
  const paragraphs = blocks.filter((b) => b.kind !== 'caption');
  const body = joinParagraphs(paragraphs.map((b) => b.text));
  if (body === '') return undefined;

  const published = meta.published ?? resolveTime(extracted.publishedTime, defaultZone);
  const modified = meta.modified;
  return {
    format: 'html',
    title,
    subtitle: meta.subtitle,
    section: meta.section,
    authors: meta.authors.length > 0 ? meta.authors : bylineAuthors(extracted.byline),
    publishedAt: published?.iso,
    publishedAtAssumedZone: published?.assumedZone || undefined,
    modifiedAt: modified?.iso,
    source: meta.siteName ?? extracted.siteName,
    canonicalUrl: meta.canonicalUrl,
    language: meta.language ?? extracted.lang,
    headings: paragraphs.filter((b) => b.kind === 'heading').map((b) => b.text),
    images,
    body,
  };
}

/** Readability's byline is free text ("By Jane Doe, Reuters"); only a short name-like one is kept. */
function bylineAuthors(byline: string | undefined): string[] {
  const name = byline
    ?.replace(/\s+/g, ' ')
    .replace(/^by\s+/i, '')
    .trim();
  if (!name || name.length > 80 || /\d{4}|https?:/.test(name)) return [];
  return name
    .split(/\s*(?:,|\band\b|&)\s*/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && s.split(' ').length <= 5);
}
