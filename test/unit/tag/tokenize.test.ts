import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences, tokenize } from '../../../shared/tag/ner/tokenize';

const texts = (text: string) => tokenize(text).map((t) => t.text);

describe('tokenize', () => {
  it('splits possessives, punctuation and curly quotes the way CoNLL tokens look', () => {
    expect(texts('“Ukraine’s desire was to join NATO,” he said.')).toEqual([
      '“',
      'Ukraine',
      '’s',
      'desire',
      'was',
      'to',
      'join',
      'NATO',
      ',',
      '”',
      'he',
      'said',
      '.',
    ]);
  });

  it('keeps hyphenated words, numbers, abbreviations and initials whole', () => {
    expect(
      texts('Soviet-era U.S. forces cost $1,000.50 in Jan. 2024, said J. K. Rowling and Mr. Smith of AT&T.'),
    ).toEqual([
      'Soviet-era',
      'U.S.',
      'forces',
      'cost',
      '$',
      '1,000.50',
      'in',
      'Jan.',
      '2024',
      ',',
      'said',
      'J.',
      'K.',
      'Rowling',
      'and',
      'Mr.',
      'Smith',
      'of',
      'AT&T',
      '.',
    ]);
  });

  it('gives offsets into the text for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        let last = 0;
        for (const t of tokenize(text)) {
          expect(text.slice(t.start, t.end)).toBe(t.text);
          expect(t.start).toBeGreaterThanOrEqual(last);
          expect(t.text.trim()).toBe(t.text);
          last = t.end;
        }
      }),
    );
  });
});

/**
 * The tokenizer's specification as Unicode regular expressions (what it ran before its ASCII fast path):
 * the fast path must cut every text exactly the same way. Whether a period joins a word is the
 * tokenizer's own abbreviation rule, which the fast path does not touch, so it is asked directly.
 */
function referenceTokenize(text: string): string[] {
  const word = /[\p{L}\p{N}\p{M}]+(?:[-.&'’][\p{L}\p{N}\p{M}]+|,\d{3}(?!\d))*/uy;
  const punct = /\.{2,}|-{2,}|[^\s\p{L}\p{N}\p{M}]/uy;
  const space = /\s+/y;
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    space.lastIndex = i;
    if (space.test(text)) {
      i = space.lastIndex;
      continue;
    }
    word.lastIndex = i;
    const w = word.exec(text);
    if (w) {
      let token = w[0];
      if (text[i + token.length] === '.' && tokenize(`${token}.`)[0]!.text === `${token}.`) token += '.';
      const possessive = /^(.+?)(['’][sS])$/u.exec(token);
      if (possessive) out.push(possessive[1]!, possessive[2]!);
      else out.push(token);
      i += token.length;
      continue;
    }
    punct.lastIndex = i;
    const piece = punct.exec(text)?.[0] ?? text[i]!;
    out.push(piece);
    i += piece.length;
  }
  return out;
}

describe('tokenize against its Unicode specification', () => {
  it('cuts mixed ASCII and non-ASCII text the same way', () => {
    const pieces = [
      'a',
      'Z',
      's',
      'S',
      '0',
      '7',
      ' ',
      '\n',
      '\u00a0',
      '.',
      '-',
      ',',
      "'",
      '’',
      '&',
      'é',
      '\u0301',
      '٣',
      'ß',
      '…',
      '"',
      '“',
      '(',
      '𝐀',
      '—',
      'Mr',
      'U.S',
      '1,000',
      '12,3456',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), (parts) => {
        const text = parts.join('');
        expect(texts(text)).toEqual(referenceTokenize(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('cuts words that turn non-ASCII after an ASCII start whole', () => {
    expect(texts('Zoë’s café-au-lait, 1,000’s naïve-ish 2,500é')).toEqual([
      'Zoë',
      '’s',
      'café-au-lait',
      ',',
      '1,000',
      '’s',
      'naïve-ish',
      '2,500',
      'é',
    ]);
  });
});

describe('splitSentences', () => {
  it('ends sentences at terminal marks before a capital or quote, and at line breaks', () => {
    const text = 'He left at 5 p.m. on Monday. “Fine,” she said. Mr. Smith stayed.\nHeadline here\nNext one';
    const sentences = splitSentences(text, tokenize(text)).map((s) => s.map((t) => t.text).join(' '));
    expect(sentences).toEqual([
      'He left at 5 p.m. on Monday .',
      '“ Fine , ” she said .',
      'Mr. Smith stayed .',
      'Headline here',
      'Next one',
    ]);
  });
});
