import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParsedArticleSchema } from '../../../shared/article/schema';
import { parseArticle, rejectionCodes } from '../../../shared/parse/index';

/** The parser's whole contract on any input: an article that makes a valid stage document, or a known reason. */
function assertOutcome(bytes: Uint8Array, key: string): void {
  const outcome = parseArticle(bytes, { key, maxBytes: 64 * 1024 });
  if (outcome.ok) {
    expect(outcome.article.body.trim()).not.toBe('');
    ParsedArticleSchema.parse({
      schemaVersion: 1,
      id: 'x',
      origin: { key, contentHash: '0', bytes: bytes.length, revision: '0' },
      ...outcome.article,
    });
  } else {
    expect(rejectionCodes).toContain(outcome.error.code);
    // `internal` would mean an exception escaped a reader: none may.
    expect(outcome.error.code).not.toBe('internal');
  }
}

const keys = fc.constantFrom(
  'raw/a.txt',
  'raw/a.html',
  'raw/a.json',
  'raw/a.xml',
  'raw/a.md',
  'raw/a',
  'raw/a.html.gz',
);
const encoder = new TextEncoder();

/** Text that reaches deep into each reader: format openings followed by arbitrary text. */
const shapedText = fc
  .tuple(
    fc.constantFrom(
      '',
      '<html><body><article><p>',
      '<!DOCTYPE html><html><head><script type="application/ld+json">',
      '{"headline": ',
      '[{"body": ',
      '<?xml version="1.0"?><nitf><body><body.content><p>',
      '<newsMessage><itemSet><newsItem><contentSet><inlineXML>',
      '<rss><channel><item><description>',
      '---\ntitle: ',
      '# ',
      'Headline\n\nInternational Desk Published: ',
      'LONDON (Reuters) - ',
    ),
    fc.string({ unit: 'grapheme', maxLength: 400 }),
    fc.constantFrom(
      '',
      '</p></article></body></html>',
      '"}',
      '\n---\n\nBody text.',
      '\n\nSource: ',
      '</script>',
    ),
  )
  .map(([open, middle, close]) => encoder.encode(open + middle + close));

describe('the parser on arbitrary input', () => {
  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), keys, (bytes, key) => assertOutcome(bytes, key)),
      { numRuns: 400 },
    );
  });

  it('never throws on text shaped like each format', () => {
    fc.assert(
      fc.property(shapedText, keys, (bytes, key) => assertOutcome(bytes, key)),
      { numRuns: 400 },
    );
  });

  it('never throws on line-structured text', () => {
    const lines = fc.array(
      fc.oneof(fc.string({ maxLength: 120 }), fc.constant(''), fc.constant('Source: X')),
      {
        maxLength: 30,
      },
    );
    fc.assert(
      fc.property(lines, (ls) => assertOutcome(encoder.encode(ls.join('\n')), 'raw/a.txt')),
      { numRuns: 300 },
    );
  });
});
