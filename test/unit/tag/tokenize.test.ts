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
