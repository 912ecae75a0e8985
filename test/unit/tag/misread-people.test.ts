import { describe, expect, it } from 'vitest';
import type { EntityType } from '../../../shared/article/schema';
import { loadModel } from '../../../shared/tag/load-model';
import { firmsThatArePeople } from '../../../shared/tag/ner/misread-people';
import { repaired } from './repaired';

/** The types firmsThatArePeople gives to the spans a model gave (as [type, surface], in text order). */
const retyped = (text: string, given: [EntityType, string][]) =>
  repaired(text, given, (tokens, spans, doc) => firmsThatArePeople(spans, tokens, doc, loadModel())).map(
    ([type]) => type,
  );

describe('recognition: people read as organisations (shared/tag/ner/misread-people.ts)', () => {
  it("makes a person of a given name and surname after a person's job, in every mention", () => {
    expect(
      retyped('The comedy stars Victoria Harlow and Tom Penrose spoke. Victoria Harlow said no.', [
        ['ORGANIZATION', 'Victoria Harlow'],
        ['PERSON', 'Tom Penrose'],
        ['ORGANIZATION', 'Victoria Harlow'],
      ]),
    ).toEqual(['PERSON', 'PERSON', 'PERSON']);
  });

  it('makes a person of a name with "who" after it and a surname the text gives a person', () => {
    expect(
      retyped(
        'The prize went to Catalina Ordaz Penrose, who thanked her family. Penrose is nominated again.',
        [
          ['ORGANIZATION', 'Catalina Ordaz Penrose'],
          ['PERSON', 'Penrose'],
        ],
      ),
    ).toEqual(['PERSON', 'PERSON']);
  });

  it('makes a person of a name whose surname the text marks as a person\'s: "Stephens said he"', () => {
    expect(
      retyped('Huw Penrose hosts the show. Penrose said he grew up in Wales.', [
        ['ORGANIZATION', 'Huw Penrose'],
        ['PERSON', 'Penrose'],
        ['LOCATION', 'Wales'],
      ]),
    ).toEqual(['PERSON', 'PERSON', 'LOCATION']);
  });

  it('makes a person of a given name and a surname the text writes after "Mr"', () => {
    expect(
      retyped('Kenneth Harlow wrote it. Mr Harlow died in 1988.', [
        ['ORGANIZATION', 'Kenneth Harlow'],
        ['PERSON', 'Harlow'],
      ]),
    ).toEqual(['PERSON', 'PERSON']);
  });

  it("leaves a firm: one weak sign only, a firm's word in the name, or the text calling it a firm", () => {
    // "who" alone, without a given name: British English writes "Chelsea, who".
    expect(retyped('Harlow Penrose, who won, rose.', [['ORGANIZATION', 'Harlow Penrose']])).toEqual([
      'ORGANIZATION',
    ]);
    expect(retyped('Analyst Morgan Stanley said so.', [['ORGANIZATION', 'Morgan Stanley']])).toEqual([
      'ORGANIZATION',
    ]);
    expect(
      retyped('The record company Joy Division signed to was small. The late Joy Division singer died.', [
        ['ORGANIZATION', 'Joy Division'],
        ['ORGANIZATION', 'Joy Division'],
      ]),
    ).toEqual(['ORGANIZATION', 'ORGANIZATION']);
  });
});
