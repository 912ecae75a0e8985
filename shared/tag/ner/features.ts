import { feature1, feature2, feature3, finish, hashString, mix, SEQUENCE_SEED } from './hash';
import { LABEL_COUNT, typeOf } from './labels';
import type { Token } from './tokenize';

/** Gazetteer entries are sequences of lower-cased word hashes; the value is a bit mask of sources. */
export interface GazetteerLookup {
  readonly maxLength: number;
  get(sequence: number): number;
}

// Template ids: changing one invalidates a trained model, so they are fixed numbers, not an enum order.
const T = {
  bias: 1,
  word: 2,
  raw: 3,
  shape: 4,
  shortShape: 5,
  prefix: 6,
  suffix: 7,
  prev1: 8,
  next1: 9,
  prev2: 10,
  next2: 11,
  prevShape: 12,
  nextShape: 13,
  shape3: 14,
  bigramLeft: 15,
  bigramRight: 16,
  initialShape: 17,
  gazetteer: 18,
  capitalisedElsewhere: 19,
  contextLeft: 21,
  contextRight: 22,
  allCapsSentence: 23,
  rawPrev1: 24,
  rawNext1: 25,
  length: 26,
  prevTag: 30,
  prevTags: 31,
  prevTagWord: 32,
  prevTagShape: 33,
  docType: 40,
  docTypeShape: 41,
  docTypeWord: 42,
} as const;

const BOUNDARY = hashString('<s>');
const CONTEXT_CAP = 6;

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
  vectors: undefined,
  vectorsOwner: -1,
  marked: false,
  markedIn: undefined,
};

const cache = new Map<string, WordInfo>();
const CACHE_LIMIT = 200_000;

function wordInfo(token: string): WordInfo {
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
    vectors: undefined,
    vectorsOwner: -1,
    marked: false,
    markedIn: undefined,
  };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(token, info);
  return info;
}

/** Whether value is among values[0..count). */
function inFirst(values: Int32Array, count: number, value: number): boolean {
  for (let k = 0; k < count; k++) if (values[k] === value) return true;
  return false;
}

/** A growable int32 buffer. */
class IntBuffer {
  data: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }
}

/**
 * Everything the tagger knows about one document's tokens that does not depend on its own decisions:
 * per-token feature hashes (word, shape, affixes, context, gazetteer, document context), and the indexes
 * that the decoder needs for the features that do (previous tags, the types given to the same word elsewhere).
 */
export class DocumentFeatures {
  readonly count: number;
  /** Sentence boundaries as token indexes: sentence s is [sentenceStart[s], sentenceStart[s + 1]). */
  readonly sentenceStart: Int32Array;
  /**
   * The shape features of token i (its shape with the neighbours' and the sentence's) are
   * shapeFeats[i * SHAPE_GROUP ..][..SHAPE_GROUP]: few distinct combinations, so a scorer may cache their
   * sum by shapeKey[i]. The other static features are feats[offsets[i] .. offsets[i + 1]).
   */
  readonly shapeFeats: Int32Array;
  readonly shapeKey: Int32Array;
  /** Static features of token i are feats[offsets[i] .. offsets[i + 1]). */
  readonly offsets: Int32Array;
  readonly feats: Int32Array;
  /** Per token: its word's role features (see WordInfo). */
  readonly infos: WordInfo[];
  readonly word: Int32Array;
  readonly shape: Int32Array;
  readonly capital: Uint8Array;
  /** Capitalised tokens share a key with the other occurrences of the same word; -1 otherwise. */
  readonly key: Int32Array;
  /** The gazetteer sources (bit mask) of the longest match covering each token, and its BILOU position. */
  readonly gazetteerBits: Int32Array;
  readonly gazetteerPosition: Int8Array;
  /** 1 for the first word of a sentence. */
  readonly initial: Uint8Array;

  constructor(
    readonly sentences: Token[][],
    gazetteer: GazetteerLookup | undefined,
  ) {
    let n = 0;
    for (const s of sentences) n += s.length;
    this.count = n;
    this.sentenceStart = new Int32Array(sentences.length + 1);
    const infos: WordInfo[] = new Array(n);
    this.infos = infos;
    const initial = new Uint8Array(n);
    const allCaps = new Uint8Array(n);
    const sentenceOf = new Int32Array(n);
    let k = 0;
    for (let s = 0; s < sentences.length; s++) {
      this.sentenceStart[s] = k;
      const sentence = sentences[s]!;
      let letters = 0;
      let upper = 0;
      const from = k;
      let first = true;
      for (const t of sentence) {
        const info = wordInfo(t.text);
        infos[k] = info;
        sentenceOf[k] = s;
        if (info.letters) {
          letters++;
          if (info.upper) upper++;
        }
        // The first word after opening quotes or brackets is sentence-initial too.
        if (first && info.alphanumeric) {
          initial[k] = 1;
          first = false;
        }
        k++;
      }
      if (letters >= 3 && upper === letters) allCaps.fill(1, from, k);
    }
    this.sentenceStart[sentences.length] = n;

    const word = new Int32Array(n);
    const shape = new Int32Array(n);
    const shortShape = new Int32Array(n);
    const capital = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const info = infos[i]!;
      word[i] = info.word;
      shape[i] = info.shape;
      shortShape[i] = info.shortShape;
      capital[i] = info.capital;
    }
    this.word = word;
    this.shape = shape;
    this.capital = capital;

    // Occurrences of each word in the document, for the document-level features.
    const key = new Int32Array(n).fill(-1);
    const groups = new Map<number, number[]>();
    const lowerSeen = new Set<number>();
    const capitalMidSentence = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      if (!capital[i]) continue;
      let group = groups.get(word[i]!);
      if (!group) {
        group = [];
        groups.set(word[i]!, group);
      }
      group.push(i);
      if (!initial[i] && !allCaps[i])
        capitalMidSentence.set(word[i]!, (capitalMidSentence.get(word[i]!) ?? 0) + 1);
    }
    // Only asked about capitalised words: a lookup in the small map of those is cheaper than a set of
    // every lower-case word.
    for (let i = 0; i < n; i++) {
      if (!capital[i] && infos[i]!.lower && groups.has(word[i]!)) lowerSeen.add(word[i]!);
    }
    let keyId = 0;
    for (const group of groups.values()) {
      if (group.length > 1) for (const i of group) key[i] = keyId;
      keyId++;
    }
    this.key = key;

    // Gazetteer matches: longest match first, starting at capitalised tokens.
    const gazetteerBits = new Int32Array(n);
    const gazetteerPosition = new Int8Array(n).fill(-1);
    this.gazetteerBits = gazetteerBits;
    this.gazetteerPosition = gazetteerPosition;
    this.initial = initial;
    if (gazetteer) {
      const prefixHash = new Int32Array(gazetteer.maxLength + 1);
      for (let s = 0; s < sentences.length; s++) {
        const from = this.sentenceStart[s]!;
        const to = this.sentenceStart[s + 1]!;
        for (let i = from; i < to; i++) {
          if (!capital[i]) continue;
          const longest = Math.min(gazetteer.maxLength, to - i);
          // sequenceHash(word, i, i + len) for every len, from one running mix.
          let h = SEQUENCE_SEED;
          for (let len = 1; len <= longest; len++) {
            h = mix(h, word[i + len - 1]!);
            prefixHash[len] = finish(h);
          }
          for (let len = longest; len >= 1; len--) {
            const bits = gazetteer.get(prefixHash[len]!);
            if (bits === 0) continue;
            for (let j = i; j < i + len; j++) {
              gazetteerBits[j] = bits;
              gazetteerPosition[j] = len === 1 ? 3 : j === i ? 0 : j === i + len - 1 ? 2 : 1;
            }
            i += len - 1;
            break;
          }
        }
      }
    }

    const feats = new IntBuffer(n * 16);
    const shapeFeats = new Int32Array(n * SHAPE_GROUP);
    const shapeKey = new Int32Array(n);
    this.shapeFeats = shapeFeats;
    this.shapeKey = shapeKey;
    const offsets = new Int32Array(n + 1);
    const left = new Int32Array(CONTEXT_CAP);
    const right = new Int32Array(CONTEXT_CAP);
    for (let s = 0; s < sentences.length; s++) {
      const from = this.sentenceStart[s]!;
      const to = this.sentenceStart[s + 1]!;
      for (let i = from; i < to; i++) {
        offsets[i] = feats.length;
        const w = word[i]!;
        const p1 = i - 1 >= from ? word[i - 1]! : BOUNDARY;
        const n1 = i + 1 < to ? word[i + 1]! : BOUNDARY;
        const ps = i - 1 >= from ? shortShape[i - 1]! : BOUNDARY;
        const ns = i + 1 < to ? shortShape[i + 1]! : BOUNDARY;
        feats.push(feature2(T.bigramLeft, p1, w));
        feats.push(feature2(T.bigramRight, w, n1));
        const s = shortShape[i]!;
        const g = i * SHAPE_GROUP;
        shapeFeats[g] = feature1(T.prevShape, ps);
        shapeFeats[g + 1] = feature1(T.nextShape, ns);
        shapeFeats[g + 2] = feature3(T.shape3, ps, s, ns);
        shapeFeats[g + 3] = feature2(T.initialShape, initial[i]!, s);
        shapeFeats[g + 4] = feature2(T.allCapsSentence, allCaps[i]!, s);
        shapeKey[i] = finish(
          mix(
            mix(mix(mix(shapeFeats[g]!, shapeFeats[g + 1]!), shapeFeats[g + 2]!), shapeFeats[g + 3]!),
            shapeFeats[g + 4]!,
          ),
        );
        if (gazetteerBits[i]) {
          let bits = gazetteerBits[i]!;
          for (let b = 0; bits !== 0; b++, bits >>>= 1) {
            if (bits & 1) feats.push(feature2(T.gazetteer, b, gazetteerPosition[i]!));
          }
        }
        if (capital[i]) {
          const mid = (capitalMidSentence.get(w) ?? 0) - (!initial[i] && !allCaps[i] ? 1 : 0);
          const signal = (mid > 0 ? 2 : 0) + (lowerSeen.has(w) ? 1 : 0);
          feats.push(feature3(T.capitalisedElsewhere, signal, initial[i]!, allCaps[i]!));
          const group = groups.get(w)!;
          if (group.length > 1) {
            // At most CONTEXT_CAP distinct words each side: small arrays, not sets.
            let nl = 0;
            let nr = 0;
            for (const j of group) {
              if (nl >= CONTEXT_CAP && nr >= CONTEXT_CAP) break;
              if (j === i) continue;
              const sj = sentenceOf[j]!;
              const lw = j - 1 >= this.sentenceStart[sj]! ? word[j - 1]! : BOUNDARY;
              const rw = j + 1 < this.sentenceStart[sj + 1]! ? word[j + 1]! : BOUNDARY;
              if (nl < CONTEXT_CAP && !inFirst(left, nl, lw)) left[nl++] = lw;
              if (nr < CONTEXT_CAP && !inFirst(right, nr, rw)) right[nr++] = rw;
            }
            for (let k = 0; k < nl; k++) feats.push(feature1(T.contextLeft, left[k]!));
            for (let k = 0; k < nr; k++) feats.push(feature1(T.contextRight, right[k]!));
          }
        }
      }
    }
    offsets[n] = feats.length;
    this.offsets = offsets;
    this.feats = feats.data.slice(0, feats.length);
  }

  /** 1 for tokens in the given set of word hashes (WordInfo.raw): see ModelMeta.alwaysOutside. */
  markedBy(words: ReadonlySet<number>): Uint8Array {
    const marks = new Uint8Array(this.count);
    if (words.size === 0) return marks;
    for (let i = 0; i < this.count; i++) {
      const info = this.infos[i]!;
      if (info.markedIn !== words) {
        info.marked = words.has(info.raw);
        info.markedIn = words;
      }
      marks[i] = info.marked ? 1 : 0;
    }
    return marks;
  }

  /**
   * Features of token i that depend on the decoder and the word: the previous label with the word and its
   * shape and, in the second pass, the type most often given to the same word elsewhere in the document
   * (docType: -1 for none). The features of the previous labels alone are tagFeatures.
   */
  dynamicFeatures(i: number, prev: number, docType: number, out: Int32Array): number {
    let k = 0;
    out[k++] = feature2(T.prevTagWord, prev, this.word[i]!);
    out[k++] = feature2(T.prevTagShape, prev, this.shape[i]!);
    if (docType >= 0) {
      out[k++] = feature1(T.docType, docType);
      out[k++] = feature2(T.docTypeShape, docType, this.shape[i]!);
      out[k++] = feature2(T.docTypeWord, docType, this.word[i]!);
    }
    return k;
  }

  /**
   * For each token, the entity type most often predicted for the other occurrences of the same capitalised
   * word in a first pass (index into TYPES), or -1.
   */
  documentTypes(labels: Int32Array): Int32Array {
    const counts = new Map<number, Int32Array>();
    for (let i = 0; i < this.count; i++) {
      const key = this.key[i]!;
      if (key < 0) continue;
      const t = typeOf(labels[i]!);
      let c = counts.get(key);
      if (!c) {
        c = new Int32Array(5);
        counts.set(key, c);
      }
      c[t + 1]!++;
    }
    const out = new Int32Array(this.count).fill(-1);
    for (let i = 0; i < this.count; i++) {
      const key = this.key[i]!;
      if (key < 0) continue;
      const c = counts.get(key)!;
      const own = typeOf(labels[i]!) + 1;
      let best = -1;
      let bestCount = 0;
      for (let t = 1; t < 5; t++) {
        const m = c[t]! - (t === own ? 1 : 0);
        if (m > bestCount) {
          bestCount = m;
          best = t - 1;
        }
      }
      out[i] = best;
    }
    return out;
  }
}

export const MAX_DYNAMIC = 8;
export const SHAPE_GROUP = 5;

/** The features of the two previous labels alone: a scorer may cache them per label pair. */
export function tagFeatures(prev: number, prev2: number, out: Int32Array): number {
  out[0] = feature1(T.prevTag, prev);
  out[1] = feature2(T.prevTags, prev, prev2);
  return 2;
}
export { LABEL_COUNT };
