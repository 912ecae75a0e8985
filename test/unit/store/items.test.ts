import { describe, expect, it } from 'vitest';
import { foldName } from '../../../shared/article/entity-id';
import { keys, nameTokens, trendShardOf, trendShards } from '../../../shared/store/items';

describe('name tokens', () => {
  it('indexes every word of a name to its end, folded', () => {
    expect(nameTokens(['Volodymyr Zelenskyy', 'Zelensky'])).toEqual([
      'volodymyr zelenskyy',
      'zelenskyy',
      'zelensky',
    ]);
    expect(nameTokens(['Recep Tayyip Erdoğan'])).toContain('erdogan');
    expect(nameTokens(['J. R. R. Tolkien'])).toEqual(['tolkien']);
  });

  it('folds the way a search prefix is folded', () => {
    expect(foldName('  Erdoğan’s ')).toBe('erdogans');
    expect(foldName('Saint-Étienne')).toBe('saint etienne');
  });
});

describe('keys', () => {
  it('keeps item types apart by key prefix', () => {
    expect(keys.article('a').pk).toBe(keys.edge('a', 'e').pk);
    expect(keys.article('a').sk < keys.edge('a', 'e').sk).toBe(true);
    expect(keys.edge('a', 'e').sk < keys.quote('a', 0).sk).toBe(true);
    // Corrections sort before every edge, so the revision clean-up (sk >= EDGE#) never deletes one.
    expect(keys.correction('a', 'e').sk < keys.edge('a', '').sk).toBe(true);
    expect(keys.article('a').sk < keys.correction('a', 'e').sk).toBe(true);
    expect(keys.entity('e').pk).not.toBe(keys.article('e').pk);
  });

  it('spreads the trend counters of one day over the shards', () => {
    const shards = new Set(Array.from({ length: 200 }, (_, i) => trendShardOf(`per-someone-${i}`)));
    expect([...shards].sort()).toEqual(Array.from({ length: trendShards }, (_, i) => i));
    expect(keys.trendDay('2025-01-01', 'PERSON', 'per-x').pk).toMatch(/^TRENDD#2025-01#[0-3]$/);
    expect(keys.trendDay('2025-01-01', 'PERSON', 'per-x').sk).toBe('01#PERSON#per-x');
    expect(keys.trendMonth('2025-01-01', 'PERSON', 'per-x').pk).toBe('TRENDM#2025');
    expect(keys.trendMonth('2025-01-01', 'PERSON', 'per-x').sk).toBe('01#PERSON#per-x');
  });
});
