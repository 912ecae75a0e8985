import { describe, expect, it } from 'vitest';
import type { EntityType } from '../../../shared/article/schema';
import { typeByHead } from '../../../shared/tag/ner/heads';
import { repaired } from './repaired';

/** The types typeByHead gives to the spans a model gave (as [type, surface], in text order). */
const typed = (text: string, given: [EntityType, string][]) =>
  repaired(text, given, (tokens, spans) => typeByHead(spans, tokens)).map(([type]) => type);

describe("recognition: types by a name's head or the kind written before it (shared/tag/ner/heads.ts)", () => {
  it('reads a band or a label named after its kind as an organisation, as CoNLL does', () => {
    expect(typed('Critics liked rock band Zentrix at the show.', [['PERSON', 'Zentrix']])).toEqual([
      'ORGANIZATION',
    ]);
    expect(typed('She signed to the label Velvora last year.', [['PERSON', 'Velvora']])).toEqual([
      'ORGANIZATION',
    ]);
  });

  it('reads a name after a regulator\'s or a maker\'s kind as an organisation: "financial watchdog BaFin"', () => {
    expect(typed("Germany's financial watchdog Velvora said so.", [['MISC', 'Velvora']])).toEqual([
      'ORGANIZATION',
    ]);
    expect(typed('Profits rose at housebuilder Anna Velvora.', [['PERSON', 'Anna Velvora']])).toEqual([
      'ORGANIZATION',
    ]);
  });
});
