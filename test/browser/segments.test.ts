import { describe, expect, it } from 'vitest';
import { marksOf, paragraphs } from '../../web/src/segments';

const body = 'President Volodymyr Zelenskyy met ministers.\n\nZelenskyy said so in Kyiv.';
const entities = [
  {
    id: 'per-volodymyr-zelenskyy',
    type: 'PERSON',
    name: 'Volodymyr Zelenskyy',
    mentions: [
      { start: 10, end: 29 },
      { start: 46, end: 55 },
    ],
  },
  {
    id: 'loc-kyiv',
    type: 'LOCATION',
    name: 'Kyiv',
    mentions: [{ start: body.indexOf('Kyiv'), end: body.indexOf('Kyiv') + 4 }],
  },
];

describe('article body segments', () => {
  it('splits paragraphs and links every mention, keeping every character once', () => {
    const blocks = paragraphs(body, marksOf(entities, body.length));
    expect(blocks).toHaveLength(2);
    expect(blocks.map((b) => b.map((s) => s.text).join('')).join('\n\n')).toBe(body);
    expect(blocks[0]!.filter((s) => s.mark).map((s) => [s.text, s.mark!.entityId])).toEqual([
      ['Volodymyr Zelenskyy', 'per-volodymyr-zelenskyy'],
    ]);
    expect(blocks[1]!.filter((s) => s.mark).map((s) => s.text)).toEqual(['Zelenskyy', 'Kyiv']);
  });

  it('keeps the first of overlapping mentions (the longer at a tie) and drops spans outside the body', () => {
    const marks = marksOf(
      [
        { id: 'a', type: 'PERSON', name: 'A', mentions: [{ start: 10, end: 19 }] },
        { id: 'b', type: 'PERSON', name: 'B', mentions: [{ start: 10, end: 29 }] },
        { id: 'c', type: 'MISC', name: 'C', mentions: [{ start: 20, end: 40 }] },
        { id: 'd', type: 'MISC', name: 'D', mentions: [{ start: 70, end: 500 }] },
      ],
      body.length,
    );
    expect(marks.map((m) => m.entityId)).toEqual(['b']);
  });

  it('cuts a mention at a paragraph break', () => {
    const text = 'one two\n\nthree';
    const blocks = paragraphs(text, [{ start: 4, end: 14, entityId: 'x', type: 'MISC', name: 'X' }]);
    expect(blocks.map((b) => b.map((s) => [s.text, Boolean(s.mark)]))).toEqual([
      [
        ['one ', false],
        ['two', true],
      ],
      [['three', true]],
    ]);
  });
});
