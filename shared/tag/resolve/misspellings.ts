import { editDistance } from './names';

/**
 * Whether a surname written once is a slip for another the same article writes ("Ebber" for "Ebbers",
 * "Chada" for "Chadha", "Khodorkovsky" for "Khordokovsky", "Mafeca" for "Macaefa"): same first letter,
 * five letters or more, and a Damerau-Levenshtein distance of one (two from eight letters), or the same
 * letters in another order, one letter more or less, from six letters. Much looser than the
 * transliteration variants of names.ts, so resolution asks it only when one full-name person of the
 * article fits (people.ts).
 */
export function misspeltSurname(a: string, b: string): boolean {
  if (a[0] !== b[0]) return false;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 5) return false;
  const limit = shorter >= 8 ? 2 : 1;
  if (editDistance(a, b, limit, true) <= limit) return true;
  return shorter >= 6 && sameLettersButOne(a, b);
}

/** Whether the letters of a and b, counted, differ by at most one letter added or removed. */
function sameLettersButOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  const counts = new Map<string, number>();
  for (const c of a) counts.set(c, (counts.get(c) ?? 0) + 1);
  for (const c of b) counts.set(c, (counts.get(c) ?? 0) - 1);
  let off = 0;
  for (const n of counts.values()) off += Math.abs(n);
  return off <= 1;
}
