import type { ParsedArticle } from '../article/schema';

/** What the parser extracts from the bytes; the parse stage adds id and origin. */
export type ParsedFields = Omit<ParsedArticle, 'schemaVersion' | 'id' | 'origin'>;

export interface ParseOptions {
  /** The raw object key: a hint for the format (extension), never the only evidence. */
  key: string;
  /** IANA zone for times the source gives without an offset. Default UTC. */
  defaultTimeZone?: string;
  /** Larger inputs are rejected with `too-large`. Default 5 MB. */
  maxBytes?: number;
}

export interface ParseRejection {
  /** Stable reason code: empty, binary, too-large, undecodable, no-body, malformed-json, malformed-xml, ... */
  code: string;
  message: string;
}

export type ParseOutcome = { ok: true; article: ParsedFields } | { ok: false; error: ParseRejection };

export const parserVersion = '0.1.0';

/** First version (the parser issue replaces it): the seed's plain-text layout only. */
export function parseArticle(bytes: Uint8Array, options: ParseOptions): ParseOutcome {
  if (bytes.length === 0) return { ok: false, error: { code: 'empty', message: 'the file is empty' } };
  if ((options.maxBytes ?? 5_000_000) < bytes.length)
    return { ok: false, error: { code: 'too-large', message: `${bytes.length} bytes` } };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: { code: 'undecodable', message: 'not valid UTF-8 text' } };
  }
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text))
    return { ok: false, error: { code: 'binary', message: 'control characters: not a text file' } };
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
  const title = blocks.shift();
  if (!title || blocks.length === 0)
    return { ok: false, error: { code: 'no-body', message: 'no article body found' } };
  let section: string | undefined;
  let publishedAt: string | undefined;
  const meta = blocks[0]?.match(/^(.*?)\s*Published:\s*(.+)$/m);
  if (meta) {
    section = meta[1]?.replace(/\s*Desk$/, '') || undefined;
    const when = new Date(`${meta[2]} UTC`);
    if (!Number.isNaN(when.getTime())) publishedAt = when.toISOString();
    blocks.shift();
  }
  let source: string | undefined;
  const last = blocks.at(-1);
  const sourceLine = last?.match(/^Source:\s*(.+)$/);
  if (sourceLine) {
    source = sourceLine[1];
    blocks.pop();
  }
  return {
    ok: true,
    article: {
      format: 'text',
      encoding: 'utf-8',
      title,
      section,
      authors: [],
      publishedAt,
      source,
      headings: [],
      images: [],
      body: blocks.join('\n\n'),
      parser: { version: parserVersion },
    },
  };
}
