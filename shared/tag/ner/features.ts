import { feature1, feature2, feature3, hashString, sequenceHash } from './hash';
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
    else if (/\p{Lu}/u.test(ch)) c = 'X';
    else if (/\p{L}/u.test(ch)) c = 'x';
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
  return /^\p{Lu}/u.test(text);
}

function isLowerWord(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c >= 97 && c <= 122) return true;
  if (c < 128) return false;
  return /^\p{Ll}/u.test(text);
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
  /** Static features of token i are feats[offsets[i] .. offsets[i + 1]). */
  readonly offsets: Int32Array;
  /** Replaced by training with a copy in which some words' identity features are dropped. */
  feats: Int32Array;
  /** Positions in feats of the features that name the word itself (training drops them at random). */
  readonly lexical: Uint8Array;
  readonly word: Int32Array;
  readonly shape: Int32Array;
  /** Capitalised tokens share a key with the other occurrences of the same word; -1 otherwise. */
  readonly key: Int32Array;

  constructor(
    readonly sentences: Token[][],
    gazetteer: GazetteerLookup | undefined,
  ) {
    let n = 0;
    for (const s of sentences) n += s.length;
    this.count = n;
    const tokens: Token[] = new Array(n);
    this.sentenceStart = new Int32Array(sentences.length + 1);
    const initial = new Uint8Array(n);
    const allCaps = new Uint8Array(n);
    let k = 0;
    for (let s = 0; s < sentences.length; s++) {
      this.sentenceStart[s] = k;
      const sentence = sentences[s]!;
      let letters = 0;
      let upper = 0;
      for (const t of sentence) {
        if (/\p{L}/u.test(t.text)) {
          letters++;
          if (t.text === t.text.toUpperCase()) upper++;
        }
      }
      const shouting = letters >= 3 && upper === letters ? 1 : 0;
      let first = true;
      for (const t of sentence) {
        tokens[k] = t;
        allCaps[k] = shouting;
        // The first word after opening quotes or brackets is sentence-initial too.
        if (first && /[\p{L}\p{N}]/u.test(t.text)) {
          initial[k] = 1;
          first = false;
        }
        k++;
      }
    }
    this.sentenceStart[sentences.length] = n;

    const word = new Int32Array(n);
    const raw = new Int32Array(n);
    const shape = new Int32Array(n);
    const shortShape = new Int32Array(n);
    const capital = new Uint8Array(n);
    const lowerWords: string[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const text = normaliseWord(tokens[i]!.text);
      const lower = text.toLowerCase();
      lowerWords[i] = lower;
      word[i] = hashString(lower);
      raw[i] = hashString(text);
      shape[i] = hashString(shapeOf(text, 2));
      shortShape[i] = hashString(shapeOf(text, 1));
      capital[i] = isCapitalised(text) ? 1 : 0;
    }
    this.word = word;
    this.shape = shape;

    // Occurrences of each word in the document, for the document-level features.
    const key = new Int32Array(n).fill(-1);
    const groups = new Map<number, number[]>();
    const lowerSeen = new Set<number>();
    const capitalMidSentence = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      if (capital[i]) {
        let group = groups.get(word[i]!);
        if (!group) {
          group = [];
          groups.set(word[i]!, group);
        }
        group.push(i);
        if (!initial[i] && !allCaps[i])
          capitalMidSentence.set(word[i]!, (capitalMidSentence.get(word[i]!) ?? 0) + 1);
      } else if (isLowerWord(tokens[i]!.text)) lowerSeen.add(word[i]!);
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
    if (gazetteer) {
      for (let s = 0; s < sentences.length; s++) {
        const from = this.sentenceStart[s]!;
        const to = this.sentenceStart[s + 1]!;
        for (let i = from; i < to; i++) {
          if (!capital[i]) continue;
          const longest = Math.min(gazetteer.maxLength, to - i);
          for (let len = longest; len >= 1; len--) {
            const bits = gazetteer.get(sequenceHash(word, i, i + len));
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

    const feats: number[] = [];
    const lexical: number[] = [];
    const offsets = new Int32Array(n + 1);
    for (let s = 0; s < sentences.length; s++) {
      const from = this.sentenceStart[s]!;
      const to = this.sentenceStart[s + 1]!;
      for (let i = from; i < to; i++) {
        offsets[i] = feats.length;
        const w = word[i]!;
        const lower = lowerWords[i]!;
        const p1 = i - 1 >= from ? word[i - 1]! : BOUNDARY;
        const p2 = i - 2 >= from ? word[i - 2]! : BOUNDARY;
        const n1 = i + 1 < to ? word[i + 1]! : BOUNDARY;
        const n2 = i + 2 < to ? word[i + 2]! : BOUNDARY;
        const ps = i - 1 >= from ? shortShape[i - 1]! : BOUNDARY;
        const ns = i + 1 < to ? shortShape[i + 1]! : BOUNDARY;
        feats.push(
          feature1(T.word, w),
          feature1(T.raw, raw[i]!),
          feature2(T.bigramLeft, p1, w),
          feature2(T.bigramRight, w, n1),
        );
        for (let x = 0; x < 4; x++) lexical.push(feats.length - 4 + x);
        feats.push(
          feature1(T.bias, 0),
          feature1(T.shape, shape[i]!),
          feature1(T.shortShape, shortShape[i]!),
          feature1(T.prev1, p1),
          feature1(T.next1, n1),
          feature1(T.prev2, p2),
          feature1(T.next2, n2),
          feature1(T.prevShape, ps),
          feature1(T.nextShape, ns),
          feature3(T.shape3, ps, shortShape[i]!, ns),
          feature2(T.initialShape, initial[i]!, shortShape[i]!),
          feature2(T.allCapsSentence, allCaps[i]!, shortShape[i]!),
          feature1(T.rawPrev1, i - 1 >= from ? raw[i - 1]! : BOUNDARY),
          feature1(T.rawNext1, i + 1 < to ? raw[i + 1]! : BOUNDARY),
          feature2(T.length, Math.min(lower.length, 12), capital[i]!),
        );
        const len = lower.length;
        for (let a = 1; a <= 4 && a <= len; a++) {
          feats.push(feature2(T.prefix, a, hashString(lower.slice(0, a))));
          feats.push(feature2(T.suffix, a, hashString(lower.slice(len - a))));
        }
        if (gazetteerBits[i]) {
          let bits = gazetteerBits[i]!;
          for (let b = 0; bits !== 0; b++, bits >>>= 1) {
            if (bits & 1) {
              feats.push(feature2(T.gazetteer, b, gazetteerPosition[i]!));
            }
          }
        }
        if (capital[i]) {
          const mid = (capitalMidSentence.get(w) ?? 0) - (!initial[i] && !allCaps[i] ? 1 : 0);
          const signal = (mid > 0 ? 2 : 0) + (lowerSeen.has(w) ? 1 : 0);
          feats.push(feature3(T.capitalisedElsewhere, signal, initial[i]!, allCaps[i]!));
          const group = groups.get(w)!;
          if (group.length > 1) {
            const left = new Set<number>();
            const right = new Set<number>();
            for (const j of group) {
              if (j === i) continue;
              const sj = this.sentenceOf(j);
              const lw = j - 1 >= this.sentenceStart[sj]! ? word[j - 1]! : BOUNDARY;
              const rw = j + 1 < this.sentenceStart[sj + 1]! ? word[j + 1]! : BOUNDARY;
              if (left.size < CONTEXT_CAP) left.add(lw);
              if (right.size < CONTEXT_CAP) right.add(rw);
            }
            for (const lw of left) feats.push(feature1(T.contextLeft, lw));
            for (const rw of right) feats.push(feature1(T.contextRight, rw));
          }
        }
      }
    }
    offsets[n] = feats.length;
    this.offsets = offsets;
    this.feats = Int32Array.from(feats);
    this.lexical = new Uint8Array(feats.length);
    for (const x of lexical) this.lexical[x] = 1;
    this.capital = capital;
  }

  readonly capital: Uint8Array;

  private sentenceOf(i: number): number {
    let lo = 0;
    let hi = this.sentenceStart.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.sentenceStart[mid]! <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * Features of token i that depend on the decoder: the two previous labels and, in the second pass, the
   * type most often given to the same word elsewhere in the document (docTypes: -1 for none).
   */
  dynamicFeatures(i: number, prev: number, prev2: number, docType: number, out: Int32Array): number {
    let k = 0;
    out[k++] = feature1(T.prevTag, prev);
    out[k++] = feature2(T.prevTags, prev, prev2);
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
export { LABEL_COUNT };
