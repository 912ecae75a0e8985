import type { DocumentFeatures } from './document-features';
import { ALLOWED, B, canEnd, I, LABEL_COUNT, OUTSIDE, positionOf } from './labels';
import { MAX_DYNAMIC, SHAPE_GROUP } from './templates';
import { SENTENCE_BOUNDARY, type WordInfo, type WordRole } from './word-info';

/** CHOICES[prev * 2 + (last token ? 1 : 0)]: the labels that may follow prev, in label order. */
const CHOICES: Int8Array[] = Array.from({ length: LABEL_COUNT * 2 }, (_, k) => {
  const prev = k >> 1;
  const last = (k & 1) === 1;
  const out: number[] = [];
  for (let y = 0; y < LABEL_COUNT; y++)
    if (ALLOWED[prev * LABEL_COUNT + y] && (!last || canEnd(y))) out.push(y);
  return Int8Array.from(out);
});

/** Labels after which the next token must continue the entity (B and I). */
const INSIDE: Uint8Array = Uint8Array.from({ length: LABEL_COUNT }, (_, y) =>
  positionOf(y) === B || positionOf(y) === I ? 1 : 0,
);

/** Adds weights to scores (one slot per label). */
export interface Scorer {
  /** The weights of features[from..to). */
  addScores(features: Int32Array, from: number, to: number, scores: Float64Array): void;
  /**
   * The summed weights of a word's features in one role (WordInfo.roles[role]) at
   * [role * LABEL_COUNT, (role + 1) * LABEL_COUNT) of the returned array; a scorer may cache them.
   */
  wordVector(info: WordInfo, role: WordRole): Float32Array;
  /** Where in wordVector's array this scorer's five role vectors start. */
  readonly vectorOffset: number;
  /** The weights of the previous two labels' features (tagFeatures); a scorer may cache them. */
  addTagScores(prev: number, prev2: number, scores: Float64Array): void;
  /** The same weights as a cached row of LABEL_COUNT scores, for scorers whose weights do not change. */
  tagRow?(prev: number, prev2: number): Float64Array;
  /**
   * With tagRow: wordVector's array also holds, as role AFTER_OUTSIDE, the summed weights of the word's
   * prevTagFeatures for a previous label O (the previous label of most tokens).
   */
  readonly afterOutsideVector?: typeof AFTER_OUTSIDE;
}

/** Where, in role vectors, a caching scorer keeps the weights of a word's features after an O. */
export const AFTER_OUTSIDE = 5;

/** One pass's static feature weights per token (scores[i * LABEL_COUNT + y]), valid once filled[i] (fill(i)). */
export interface StaticScores {
  readonly scores: Float64Array;
  readonly filled: Uint8Array;
  fill(i: number): void;
}

/** The words around a token, by role: the token, one before, one after, two before, two after. */
export type Window = [WordInfo, WordInfo, WordInfo, WordInfo, WordInfo];

/** Called on each token while training, with every feature the decision was made on. */
export type Learn = (
  window: Window,
  features: Int32Array,
  from: number,
  to: number,
  shapes: Int32Array,
  shapesFrom: number,
  dynamic: Int32Array,
  dynamicCount: number,
  prev: number,
  prev2: number,
  gold: number,
  predicted: number,
) => void;

/**
 * Greedy left-to-right decoding, one sentence at a time, restricted to well-formed BILOU sequences.
 * With `docTypes` it is the second pass (document-level types from the first pass as features).
 * With `only`, decodes each sentence s only up to (not including) token only.until[s], into the given
 * labels, and leaves the rest as they are; the sentence still ends where it ends for the choice of labels.
 * With `staticScores` (the weights of doc.feats and doc.shapeFeats per token, filled once for both passes),
 * it does not look them up again.
 * With `alwaysOutside`, flagged tokens are labelled O without scoring unless they continue an entity.
 */
export function decodeGreedy(
  doc: DocumentFeatures,
  scorer: Scorer,
  docTypes: Int32Array | undefined,
  training?: { gold: Int32Array; learn: Learn },
  only?: { until: Int32Array; labels: Int32Array },
  staticScores?: StaticScores,
  alwaysOutside?: Uint8Array,
): Int32Array {
  const labels = only ? only.labels : new Int32Array(doc.count);
  const scores = new Float64Array(LABEL_COUNT);
  const dynamic = new Int32Array(MAX_DYNAMIC);
  const infos = doc.infos;
  const offset = scorer.vectorOffset;
  const window: Window = [
    SENTENCE_BOUNDARY,
    SENTENCE_BOUNDARY,
    SENTENCE_BOUNDARY,
    SENTENCE_BOUNDARY,
    SENTENCE_BOUNDARY,
  ];
  const sentences = doc.sentenceStart.length - 1;
  for (let s = 0; s < sentences; s++) {
    const from = doc.sentenceStart[s]!;
    const to = doc.sentenceStart[s + 1]!;
    const until = only ? only.until[s]! : to;
    let prev = OUTSIDE;
    let prev2 = OUTSIDE;
    for (let i = from; i < until; i++) {
      if (alwaysOutside?.[i] && !INSIDE[prev]) {
        labels[i] = OUTSIDE;
        prev2 = prev;
        prev = OUTSIDE;
        continue;
      }
      window[0] = infos[i]!;
      window[1] = i - 1 >= from ? infos[i - 1]! : SENTENCE_BOUNDARY;
      window[2] = i + 1 < to ? infos[i + 1]! : SENTENCE_BOUNDARY;
      window[3] = i - 2 >= from ? infos[i - 2]! : SENTENCE_BOUNDARY;
      window[4] = i + 2 < to ? infos[i + 2]! : SENTENCE_BOUNDARY;
      const v0 = scorer.wordVector(window[0], 0);
      const v1 = scorer.wordVector(window[1], 1);
      const v2 = scorer.wordVector(window[2], 2);
      const v3 = scorer.wordVector(window[3], 3);
      const v4 = scorer.wordVector(window[4], 4);
      const last = i === to - 1;
      // Only the labels that may follow `prev` are scored: 9 of 17 outside an entity, 2 inside one.
      const choices = CHOICES[prev * 2 + (last ? 1 : 0)]!;
      const nChoices = choices.length;
      const fs = doc.offsets[i]!;
      const fe = doc.offsets[i + 1]!;
      let dn: number;
      if (staticScores && scorer.tagRow && scorer.afterOutsideVector && !training) {
        // Tagging: one loop over the choices. Scores are sums of integer weights, exact in any order, so
        // they are added in pairs (shorter chains of dependent additions).
        if (!staticScores.filled[i]) staticScores.fill(i);
        const base = i * LABEL_COUNT;
        const weights = staticScores.scores;
        const tags = scorer.tagRow(prev, prev2);
        const docType = docTypes ? docTypes[i]! : -1;
        if (prev === OUTSIDE) {
          // The features of the O before the word come with its vectors; only the docType ones are added.
          for (let c = 0; c < nChoices; c++) {
            const y = choices[c]!;
            const o = offset + y;
            scores[y] =
              v0[o]! +
              v1[LABEL_COUNT + o]! +
              (v2[2 * LABEL_COUNT + o]! + v3[3 * LABEL_COUNT + o]!) +
              (v4[4 * LABEL_COUNT + o]! + weights[base + y]!) +
              (tags[y]! + v0[AFTER_OUTSIDE * LABEL_COUNT + o]!);
          }
          dn = docType >= 0 ? doc.docTypeFeatures(i, docType, dynamic) : 0;
        } else {
          for (let c = 0; c < nChoices; c++) {
            const y = choices[c]!;
            const o = offset + y;
            scores[y] =
              v0[o]! +
              v1[LABEL_COUNT + o]! +
              (v2[2 * LABEL_COUNT + o]! + v3[3 * LABEL_COUNT + o]!) +
              (v4[4 * LABEL_COUNT + o]! + weights[base + y]! + tags[y]!);
          }
          dn = doc.dynamicFeatures(i, prev, docType, dynamic);
        }
      } else {
        for (let c = 0; c < nChoices; c++) {
          const y = choices[c]!;
          const o = offset + y;
          scores[y] =
            v0[o]! +
            v1[LABEL_COUNT + o]! +
            v2[2 * LABEL_COUNT + o]! +
            v3[3 * LABEL_COUNT + o]! +
            v4[4 * LABEL_COUNT + o]!;
        }
        if (staticScores) {
          if (!staticScores.filled[i]) staticScores.fill(i);
          const base = i * LABEL_COUNT;
          const weights = staticScores.scores;
          for (let c = 0; c < nChoices; c++) scores[choices[c]!]! += weights[base + choices[c]!]!;
        } else {
          scorer.addScores(doc.feats, fs, fe, scores);
          scorer.addScores(doc.shapeFeats, i * SHAPE_GROUP, (i + 1) * SHAPE_GROUP, scores);
        }
        scorer.addTagScores(prev, prev2, scores);
        dn = doc.dynamicFeatures(i, prev, docTypes ? docTypes[i]! : -1, dynamic);
      }
      if (dn > 0) scorer.addScores(dynamic, 0, dn, scores);
      let best = -1;
      let bestScore = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < nChoices; c++) {
        const y = choices[c]!;
        if (scores[y]! > bestScore) {
          bestScore = scores[y]!;
          best = y;
        }
      }
      if (training)
        training.learn(
          window,
          doc.feats,
          fs,
          fe,
          doc.shapeFeats,
          i * SHAPE_GROUP,
          dynamic,
          dn,
          prev,
          prev2,
          training.gold[i]!,
          best,
        );
      labels[i] = best;
      prev2 = prev;
      prev = best;
    }
  }
  return labels;
}
