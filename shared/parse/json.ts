import type { Image } from '../article/schema';
import { captionImage } from './captions';
import {
  extractedFromRecord,
  fieldNames,
  fieldsOf,
  isRecord,
  pick,
  readRecordFields,
  stringOf,
} from './fields-from-record';
import { textBlocks } from './html/blocks';
import { prepareHtml } from './html/document';
import type { ExtractedFields, ParseRejection } from './outcome';
import { joinParagraphs, looksLikeHeading, normalizeText, squash } from './text-blocks';

type Json = Record<string, unknown>;

const looksLikeHtml = /<(?:p|br|div|h[1-6]|ul|ol|li|figure|blockquote|span|a|strong|em)[\s>/]/i;

interface BodyParts {
  paragraphs: string[];
  headings: string[];
  images: Image[];
}

/** A body given as HTML: its blocks, with headings and figure captions told apart. */
function htmlBody(html: string): BodyParts {
  const { document } = prepareHtml(`<!DOCTYPE html><html><body>${html}</body></html>`);
  const parts: BodyParts = { paragraphs: [], headings: [], images: [] };
  for (const block of textBlocks(document.body)) {
    if (block.kind === 'caption') parts.images.push(captionImage(block.text));
    else {
      parts.paragraphs.push(block.text);
      if (block.kind === 'heading') parts.headings.push(block.text);
    }
  }
  return parts;
}

function textBody(text: string): BodyParts {
  const normalized = normalizeText(text);
  const paragraphs = (/\n\s*\n/.test(normalized) ? normalized.split(/\n\s*\n/) : normalized.split('\n'))
    .map(squash)
    .filter(Boolean);
  const headings = paragraphs.filter((p, i) => i > 0 && looksLikeHeading(p, paragraphs[i + 1]));
  return { paragraphs, headings, images: [] };
}

/** A body as a string (plain or HTML), a list of strings or paragraph objects, or an object holding one. */
function bodyParts(value: unknown, depth = 0): BodyParts {
  if (typeof value === 'string') return looksLikeHtml.test(value) ? htmlBody(value) : textBody(value);
  const parts: BodyParts = { paragraphs: [], headings: [], images: [] };
  if (depth > 3) return parts;
  if (Array.isArray(value)) {
    for (const item of value) {
      const type = isRecord(item) ? String(item.type ?? item.kind ?? '').toLowerCase() : '';
      const inner = bodyParts(
        isRecord(item) ? pick(item, ['text', 'content', 'html', 'value', 'body']) : item,
        depth + 1,
      );
      // One by one: a body may be a list of many thousand paragraphs, too many for a call's arguments.
      for (const p of inner.paragraphs) parts.paragraphs.push(p);
      for (const image of inner.images) parts.images.push(image);
      for (const h of /head/.test(type) ? inner.paragraphs : inner.headings) parts.headings.push(h);
    }
    return parts;
  }
  if (isRecord(value))
    return bodyParts(pick(value, ['html', 'text', 'content', 'value', 'body', 'paragraphs']), depth + 1);
  return parts;
}

/** How much text a body value holds; an object is a wrapper to look into, not a body. */
function textLength(value: unknown, depth = 0): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value) && depth < 2)
    return value.reduce<number>(
      (n, item) =>
        n + textLength(isRecord(item) ? pick(item, ['text', 'content', 'html', 'value']) : item, depth + 1),
      0,
    );
  return 0;
}

const bodyLength = (record: Json) => textLength(pick(record, fieldNames.body));

/** The object that is the article: the top level, or the nested object with the longest body. */
function findArticle(value: unknown, depth = 0): Json | undefined {
  if (depth > 4) return undefined;
  const candidates: Json[] = [];
  const visit = (v: unknown, d: number) => {
    if (d > 4) return;
    if (Array.isArray(v)) for (const item of v.slice(0, 50)) visit(item, d + 1);
    else if (isRecord(v)) {
      if (bodyLength(v) > 0) candidates.push(v);
      for (const [, child] of fieldsOf(v)) if (typeof child === 'object') visit(child, d + 1);
    }
  };
  visit(value, depth);
  return candidates.sort((a, b) => bodyLength(b) - bodyLength(a))[0];
}

/** A JSON document with the common article field names; nested wrappers ({"data": {...}}) are searched. */
export function parseJson(text: string, defaultZone: string): ExtractedFields | undefined | ParseRejection {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { code: 'malformed-json', message: `not valid JSON: ${(error as Error).message}` };
  }
  // One raw object is one article: a batch would lose all but one of its articles, so it is refused.
  if (Array.isArray(parsed) && parsed.filter((item) => isRecord(item) && findArticle(item)).length > 1)
    return {
      code: 'multiple-articles',
      message: 'the JSON holds a list of several articles; split it into one file per article',
    };
  const article = findArticle(parsed);
  if (!article) return undefined;
  const fields = readRecordFields(article, defaultZone);
  const parts = bodyParts(fields.body);
  const body = joinParagraphs(parts.paragraphs);
  if (body === '') return undefined;
  return extractedFromRecord('json', fields, {
    source: stringOf(pick(article, ['publisher'])),
    headings: parts.headings,
    images: parts.images,
    body,
  });
}
