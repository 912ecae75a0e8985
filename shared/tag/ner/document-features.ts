import { type GazetteerLookup, matchGazetteer } from './gazetteer-match';
import { feature2, feature3, finish, mix } from './hash';
import { Carver, IntBuffer, Scratch } from './int-buffer';
import { typeOf } from './labels';
import { docTypeFeatures, prevTagFeatures, SHAPE_GROUP, T } from './templates';
import type { Token } from './tokenize';
import {
  PART_ALL_CAPS_SHAPE,
  PART_BIGRAM_LEFT,
  PART_BIGRAM_RIGHT,
  PART_CONTEXT_LEFT,
  PART_CONTEXT_RIGHT,
  PART_INITIAL_SHAPE,
  PART_NEXT_SHAPE,
  PART_PREV_SHAPE,
  PART_SHAPE3,
  SENTENCE_BOUNDARY,
  type WordInfo,
  wordInfo,
} from './word-info';

export type { GazetteerLookup };

const CONTEXT_CAP = 6;

/** The constructor's temporaries (DocumentFeatures is built for one document at a time). */
const scratch = new Scratch();

// The document features with few possible values, hashed once: [b * 4 + position] for gazetteer source
// bit b at a match's BILOU position, [signal * 4 + initial * 2 + allCaps], [cue bits * 4 + min(group, 3)].
const GAZETTEER_FEATURE = Int32Array.from({ length: 32 * 4 }, (_, k) => feature2(T.gazetteer, k >> 2, k & 3));
const CAPITALISED_ELSEWHERE_FEATURE = Int32Array.from({ length: 4 * 4 }, (_, k) =>
  feature3(T.capitalisedElsewhere, k >> 2, (k >> 1) & 1, k & 1),
);
const CUES_FEATURE = Int32Array.from({ length: 8 * 4 }, (_, k) => feature2(T.cues, k >> 2, k & 3));

/**
 * Numbers the distinct values of `word` from 0 in order of first occurrence into ids; returns how many.
 * An open-addressed table over the document's own words.
 */
function denseWordIds(word: Int32Array, ids: Int32Array, scratch: Scratch): number {
  let size = 16;
  while (size < word.length * 2) size <<= 1;
  const mask = size - 1;
  const keys = scratch.take(size);
  const slots = scratch.take(size); // id + 1; 0 is empty
  let count = 0;
  for (let i = 0; i < word.length; i++) {
    const w = word[i]!;
    let slot = (w ^ (w >>> 16)) & mask;
    for (;;) {
      const id = slots[slot]! - 1;
      if (id < 0) {
        keys[slot] = w;
        ids[i] = count++;
        slots[slot] = count;
        break;
      }
      if (keys[slot] === w) {
        ids[i] = id;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return count;
}

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
  /**
   * Capitalised tokens share a key with the other occurrences of the same word; -1 otherwise (and for
   * a word capitalised once). Keys are below keyCount.
   */
  readonly key: Int32Array;
  readonly keyCount: number;
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
    // Sized to the slices carved below: int32 sentence starts (+1), word, shape, key, shape features
    // (SHAPE_GROUP each), shape key, offsets (+1); uint8 capital and initial.
    const block = new Carver(sentences.length + 1 + n * (5 + SHAPE_GROUP) + 1, 2 * n);
    this.sentenceStart = block.int32(sentences.length + 1);
    const word = block.int32(n);
    const shape = block.int32(n);
    const key = block.int32(n).fill(-1);
    const shapeFeats = block.int32(n * SHAPE_GROUP);
    const shapeKey = block.int32(n);
    const offsets = block.int32(n + 1);
    const capital = block.uint8(n);
    const infos: WordInfo[] = new Array(n);
    this.infos = infos;
    const initial = block.uint8(n);
    scratch.start();
    const allCaps = scratch.take(n);
    const sentenceOf = scratch.take(n);
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

    for (let i = 0; i < n; i++) {
      const info = infos[i]!;
      word[i] = info.word;
      shape[i] = info.shape;
      capital[i] = info.capital;
    }
    this.word = word;
    this.shape = shape;
    this.capital = capital;

    // Each distinct word of the document gets a dense id, so that what is known per word below lives in
    // typed arrays: Maps keyed by 32-bit hashes box most of them as heap numbers and cost more than the rest.
    const ids = scratch.take(n);
    const words = denseWordIds(word, ids, scratch);
    // The capitalised occurrences of each word (its group), in token order: group g is
    // members[groupStart[g] .. groupStart[g + 1]). A word's group key is the order of its first one.
    const groupSize = scratch.take(words);
    const groupKey = scratch.take(words);
    const capitalMidSentence = scratch.take(words);
    let keyId = 0;
    for (let i = 0; i < n; i++) {
      if (!capital[i]) continue;
      const id = ids[i]!;
      if (groupSize[id]!++ === 0) groupKey[id] = keyId++;
      if (!initial[i] && !allCaps[i]) capitalMidSentence[id]!++;
    }
    this.keyCount = keyId;
    const groupStart = scratch.take(words + 1);
    for (let id = 0; id < words; id++) groupStart[id + 1] = groupStart[id]! + groupSize[id]!;
    const members = scratch.take(groupStart[words]!);
    const filled = scratch.take(words);
    filled.set(groupStart.subarray(0, words));
    for (let i = 0; i < n; i++) if (capital[i]) members[filled[ids[i]!]!++] = i;
    const lowerSeen = scratch.take(words);
    for (let i = 0; i < n; i++) {
      if (!capital[i] && infos[i]!.lower && groupSize[ids[i]!]! > 0) lowerSeen[ids[i]!] = 1;
    }
    // The cue words (triggers.ts) within two tokens of any occurrence of each capitalised word.
    const cues = scratch.take(words);
    for (let id = 0; id < words; id++) {
      let bits = 0;
      for (let m = groupStart[id]!; m < groupStart[id + 1]!; m++) {
        const j = members[m]!;
        const sj = sentenceOf[j]!;
        const from = Math.max(this.sentenceStart[sj]!, j - 2);
        const to = Math.min(this.sentenceStart[sj + 1]!, j + 3);
        for (let k = from; k < to; k++) if (k !== j) bits |= infos[k]!.cue;
      }
      cues[id] = bits;
    }
    for (let i = 0; i < n; i++) if (capital[i] && groupSize[ids[i]!]! > 1) key[i] = groupKey[ids[i]!]!;
    this.key = key;

    this.initial = initial;
    const matches = matchGazetteer(word, capital, this.sentenceStart, gazetteer);
    const gazetteerBits = matches.bits;
    const gazetteerPosition = matches.position;
    this.gazetteerBits = gazetteerBits;
    this.gazetteerPosition = gazetteerPosition;

    // Each feature below is feature1/2/3 of its template (see the PART_ comments and the tables above);
    // the word's share of it was hashed once per word (WordInfo.parts).
    const feats = new IntBuffer(n * 4);
    this.shapeFeats = shapeFeats;
    this.shapeKey = shapeKey;
    const left = scratch.take(CONTEXT_CAP);
    const right = scratch.take(CONTEXT_CAP);
    for (let s = 0; s < sentences.length; s++) {
      const from = this.sentenceStart[s]!;
      const to = this.sentenceStart[s + 1]!;
      for (let i = from; i < to; i++) {
        offsets[i] = feats.length;
        const info = infos[i]!;
        const before = i - 1 >= from ? infos[i - 1]! : SENTENCE_BOUNDARY;
        const after = i + 1 < to ? infos[i + 1]! : SENTENCE_BOUNDARY;
        const w = info.word;
        feats.push(finish(mix(before.parts[PART_BIGRAM_LEFT]!, w)));
        feats.push(finish(mix(info.parts[PART_BIGRAM_RIGHT]!, after.word)));
        const g = i * SHAPE_GROUP;
        shapeFeats[g] = before.parts[PART_PREV_SHAPE]!;
        shapeFeats[g + 1] = after.parts[PART_NEXT_SHAPE]!;
        shapeFeats[g + 2] = finish(mix(mix(before.parts[PART_SHAPE3]!, info.shortShape), after.shortShape));
        shapeFeats[g + 3] = info.parts[PART_INITIAL_SHAPE + initial[i]!]!;
        shapeFeats[g + 4] = info.parts[PART_ALL_CAPS_SHAPE + allCaps[i]!]!;
        shapeKey[i] = finish(
          mix(
            mix(mix(mix(shapeFeats[g]!, shapeFeats[g + 1]!), shapeFeats[g + 2]!), shapeFeats[g + 3]!),
            shapeFeats[g + 4]!,
          ),
        );
        if (gazetteerBits[i]) {
          let bits = gazetteerBits[i]!;
          for (let b = 0; bits !== 0; b++, bits >>>= 1) {
            if (bits & 1) feats.push(GAZETTEER_FEATURE[b * 4 + gazetteerPosition[i]!]!);
          }
        }
        if (capital[i]) {
          const id = ids[i]!;
          const mid = capitalMidSentence[id]! - (!initial[i] && !allCaps[i] ? 1 : 0);
          const signal = (mid > 0 ? 2 : 0) + lowerSeen[id]!;
          feats.push(CAPITALISED_ELSEWHERE_FEATURE[signal * 4 + initial[i]! * 2 + allCaps[i]!]!);
          const size = groupSize[id]!;
          feats.push(CUES_FEATURE[cues[id]! * 4 + Math.min(size, 3)]!);
          if (size > 1) {
            // At most CONTEXT_CAP distinct words each side: small arrays, not sets. The features stand
            // for the words: feature1 is one-to-one for a given template (mix and finish are bijections).
            let nl = 0;
            let nr = 0;
            for (let m = groupStart[id]!; m < groupStart[id + 1]!; m++) {
              if (nl >= CONTEXT_CAP && nr >= CONTEXT_CAP) break;
              const j = members[m]!;
              if (j === i) continue;
              const sj = sentenceOf[j]!;
              const lw = (j - 1 >= this.sentenceStart[sj]! ? infos[j - 1]! : SENTENCE_BOUNDARY).parts[
                PART_CONTEXT_LEFT
              ]!;
              const rw = (j + 1 < this.sentenceStart[sj + 1]! ? infos[j + 1]! : SENTENCE_BOUNDARY).parts[
                PART_CONTEXT_RIGHT
              ]!;
              if (nl < CONTEXT_CAP && !inFirst(left, nl, lw)) left[nl++] = lw;
              if (nr < CONTEXT_CAP && !inFirst(right, nr, rw)) right[nr++] = rw;
            }
            for (let k = 0; k < nl; k++) feats.push(left[k]!);
            for (let k = 0; k < nr; k++) feats.push(right[k]!);
          }
        }
      }
    }
    offsets[n] = feats.length;
    this.offsets = offsets;
    this.feats = feats.data.subarray(0, feats.length);
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
    const k = prevTagFeatures(prev, this.word[i]!, this.shape[i]!, out, 0);
    return docType >= 0 ? k + docTypeFeatures(docType, this.word[i]!, this.shape[i]!, out, k) : k;
  }

  /** The docType features alone of dynamicFeatures (for a scorer that has the previous label's cached). */
  docTypeFeatures(i: number, docType: number, out: Int32Array): number {
    return docTypeFeatures(docType, this.word[i]!, this.shape[i]!, out, 0);
  }

  /**
   * For each token, the entity type most often predicted for the other occurrences of the same capitalised
   * word in a first pass (index into TYPES), or -1.
   */
  documentTypes(labels: Int32Array): Int32Array {
    // counts[key * 5 + type + 1]: how often each type (or none, at + 0) was given to the key's word.
    const counts = new Int32Array(this.keyCount * 5);
    for (let i = 0; i < this.count; i++) {
      const key = this.key[i]!;
      if (key >= 0) counts[key * 5 + typeOf(labels[i]!) + 1]!++;
    }
    const out = new Int32Array(this.count).fill(-1);
    for (let i = 0; i < this.count; i++) {
      const key = this.key[i]!;
      if (key < 0) continue;
      const own = typeOf(labels[i]!) + 1;
      let best = -1;
      let bestCount = 0;
      for (let t = 1; t < 5; t++) {
        const m = counts[key * 5 + t]! - (t === own ? 1 : 0);
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
