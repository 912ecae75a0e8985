import { describe, expect, it } from 'vitest';
import { misspeltSurname } from '../../../shared/tag/resolve/misspellings';
import { editDistance } from '../../../shared/tag/resolve/names';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions, and gives up past the limit', () => {
    expect(editDistance('ebbers', 'ebber', 2)).toBe(1);
    expect(editDistance('chadha', 'chada', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
    expect(editDistance('abc', 'abcdef', 1)).toBe(2);
  });

  it('counts two adjacent letters swapped as one edit only when asked', () => {
    expect(editDistance('khodorkovsky', 'khordokovsky', 3)).toBe(2);
    expect(editDistance('khodorkovsky', 'khodokrovsky', 3)).toBe(2);
    expect(editDistance('khodorkovsky', 'khodokrovsky', 3, true)).toBe(1);
    expect(editDistance('ab', 'ba', 2, true)).toBe(1);
    expect(editDistance('ca', 'abc', 3, true)).toBe(3);
  });
});

describe('misspeltSurname', () => {
  it('takes a slip of one letter, or of two letters swapped, for the surname', () => {
    expect(misspeltSurname('ebber', 'ebbers')).toBe(true);
    expect(misspeltSurname('chada', 'chadha')).toBe(true);
    expect(misspeltSurname('khodorkovsky', 'khodokrovsky')).toBe(true);
    expect(misspeltSurname('smith', 'smyth')).toBe(true);
    expect(misspeltSurname('jones', 'james')).toBe(false);
  });
});
