import { describe, expect, it } from 'vitest';
import type { EntityType } from '../../../shared/article/schema';
import { loadModel } from '../../../shared/tag/load-model';
import { tailsOfLongerNames } from '../../../shared/tag/ner/tails';
import { repaired } from './repaired';

/**
 * The spans tailsOfLongerNames makes of the spans a model gave (as [type, surface], in text order). The
 * model reads the last word of such names as a person only with a whole story around it, so its slips
 * are written here by hand.
 */
const untailed = (text: string, given: [EntityType, string][]) =>
  repaired(text, given, (tokens, spans, doc) => tailsOfLongerNames(spans, tokens, text, doc, loadModel()));

describe('recognition: a one-word "person" that ends a longer name (shared/tag/ner/tails.ts)', () => {
  it('takes back the capitalised words before it and is no longer a person', () => {
    expect(untailed('Savers can open a Child Trust Fund from April.', [['PERSON', 'Fund']])).toEqual([
      ['MISC', 'Child Trust Fund'],
    ]);
    expect(
      untailed('The comedy star turned down Reservoir Dogs in his youth.', [['PERSON', 'Dogs']]),
    ).toEqual([['MISC', 'Reservoir Dogs']]);
    // Words that qualify a title are no title of their own.
    expect(
      untailed('Schools were built under the Private Finance Initiative in the 1990s.', [
        ['PERSON', 'Initiative'],
      ]),
    ).toEqual([['MISC', 'Private Finance Initiative']]);
    // A title's capitalised "The" belongs to it.
    expect(untailed('Their third single, Crashed The Wedding, sold well.', [['PERSON', 'Wedding']])).toEqual([
      ['MISC', 'Crashed The Wedding'],
    ]);
    // A weekday opens a newspaper's name after "the".
    expect(
      untailed('It was reported by the Sunday Telegraph at the weekend.', [['PERSON', 'Telegraph']]),
    ).toEqual([['MISC', 'Sunday Telegraph']]);
  });

  it('takes in a place or nationality the model kept apart before those words', () => {
    expect(
      untailed('She played with the English Chamber Orchestra for years.', [
        ['MISC', 'English'],
        ['PERSON', 'Orchestra'],
      ]),
    ).toEqual([['MISC', 'English Chamber Orchestra']]);
  });

  it('leaves people: after a title, a job, a given name, initials, a weekday, or a sentence opener', () => {
    const people: [string, string][] = [
      ['The speech by Chancellor Brown was short.', 'Brown'],
      ['The prize went to Rapper Eminem last night.', 'Eminem'],
      ['The guests included Robin Gibb and his brother.', 'Gibb'],
      ['The singer R Kelly was not there.', 'Kelly'],
      ['The band played on Monday Doherty said.', 'Doherty'],
      ['Critics loved it. Meanwhile Wilson said nothing.', 'Wilson'],
    ];
    for (const [text, name] of people) expect(untailed(text, [['PERSON', name]])).toEqual([['PERSON', name]]);
  });

  it("leaves a word the document uses as a person's, and a list item beside people's full names", () => {
    expect(
      untailed('Gordon Brown spoke. Later Labour Brown fans cheered.', [
        ['PERSON', 'Gordon Brown'],
        ['PERSON', 'Brown'],
      ]),
    ).toEqual([
      ['PERSON', 'Gordon Brown'],
      ['PERSON', 'Brown'],
    ]);
    expect(
      untailed('Alicia Keys, Mary Blige and Beyonce Knowles sang.', [
        ['PERSON', 'Alicia Keys'],
        ['PERSON', 'Mary Blige'],
        ['PERSON', 'Knowles'],
      ]).map(([type]) => type),
    ).toEqual(['PERSON', 'PERSON', 'PERSON']);
  });
});
