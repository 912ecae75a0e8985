import { feature1, feature2, featurePrefix, hashString } from './hash';
import { BOUNDARY, T } from './templates';
import { CUE_OF } from './triggers';

// Unicode-property patterns are module constants: esbuild (tsx, and the bundle at target node20) turns a
// \p{...} literal into `new RegExp(...)`, which would then be rebuilt on every call.
const UPPER = /\p{Lu}/u;
const LETTER = /\p{L}/u;
const NUMBER = /\p{N}/u;
const STARTS_UPPER = /^\p{Lu}/u;
const STARTS_LOWER = /^\p{Ll}/u;

export function normaliseWord(text: string): string {
  return text.replace(/[’‘`]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-').replace(/\d/g, '0');
}

function shapeOf(text: string, maxRun: number): string {
  let out = '';
  let last = '';
  let run = 0;
  for (const ch of text) {
    let c: string;
    if (ch >= 'a' && ch <= 'z') c = 'x';
    else if (ch >= 'A' && ch <= 'Z') c = 'X';
    else if (ch >= '0' && ch <= '9') c = 'd';
    else if (UPPER.test(ch)) c = 'X';
    else if (LETTER.test(ch)) c = 'x';
    else c = ch;
    if (c === last) {
      run++;
      if (run > maxRun) continue;
    } else {
      run = 1;
      last = c;
    }
    out += c;
  }
  return out;
}

function isCapitalised(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  return STARTS_UPPER.test(text);
}

function isLowerWord(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c >= 97 && c <= 122) return true;
  if (c < 128) return false;
  return STARTS_LOWER.test(text);
}

/** What a word contributes on its own, computed once per distinct token text (see wordInfo). */
export interface WordInfo {
  word: number;
  raw: number;
  shape: number;
  shortShape: number;
  capital: number;
  lower: boolean;
  /** Has a letter, and every letter is upper case. */
  letters: boolean;
  upper: boolean;
  alphanumeric: boolean;
  /**
   * The features this word contributes by role, one array (few objects: a long-lived Lambda keeps tens of
   * thousands of words): as the current token (identity, shape, length, affixes, bias) first, then as the
   * token one before, one after, two before, two after (see roleRange). They depend on the word alone, so
   * a scorer may cache their summed weights per word.
   */
  features: Int32Array;
  /**
   * The hashes, whole or partial (featurePrefix), of the document features this word takes part in
   * (the PART_ indexes): DocumentFeatures finishes them per token with one mix instead of hashing each
   * feature from its template up.
   */
  parts: Int32Array;
  /** The cue bits (triggers.ts) of the word. */
  cue: number;
  /** The summed weights of the five roles for both passes of one model (vectorsOwner), filled on first use. */
  vectors: Float32Array | undefined;
  vectorsOwner: number;
  /** Whether the word is in the set `markedIn` (DocumentFeatures.markedBy), remembered for the last set asked. */
  marked: boolean;
  markedIn: ReadonlySet<number> | undefined;
}

export const OWN = 0;
export const AS_PREVIOUS = 1;
export const AS_NEXT = 2;
export const AS_SECOND_PREVIOUS = 3;
export const AS_SECOND_NEXT = 4;
export type WordRole = 0 | 1 | 2 | 3 | 4;

// The neighbour roles take a fixed 6 features at the end of WordInfo.features: 2, 2, 1, 1.
const ROLE_TAIL = [6, 4, 2, 1, 0];

/** [from, to) of a role's features in info.features. */
export function roleRange(info: WordInfo, role: WordRole): [number, number] {
  const n = info.features.length;
  return role === OWN ? [0, n - 6] : [n - ROLE_TAIL[role - 1]!, n - ROLE_TAIL[role]!];
}

function featuresOf(word: number, raw: number, own: number[]): Int32Array {
  return Int32Array.from([
    ...own,
    feature1(T.prev1, word),
    feature1(T.rawPrev1, raw),
    feature1(T.next1, word),
    feature1(T.rawNext1, raw),
    feature1(T.prev2, word),
    feature1(T.next2, word),
  ]);
}

// Indexes into WordInfo.parts.
/** featurePrefix(T.bigramLeft, word): the word as the token before. */
export const PART_BIGRAM_LEFT = 0;
/** featurePrefix(T.bigramRight, word): the word as the token. */
export const PART_BIGRAM_RIGHT = 1;
/** feature1(T.prevShape, shortShape): the word as the token before. */
export const PART_PREV_SHAPE = 2;
/** feature1(T.nextShape, shortShape): the word as the token after. */
export const PART_NEXT_SHAPE = 3;
/** featurePrefix(T.shape3, shortShape): the word as the token before. */
export const PART_SHAPE3 = 4;
/** feature2(T.initialShape, initial, shortShape), at + initial (0 or 1). */
export const PART_INITIAL_SHAPE = 5;
/** feature2(T.allCapsSentence, allCaps, shortShape), at + allCaps (0 or 1). */
export const PART_ALL_CAPS_SHAPE = 7;
/** feature1(T.contextLeft, word) and feature1(T.contextRight, word): the word beside another occurrence. */
export const PART_CONTEXT_LEFT = 9;
export const PART_CONTEXT_RIGHT = 10;

function partsOf(word: number, shortShape: number): Int32Array {
  return Int32Array.of(
    featurePrefix(T.bigramLeft, word),
    featurePrefix(T.bigramRight, word),
    feature1(T.prevShape, shortShape),
    feature1(T.nextShape, shortShape),
    featurePrefix(T.shape3, shortShape),
    feature2(T.initialShape, 0, shortShape),
    feature2(T.initialShape, 1, shortShape),
    feature2(T.allCapsSentence, 0, shortShape),
    feature2(T.allCapsSentence, 1, shortShape),
    feature1(T.contextLeft, word),
    feature1(T.contextRight, word),
  );
}

/** Stands for the missing neighbour before the first or after the last token of a sentence. */
export const SENTENCE_BOUNDARY: WordInfo = {
  word: BOUNDARY,
  raw: BOUNDARY,
  shape: BOUNDARY,
  shortShape: BOUNDARY,
  capital: 0,
  lower: false,
  letters: false,
  upper: false,
  alphanumeric: false,
  features: featuresOf(BOUNDARY, BOUNDARY, []),
  parts: partsOf(BOUNDARY, BOUNDARY),
  cue: 0,
  vectors: undefined,
  vectorsOwner: -1,
  marked: false,
  markedIn: undefined,
};

const cache = new Map<string, WordInfo>();
const CACHE_LIMIT = 200_000;

export function wordInfo(token: string): WordInfo {
  let info = cache.get(token);
  if (info) return info;
  const text = normaliseWord(token);
  const lower = text.toLowerCase();
  const word = hashString(lower);
  const raw = hashString(text);
  const shape = hashString(shapeOf(text, 2));
  const shortShape = hashString(shapeOf(text, 1));
  const capital = isCapitalised(text) ? 1 : 0;
  const own: number[] = [
    feature1(T.word, word),
    feature1(T.raw, raw),
    feature1(T.bias, 0),
    feature1(T.shape, shape),
    feature1(T.shortShape, shortShape),
    feature2(T.length, Math.min(lower.length, 12), capital),
  ];
  const len = lower.length;
  for (let a = 1; a <= 4 && a <= len; a++) {
    own.push(feature2(T.prefix, a, hashString(lower.slice(0, a))));
    own.push(feature2(T.suffix, a, hashString(lower.slice(len - a))));
  }
  const letters = LETTER.test(token);
  info = {
    word,
    raw,
    shape,
    shortShape,
    capital,
    lower: isLowerWord(token),
    letters,
    upper: letters && token === token.toUpperCase(),
    alphanumeric: letters || NUMBER.test(token),
    features: featuresOf(word, raw, own),
    parts: partsOf(word, shortShape),
    cue: CUE_OF.get(word) ?? 0,
    vectors: undefined,
    vectorsOwner: -1,
    marked: false,
    markedIn: undefined,
  };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(token, info);
  return info;
}
