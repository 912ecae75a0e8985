import type { ArticleFormat } from '../article/schema';
import { cleanAuthors } from './authors';
import { decodeBytes } from './decode';
import { parseHtml } from './html/index';
import { parseJson } from './json';
import { parseMarkdown } from './markdown';
import type { ExtractedFields, ParsedFields, ParseOutcome, ParseRejection } from './outcome';
import { sniffFormat } from './sniff';
import { parsePlainText } from './text-layout';
import { inlineDateline } from './wire';
import { parseXml } from './xml';

export type { ParsedFields, ParseOutcome, ParseRejection } from './outcome';
export { rejectionCodes } from './outcome';

export interface ParseOptions {
  /** The raw object key: a hint for the format (extension), never the only evidence. */
  key: string;
  /** IANA zone for times the source gives without an offset. Default UTC. */
  defaultTimeZone?: string;
  /** Larger inputs are rejected with `too-large`. Default 5 MB. */
  maxBytes?: number;
}

export const parserVersion = '1.0.0';

const defaultMaxBytes = 5 * 1024 * 1024;

function rejected(code: string, message: string): ParseOutcome {
  return { ok: false, error: { code, message } };
}

/**
 * Raw bytes of any format a newsroom drops -> the article's fields, or a stable reason code.
 * Pure and synchronous; never throws (an unexpected failure is the reason `internal`).
 */
export function parseArticle(bytes: Uint8Array, options: ParseOptions): ParseOutcome {
  try {
    return parseOrReject(bytes, options);
  } catch (error) {
    return rejected('internal', `parser failure: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function parseOrReject(bytes: Uint8Array, options: ParseOptions): ParseOutcome {
  const decoded = decodeBytes(bytes, options.maxBytes ?? defaultMaxBytes);
  if (!decoded.ok) return decoded;
  const { text, encoding } = decoded.decoded;
  const zone = options.defaultTimeZone ?? 'UTC';
  const format = sniffFormat(text, options.key);
  const read = readFormat(format, text, zone);
  if (read && 'code' in read) return { ok: false, error: read };
  if (!read || read.body.trim() === '')
    return rejected('no-body', `no article body found in the ${format} content`);
  return { ok: true, article: finish(read, encoding) };
}

function readFormat(
  format: ArticleFormat,
  text: string,
  zone: string,
): ExtractedFields | ParseRejection | undefined {
  switch (format) {
    case 'html':
      return parseHtml(text, zone);
    case 'json':
      return parseJson(text, zone);
    case 'xml':
      return parseXml(text, zone);
    case 'markdown':
      return parseMarkdown(text, zone);
    case 'text':
      return parsePlainText(text, zone);
  }
}

/** Defaults for the list fields and no undefined-valued keys, so documents compare and serialise cleanly. */
function finish(fields: ExtractedFields, encoding: string): ParsedFields {
  // Wire copy republished as a page or a feed item keeps its dateline at the start of the lede.
  const lede = fields.dateline ? undefined : inlineDateline(fields.body.split('\n\n', 1)[0]!);
  const article: ParsedFields = {
    ...fields,
    dateline: fields.dateline ?? (lede ? { place: lede.place } : undefined),
    encoding,
    authors: cleanAuthors(fields.authors ?? []),
    headings: fields.headings ?? [],
    images: fields.images ?? [],
    parser: { version: parserVersion },
  };
  for (const key of Object.keys(article) as (keyof ParsedFields)[])
    if (article[key] === undefined) delete article[key];
  return article;
}
