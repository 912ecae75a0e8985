import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../../shared/tag/load-model';
import { LABEL_COUNT } from '../../../shared/tag/ner/labels';
import { NerModel } from '../../../shared/tag/ner/model';
import { labelsToSpans, spansToLabels } from '../../../shared/tag/ner/spans';
import { tokenize } from '../../../shared/tag/ner/tokenize';
import { readConll } from '../../../tools/train-ner/conll';
import { encodeModel } from '../../../tools/train-ner/write-model';

describe('model file', () => {
  it('reads back what the trainer writes, from any byte offset', () => {
    const meta = {
      training: { note: 'test' },
      gazetteerSources: ['country'],
    };
    const bytes = encodeModel(
      meta,
      new Map([
        [42, 1],
        [-7, 3],
      ]),
      2,
      [{ key: 5, classes: [0, 3], weights: [10, -20] }],
      [
        { key: 5, classes: [16], weights: [7] },
        { key: -9, classes: [1], weights: [1] },
      ],
    );
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    const model = new NerModel(shifted.subarray(1));
    expect(model.meta).toEqual(meta);
    expect(model.gazetteer.get(42)).toBe(1);
    expect(model.gazetteer.get(-7)).toBe(3);
    expect(model.gazetteer.get(43)).toBe(0);
    const scores = new Float64Array(LABEL_COUNT);
    model.first.addScores(Int32Array.of(5, 99), 0, 2, scores);
    expect([scores[0], scores[3]]).toEqual([10, -20]);
    scores.fill(0);
    model.second.addScores(Int32Array.of(5, -9), 0, 2, scores);
    expect([scores[16], scores[1]]).toEqual([7, 1]);
  });

  it('ships a trained model with its gazetteers baked in', () => {
    const model = loadModel();
    expect(model.first.rows).toBeGreaterThan(10_000);
    expect(model.meta.gazetteerSources).toEqual(expect.arrayContaining(['city-100k', 'first-name']));
  });
});

describe('BILOU labels', () => {
  it('turn spans into labels and back', () => {
    const text = 'Olaf Scholz met Emmanuel Macron in Paris .';
    const tokens = tokenize(text);
    const spans = [
      { type: 'PERSON' as const, start: 0, end: 11 },
      { type: 'PERSON' as const, start: 16, end: 31 },
      { type: 'LOCATION' as const, start: 35, end: 40 },
    ];
    expect(labelsToSpans(tokens, spansToLabels(tokens, spans))).toEqual(spans);
  });

  it('round-trip any non-overlapping token spans', () => {
    const tokens = tokenize('a b c d e f g h i j k l');
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 11 }), { maxLength: 12 }),
        fc.integer({ min: 0, max: 3 }),
        (cuts, t) => {
          const sorted = [...cuts].sort((a, b) => a - b);
          const spans = [];
          for (let k = 0; k + 1 < sorted.length; k += 2) {
            spans.push({
              type: (['PERSON', 'ORGANIZATION', 'LOCATION', 'MISC'] as const)[t]!,
              start: tokens[sorted[k]!]!.start,
              end: tokens[sorted[k + 1]!]!.end,
            });
          }
          expect(labelsToSpans(tokens, spansToLabels(tokens, spans))).toEqual(spans);
        },
      ),
    );
  });
});

describe('CoNLL reader', () => {
  it('rebuilds running text with entity offsets from the token columns', () => {
    const dir = mkdtempSync(join(tmpdir(), 'conll-'));
    const path = join(dir, 'sample.txt');
    writeFileSync(
      path,
      [
        '-DOCSTART- -X- -X- O',
        '',
        '" NN O O',
        'Peter NNP B-NP B-PER',
        'Blackburn NNP I-NP I-PER',
        "'s POS O O",
        'view NN O O',
        ', , O O',
        '" NN O O',
        'said VBD O O',
        'the DT O O',
        'European NNP B-NP B-ORG',
        'Commission NNP I-NP I-ORG',
        '. . O O',
        '',
        'LONDON NNP B-NP B-LOC',
        '',
      ].join('\n'),
    );
    const [doc] = readConll(path);
    expect(doc!.text).toBe('"Peter Blackburn\'s view," said the European Commission.\nLONDON');
    expect(doc!.spans.map((s) => [s.type, doc!.text.slice(s.start, s.end)])).toEqual([
      ['PERSON', 'Peter Blackburn'],
      ['ORGANIZATION', 'European Commission'],
      ['LOCATION', 'LONDON'],
    ]);
  });
});
