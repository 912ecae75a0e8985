import { describe, expect, it } from 'vitest';
import type { EntityType } from '../../../shared/article/schema';
import { loadModel } from '../../../shared/tag/load-model';
import { loneNamesThatAreThings } from '../../../shared/tag/ner/lone-names';
import { repaired } from './repaired';

/** The types loneNamesThatAreThings gives to the spans a model gave (as [type, surface], in text order). */
const retyped = (text: string, given: [EntityType, string][]) =>
  repaired(text, given, (tokens, spans, doc) => loneNamesThatAreThings(spans, tokens, doc, loadModel())).map(
    ([type]) => type,
  );

describe('recognition: one-word "people" the text treats as firms or things (shared/tag/ner/lone-names.ts)', () => {
  it('makes a firm of a one-word "person" written as one, in every mention', () => {
    expect(
      retyped('Profits rose at Zentrix, which makes pumps. Zentrix hired staff.', [
        ['PERSON', 'Zentrix'],
        ['PERSON', 'Zentrix'],
      ]),
    ).toEqual(['ORGANIZATION', 'ORGANIZATION']);
    expect(retyped('Analysts said Zentrix shares fell.', [['PERSON', 'Zentrix']])).toEqual(['ORGANIZATION']);
    expect(retyped('The fund sold its shares in Zentrix on Friday.', [['PERSON', 'Zentrix']])).toEqual([
      'ORGANIZATION',
    ]);
    expect(
      retyped("Zentrix, Norway's biggest pump maker, grew.", [
        ['PERSON', 'Zentrix'],
        ['LOCATION', 'Norway'],
      ]),
    ).toEqual(['ORGANIZATION', 'LOCATION']);
    expect(
      retyped("Zentrix's Anna Berg said so.", [
        ['PERSON', 'Zentrix'],
        ['PERSON', 'Anna Berg'],
      ]),
    ).toEqual(['ORGANIZATION', 'PERSON']);
    expect(retyped('Zentrix has doubled its sales.', [['PERSON', 'Zentrix']])).toEqual(['ORGANIZATION']);
    expect(retyped('Zentrix is predicting profits to rise.', [['PERSON', 'Zentrix']])).toEqual([
      'ORGANIZATION',
    ]);
  });

  it('makes a thing of one written after "a" or "an", or after "drug"', () => {
    expect(retyped('She won an Emmy last year.', [['PERSON', 'Emmy']])).toEqual(['MISC']);
    expect(retyped('Doctors stopped giving the drug Zelvara.', [['PERSON', 'Zelvara']])).toEqual(['MISC']);
    expect(retyped('The firm said its Zelvara field would grow.', [['PERSON', 'Zelvara']])).toEqual(['MISC']);
  });

  it('makes a place of a country or continent, and of a city after "in", "to", "from"', () => {
    expect(retyped('And Australia said the talks went well.', [['PERSON', 'Australia']])).toEqual([
      'LOCATION',
    ]);
    expect(retyped('The band flew to Leeds on Monday.', [['PERSON', 'Leeds']])).toEqual(['LOCATION']);
    // A city's name elsewhere is a surname as often as not.
    expect(retyped('Leeds said the band was tired.', [['PERSON', 'Leeds']])).toEqual(['PERSON']);
  });

  it('makes a work of a name after "starred in" or before ", starring", and an award of "Oscar"', () => {
    expect(retyped('He starred in Zelvara before the war.', [['PERSON', 'Zelvara']])).toEqual(['MISC']);
    expect(
      retyped('Zelvara, starring Anna Berg, opened well.', [
        ['PERSON', 'Zelvara'],
        ['PERSON', 'Anna Berg'],
      ]),
    ).toEqual(['MISC', 'PERSON']);
    expect(retyped('She received her Oscar from him.', [['PERSON', 'Oscar']])).toEqual(['MISC']);
    expect(retyped('He lost the best actor Bafta to her.', [['PERSON', 'Bafta']])).toEqual(['MISC']);
    // A number right after, an ordinal before: no person's name, unless a given name ("Andre 3000").
    expect(retyped('The firm filed for Chapter 11 on Monday.', [['PERSON', 'Chapter']])).toEqual(['MISC']);
    expect(retyped('It is an 18th Century painting.', [['PERSON', 'Century']])).toEqual(['MISC']);
    expect(retyped('The duo Andre 3000 and Big Boi won.', [['PERSON', 'Andre']])).toEqual(['PERSON']);
  });

  it('drops a sentence-opening adverb read as a person, but not a surname ending in -ly', () => {
    expect(retyped('The roof leaks. Ideally, it should be replaced.', [['PERSON', 'Ideally']])).toEqual([]);
    expect(retyped('The roof leaks. Connolly, it seems, agreed.', [['PERSON', 'Connolly']])).toEqual([
      'PERSON',
    ]);
  });

  it('keeps a person anywhere marked as one, whatever else the text says', () => {
    // A title or honorific, a job or a family word before; "he", "she", "who" or an age after.
    expect(
      retyped('Zentrix shares fell. Mr Zentrix said so.', [
        ['PERSON', 'Zentrix'],
        ['PERSON', 'Zentrix'],
      ]),
    ).toEqual(['PERSON', 'PERSON']);
    expect(
      retyped('Zentrix shares fell, said singer Zentrix.', [
        ['PERSON', 'Zentrix'],
        ['PERSON', 'Zentrix'],
      ]),
    ).toEqual(['PERSON', 'PERSON']);
    expect(retyped('Zentrix said he sold his shares in the firm.', [['PERSON', 'Zentrix']])).toEqual([
      'PERSON',
    ]);
    expect(retyped('His son, Zentrix, 57, owns its shares.', [['PERSON', 'Zentrix']])).toEqual(['PERSON']);
    // Part of a longer person's name.
    expect(
      retyped('Anna Zentrix spoke. Zentrix shares fell.', [
        ['PERSON', 'Anna Zentrix'],
        ['PERSON', 'Zentrix'],
      ]),
    ).toEqual(['PERSON', 'PERSON']);
  });

  it('leaves a one-word person with no sign either way: a mononym reads like a film', () => {
    expect(retyped('The award went to Zentrix last night.', [['PERSON', 'Zentrix']])).toEqual(['PERSON']);
  });
});
