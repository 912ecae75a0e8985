import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { ParsedArticleSchema } from '../../../shared/article/schema';
import { type ParsedFields, type ParseOptions, parseArticle } from '../../../shared/parse/index';

const fixtureDir = fileURLToPath(new URL('../../fixtures/parse/', import.meta.url));

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fixtureDir + name));
}

export function fixtureText(name: string): string {
  return readFileSync(fixtureDir + name, 'utf8');
}

/** Parses and insists on success; the fields must also make a valid stage document. */
export function parseOk(bytes: Uint8Array | string, options: Partial<ParseOptions> = {}): ParsedFields {
  const input = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  const outcome = parseArticle(input, { key: 'raw/article', ...options });
  if (!outcome.ok)
    throw new Error(`expected an article, got ${outcome.error.code}: ${outcome.error.message}`);
  ParsedArticleSchema.parse({
    schemaVersion: 1,
    id: 'test',
    origin: { key: 'raw/article', contentHash: '0', bytes: input.length, revision: '0' },
    ...outcome.article,
  });
  return outcome.article;
}

export function parseRejected(bytes: Uint8Array | string, options: Partial<ParseOptions> = {}): string {
  const input = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  const outcome = parseArticle(input, { key: 'raw/article', ...options });
  expect(outcome.ok).toBe(false);
  return outcome.ok ? '' : outcome.error.code;
}

/** The body's paragraphs: the contract is exactly one blank line between them. */
export function paragraphsOf(body: string): string[] {
  expect(body).not.toMatch(/\n{3,}/);
  expect(body).toBe(body.trim());
  return body.split('\n\n');
}

// biome-ignore format: a code table
const windows1252Extras: Record<number, number> = {
  8364: 0x80, 8218: 0x82, 402: 0x83, 8222: 0x84, 8230: 0x85, 8224: 0x86, 8225: 0x87,
  710: 0x88, 8240: 0x89, 352: 0x8a, 8249: 0x8b, 338: 0x8c, 381: 0x8e, 8216: 0x91,
  8217: 0x92, 8220: 0x93, 8221: 0x94, 8226: 0x95, 8211: 0x96, 8212: 0x97, 732: 0x98,
  8482: 0x99, 353: 0x9a, 8250: 0x9b, 339: 0x9c, 382: 0x9e, 376: 0x9f,
};

/** Node encodes Latin-1 but not Windows-1252 (curly quotes, dashes, euro sign): this does. */
export function encodeWindows1252(text: string): Uint8Array {
  return Uint8Array.from([...text], (ch) => {
    const code = ch.codePointAt(0)!;
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
    const byte = windows1252Extras[code];
    if (byte === undefined) throw new Error(`not encodable in Windows-1252: ${ch}`);
    return byte;
  });
}
