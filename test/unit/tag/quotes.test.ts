import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../shared/article/schema';
import { attributeQuotes, findQuotes } from '../../../shared/tag/quotes';

function person(name: string, text: string, forms: string[]): Entity {
  const mentions = [];
  for (const form of forms) {
    for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
      if (/\p{L}/u.test(text[at + form.length] ?? '')) continue;
      mentions.push({ text: form, start: at, end: at + form.length });
    }
  }
  return { id: `per-${name}`, type: 'PERSON', name, aliases: [], salience: 0.5, mentions };
}

describe('findQuotes', () => {
  it('finds curly and straight quotes, and a quote left open until the paragraph ends', () => {
    const text = 'A “curly one” and a "straight one".\n\n“An open quote runs on\n\nNext paragraph.';
    expect(findQuotes(text).map((q) => q.text)).toEqual([
      'curly one',
      'straight one',
      'An open quote runs on',
    ]);
    for (const q of findQuotes(text)) expect(text.slice(q.start, q.end)).toBe(q.text);
  });
});

describe('attributeQuotes', () => {
  const text = [
    '“We are ready,” Mara Lind said on Friday.',
    '',
    'Tomas Berg told reporters “the plan is fair” before leaving.',
    '',
    '“It will take time,” he said, adding that talks with Lind would go on, “but not for ever.”',
    '',
    '“Nobody knows,” said Lind.',
    '',
    'Lind later criticised the plan, calling it “a gamble”.',
    '',
    'The agency said it was “a turning point”.',
  ].join('\n');
  const entities = [
    person('Mara Lind', text, ['Mara Lind', 'Lind']),
    person('Tomas Berg', text, ['Tomas Berg']),
  ];

  it('names the speaker after, before, and behind a pronoun', () => {
    const quotes = attributeQuotes(text, findQuotes(text), entities);
    expect(quotes.map((q) => [q.text, q.speaker ?? null])).toEqual([
      ['We are ready,', 'Mara Lind'],
      ['the plan is fair', 'Tomas Berg'],
      ['It will take time,', 'Tomas Berg'],
      ['but not for ever.', 'Tomas Berg'],
      ['Nobody knows,', 'Mara Lind'],
      ['a gamble', 'Mara Lind'],
      ['a turning point', null],
    ]);
    expect(quotes[0]!.speakerId).toBe('per-Mara Lind');
  });
});
