/** Name comparison helpers for resolving mentions within one article. */

import { isNameParticle } from '../particles';

// Unicode-property patterns are module constants: esbuild (tsx, and the bundle at target node20) turns a
// \p{...} literal into `new RegExp(...)`, which would then be rebuilt on every call.
const MARKS = /\p{M}/gu;
const STARTS_UPPER = /^\p{Lu}/u;
const ABBREVIATION = /^(?:\p{Lu}{2,5}|(?:\p{Lu}\.){2,4})$/u;
/** A letter or digit: what a whole word may not touch. */
export const WORD_CHARACTER = /[\p{L}\p{N}]/u;

const folded = new Map<string, string>();

/**
 * Folds accents, curly apostrophes and case: "Erdoğan" and "erdogan" compare equal.
 *
 * Not article/entity-id's foldName, on purpose: that one drops apostrophes and turns every other
 * non-alphanumeric run into a space ("U.S." -> "u s", "Guinea-Bissau" -> "guinea bissau"), which suits
 * slugs but not resolution. Here punctuation stays, because the lexicon in the model file is keyed by
 * these folds ("u.s.", "u.k.", "cote d'ivoire", "guinea-bissau"), and "U.S." must not become a two-word
 * name for the surname and given-name rules. Sharing it would need the lexicon rebuilt and changes output.
 */
export function foldName(text: string): string {
  let out = folded.get(text);
  if (out === undefined) {
    out = fold(text);
    // Names repeat across articles; the bound keeps a long-lived Lambda's memory flat.
    if (folded.size > 20_000) folded.clear();
    folded.set(text, out);
  }
  return out;
}

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(/[’‘`]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Levenshtein distance, giving up (returning limit + 1) once it exceeds `limit`. With `swaps`, two
 * adjacent letters written the other way round count as one edit ("optimal string alignment", the
 * Damerau-Levenshtein distance misspelt names need). Giving up early stays exact: a swap reaches back
 * two rows, never below the row before's minimum plus one.
 */
export function editDistance(a: string, b: string, limit: number, swaps = false): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  // Three rows reused across calls: names are short, and resolution compares many pairs.
  if (rowA.length <= b.length) {
    rowA = new Int32Array(b.length * 2 + 2);
    rowB = new Int32Array(b.length * 2 + 2);
    rowC = new Int32Array(b.length * 2 + 2);
  }
  let twoBack = rowC;
  let previous = rowA;
  let current = rowB;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (swaps && i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb)
        value = Math.min(value, twoBack[j - 2]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    const free = twoBack;
    twoBack = previous;
    previous = current;
    current = free;
  }
  return previous[b.length]!;
}

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/** Doubled letters single, y/j as i, ph as f: "Zelenskyy", "Zelenskiy" and "Zelensky" share one key. */
function spellingKey(folded: string): string {
  return folded
    .replace(/ph/g, 'f')
    .replace(/[yj]/g, 'i')
    .replace(/(.)\1+/g, '$1');
}

/**
 * Whether two spellings are transliteration variants of one name ("Zelenskyy"/"Zelensky",
 * "Erdogan"/"Erdoğan"): same first letter and a small edit distance for the length.
 */
export function similarNames(a: string, b: string): boolean {
  const x = foldName(a);
  const y = foldName(b);
  if (x === y) return true;
  if (x[0] !== y[0]) return false;
  const shorter = Math.min(x.length, y.length);
  // Short names differ by one letter too often ("Trump"/"Tramp"): only spelling variants count there.
  if (shorter < 7) return shorter >= 4 && spellingKey(x) === spellingKey(y);
  return editDistance(x, y, shorter >= 9 ? 2 : 1) <= (shorter >= 9 ? 2 : 1);
}

/** Initials of the capitalised words: "North Atlantic Treaty Organization" -> "NATO". */
export function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => STARTS_UPPER.test(w))
    .map((w) => w[0])
    .join('');
}

export function isAbbreviation(text: string): boolean {
  return ABBREVIATION.test(text);
}

export function words(name: string): string[] {
  return name.split(/\s+/).filter(Boolean);
}

/**
 * Whether a person's name is a surname alone: one word, or a surname with particles ("Mr Van de Vijver",
 * "Mr de Vabres"): it opens with a lower-case particle, or with a capitalised one followed by a lower-case
 * one. "Van Morrison" and "Le Pen" are left alone: the first word may be a given name.
 */
export function isSurnameOnly(name: string): boolean {
  const space = name.indexOf(' ');
  if (space < 0) return true;
  const first = name.slice(0, space);
  if (isNameParticle(first)) return true;
  const second = name.slice(space + 1).split(' ', 1)[0]!;
  return isNameParticle(first.toLowerCase()) && isNameParticle(second);
}

/** How many words a trimmed name has. */
export function wordCount(name: string): number {
  let n = 1;
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) === 32 && name.charCodeAt(i - 1) !== 32) n++;
  return n;
}

/** Where `word` stands in `text` as a whole word: no letter or digit touches it on either side. */
export function wholeWordStarts(text: string, word: string): number[] {
  const starts: number[] = [];
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1))
    if (!WORD_CHARACTER.test(text[at - 1] ?? ' ') && !WORD_CHARACTER.test(text[at + word.length] ?? ' '))
      starts.push(at);
  return starts;
}
