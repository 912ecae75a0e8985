import { describe, expect, it } from 'vitest';
import type { EntityType } from '../../../shared/article/schema';
import { companiesBySuffix } from '../../../shared/tag/ner/companies';
import { repaired } from './repaired';

/** The spans companiesBySuffix makes of the spans a model gave (as [type, surface], in text order). */
const joined = (text: string, given: [EntityType, string][]) =>
  repaired(text, given, (tokens, spans) => companiesBySuffix(spans, tokens, text));

describe('recognition: firms by their suffix or an ampersand (shared/tag/ner/companies.ts)', () => {
  it('reads two names joined by "&" as one firm, whatever the model made of either side', () => {
    expect(
      joined('Stores such as Harlow & Penrose cut prices.', [
        ['ORGANIZATION', 'Harlow'],
        ['PERSON', 'Penrose'],
      ]),
    ).toEqual([['ORGANIZATION', 'Harlow & Penrose']]);
    // A side the model left outside any span.
    expect(joined('Shares in Harlow & Penrose fell.', [['PERSON', 'Penrose']])).toEqual([
      ['ORGANIZATION', 'Harlow & Penrose'],
    ]);
  });

  it('never joins people\'s full names or honorifics across "&"', () => {
    const people: [EntityType, string][] = [
      ['PERSON', 'Anna Harlow'],
      ['PERSON', 'Tom Penrose'],
    ];
    expect(joined('Anna Harlow & Tom Penrose spoke.', people)).toEqual(people);
    expect(joined('Mr Harlow & Mrs Penrose spoke.', [['PERSON', 'Penrose']])).toEqual([
      ['PERSON', 'Penrose'],
    ]);
  });
});
