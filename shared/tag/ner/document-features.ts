import { type GazetteerLookup, matchGazetteer } from './gazetteer-match';
import { feature1, feature2, feature3, finish, mix } from './hash';
import { IntBuffer } from './int-buffer';
import { typeOf } from './labels';
import { BOUNDARY, SHAPE_GROUP, T } from './templates';
import type { Token } from './tokenize';
import { CUE_OF } from './triggers';
import { type WordInfo, wordInfo } from './word-info';

export type { GazetteerLookup };

const CONTEXT_CAP = 6;

/** Whether value is among values[0..count). */
function inFirst(values: Int32Array, count: number, value: number): boolean {
  for (let k = 0; k < count; k++) if (values[k] === value) return true;
  return false;
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
    // The cue words (triggers.ts) within two tokens of any occurrence of each capitalised word.
    const cues = new Map<number, number>();
    for (const [w, group] of groups) {
      let bits = 0;
      for (const j of group) {
        const sj = sentenceOf[j]!;
        const from = Math.max(this.sentenceStart[sj]!, j - 2);
        const to = Math.min(this.sentenceStart[sj + 1]!, j + 3);
        for (let k = from; k < to; k++) if (k !== j) bits |= CUE_OF.get(word[k]!) ?? 0;
      }
      cues.set(w, bits);
    }
    let keyId = 0;
    for (const group of groups.values()) {
      if (group.length > 1) for (const i of group) key[i] = keyId;
      keyId++;
    }
    this.key = key;

    this.initial = initial;
    const matches = matchGazetteer(word, capital, this.sentenceStart, gazetteer);
    const gazetteerBits = matches.bits;
    const gazetteerPosition = matches.position;
    this.gazetteerBits = gazetteerBits;
    this.gazetteerPosition = gazetteerPosition;

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
          feats.push(feature2(T.cues, cues.get(w)!, Math.min(groups.get(w)!.length, 3)));
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
