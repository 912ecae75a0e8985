import type { DocumentFeatures } from './features';
import { MAX_DYNAMIC } from './features';
import { ALLOWED, canEnd, LABEL_COUNT, OUTSIDE } from './labels';

/** Adds the weights of features[from..to) to scores (one slot per label). */
export interface Scorer {
  addScores(features: Int32Array, from: number, to: number, scores: Float64Array): void;
}

/** Called on each token while training: the learner sees the features and the predicted and gold labels. */
export type Learn = (
  features: Int32Array,
  from: number,
  to: number,
  dynamic: Int32Array,
  dynamicCount: number,
  gold: number,
  predicted: number,
) => void;

/**
 * Greedy left-to-right decoding, one sentence at a time, restricted to well-formed BILOU sequences.
 * With `docTypes` it is the second pass (document-level types from the first pass as features).
 */
export function decodeGreedy(
  doc: DocumentFeatures,
  scorer: Scorer,
  docTypes: Int32Array | undefined,
  training?: { gold: Int32Array; learn: Learn },
): Int32Array {
  const labels = new Int32Array(doc.count);
  const scores = new Float64Array(LABEL_COUNT);
  const dynamic = new Int32Array(MAX_DYNAMIC);
  const sentences = doc.sentenceStart.length - 1;
  for (let s = 0; s < sentences; s++) {
    const from = doc.sentenceStart[s]!;
    const to = doc.sentenceStart[s + 1]!;
    let prev = OUTSIDE;
    let prev2 = OUTSIDE;
    for (let i = from; i < to; i++) {
      scores.fill(0);
      const fs = doc.offsets[i]!;
      const fe = doc.offsets[i + 1]!;
      scorer.addScores(doc.feats, fs, fe, scores);
      const dn = doc.dynamicFeatures(i, prev, prev2, docTypes ? docTypes[i]! : -1, dynamic);
      scorer.addScores(dynamic, 0, dn, scores);
      const last = i === to - 1;
      let best = -1;
      let bestScore = Number.NEGATIVE_INFINITY;
      const row = prev * LABEL_COUNT;
      for (let y = 0; y < LABEL_COUNT; y++) {
        if (!ALLOWED[row + y] || (last && !canEnd(y))) continue;
        if (scores[y]! > bestScore) {
          bestScore = scores[y]!;
          best = y;
        }
      }
      if (training) training.learn(doc.feats, fs, fe, dynamic, dn, training.gold[i]!, best);
      labels[i] = best;
      prev2 = prev;
      prev = best;
    }
  }
  return labels;
}
