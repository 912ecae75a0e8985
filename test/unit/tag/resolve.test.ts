import { describe, expect, it } from 'vitest';
import type { EntityType } from '../../../shared/article/schema';
import type { Lexicon } from '../../../shared/tag/resolve/lexicon';
import type { FoundMention } from '../../../shared/tag/resolve/mentions';
import { similarNames } from '../../../shared/tag/resolve/names';
import { resolveEntities } from '../../../shared/tag/resolve/resolve';
import { roleBefore } from '../../../shared/tag/resolve/roles';

const lexicon: Lexicon = {
  placeAliases: { us: 'United States', 'united states': 'United States', 'u.s.': 'United States' },
  organisationAliases: { un: 'United Nations' },
};

/** Marks every occurrence of each form in the text as a mention of the given type. */
function mark(text: string, forms: [string, EntityType][]): FoundMention[] {
  const out: FoundMention[] = [];
  for (const [form, type] of forms) {
    for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
      const after = text[at + form.length] ?? ' ';
      const before = text[at - 1] ?? ' ';
      if (/\p{L}/u.test(after) || /\p{L}/u.test(before)) continue;
      out.push({ type, start: at, end: at + form.length });
    }
  }
  return out;
}

describe('resolveEntities', () => {
  const text =
    'Ukraine’s President Volodymyr Zelenskyy met US envoys. Zelenskyy said the United States would help. ' +
    'Later Zelensky thanked the North Atlantic Treaty Organization, and NATO replied. Zelenskyy’s office agreed.';
  const found = mark(text, [
    ['Volodymyr Zelenskyy', 'PERSON'],
    ['Zelenskyy', 'PERSON'],
    ['Zelensky', 'ORGANIZATION'],
    ['Ukraine', 'LOCATION'],
    ['US', 'LOCATION'],
    ['United States', 'LOCATION'],
    ['North Atlantic Treaty Organization', 'ORGANIZATION'],
    ['NATO', 'ORGANIZATION'],
  ]).filter(
    (m, _, all) =>
      !all.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start),
  );

  it('makes one entity of a full name, its surname and a transliteration variant, with its role', () => {
    const entities = resolveEntities(text, found, [], lexicon, 'Zelenskyy meets envoys');
    const people = entities.filter((e) => e.type === 'PERSON');
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({
      id: 'per-volodymyr-zelenskyy',
      name: 'Volodymyr Zelenskyy',
      role: 'Ukraine’s President',
    });
    expect(people[0]!.aliases.sort()).toEqual(['Zelensky', 'Zelenskyy']);
    expect(people[0]!.mentions.map((m) => m.text)).toEqual([
      'Volodymyr Zelenskyy',
      'Zelenskyy',
      'Zelensky',
      'Zelenskyy',
    ]);
    expect(entities[0]!.name).toBe('Volodymyr Zelenskyy');
  });

  it('joins abbreviations to their full forms through the alias table and initials', () => {
    const entities = resolveEntities(text, found, [], lexicon);
    const us = entities.find((e) => e.name === 'United States')!;
    expect(us.aliases).toEqual(['US']);
    expect(us.mentions).toHaveLength(2);
    const nato = entities.find((e) => e.type === 'ORGANIZATION')!;
    expect(nato.name).toBe('North Atlantic Treaty Organization');
    expect(nato.aliases).toEqual(['NATO']);
  });

  it('expands a bare abbreviation, and names outside-body entities without mentions', () => {
    const only = 'Talks with US officials went on.';
    const entities = resolveEntities(
      only,
      mark(only, [['US', 'LOCATION']]),
      [{ type: 'ORGANIZATION', text: 'AFP', where: 'credit' }],
      lexicon,
    );
    expect(entities.map((e) => [e.id, e.name, e.mentions.length])).toEqual([
      ['loc-united-states', 'United States', 1],
      ['org-afp', 'AFP', 0],
    ]);
  });

  it('writes a place given in capitals (a dateline) in ordinary case', () => {
    const only = 'LONDON — Officials in LONDON said so.';
    const entities = resolveEntities(only, mark(only, [['LONDON', 'LOCATION']]), [], lexicon);
    expect(entities.map((e) => [e.name, e.id])).toEqual([['London', 'loc-london']]);
  });

  it('keeps salience within 0..1 and ranks the frequent, early, headline entity first', () => {
    const entities = resolveEntities(text, found, [], lexicon, 'Zelenskyy meets envoys');
    for (const e of entities) {
      expect(e.salience).toBeGreaterThanOrEqual(0);
      expect(e.salience).toBeLessThanOrEqual(1);
    }
    expect(entities.map((e) => e.salience)).toEqual(
      [...entities.map((e) => e.salience)].sort((a, b) => b - a),
    );
  });
});

describe('roleBefore', () => {
  it('reads the title and its qualifier before a name', () => {
    const text =
      'Germany’s Defence Minister Boris Pistorius spoke. Deputy Prime Minister Oleksii Kuleba agreed with his son-in-law Jared Kushner.';
    expect(roleBefore(text, text.indexOf('Boris'))).toBe('Germany’s Defence Minister');
    expect(roleBefore(text, text.indexOf('Oleksii'))).toBe('Deputy Prime Minister');
    expect(roleBefore(text, text.indexOf('Jared'))).toBe('son-in-law');
    expect(roleBefore(text, text.indexOf('Germany'))).toBeUndefined();
  });

  it('takes a multi-word qualifier but not the previous sentence or an ordinary sentence start', () => {
    const text =
      'Markets rose. Treasury Secretary Janet Yellen agreed, and Goldman Sachs economist Jan Hatzius too. The minister Ann Lee left Kyiv. President Ola Berg stayed.';
    expect(roleBefore(text, text.indexOf('Janet'))).toBe('Treasury Secretary');
    expect(roleBefore(text, text.indexOf('Jan Hatzius'))).toBe('Goldman Sachs economist');
    expect(roleBefore(text, text.indexOf('Ann Lee'))).toBe('minister');
    expect(roleBefore(text, text.indexOf('Ola'))).toBe('President');
  });
});

describe('similarNames', () => {
  it('accepts transliteration variants and rejects different names', () => {
    expect(similarNames('Zelenskyy', 'Zelensky')).toBe(true);
    expect(similarNames('Erdoğan', 'Erdogan')).toBe(true);
    expect(similarNames('Kushner', 'Kirchner')).toBe(false);
    expect(similarNames('Trump', 'Tramp')).toBe(false);
  });
});
