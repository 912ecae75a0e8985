import type { Learn, Scorer } from '../../shared/tag/ner/decode';
import { LABEL_COUNT } from '../../shared/tag/ner/labels';
import { SHAPE_GROUP, tagFeatures } from '../../shared/tag/ner/templates';
import { roleRange, type WordInfo, type WordRole } from '../../shared/tag/ner/word-info';
import type { SparseRow } from './write-model';

/**
 * Averaged perceptron with lazy averaging: `total` accumulates each update times the step at which it
 * happened, so the average is w - total / steps without touching every weight every step.
 */
export class AveragedPerceptron implements Scorer {
  private readonly index = new Map<number, number>();
  private rows = 0;
  private weights = new Float32Array(1 << 16);
  private totals = new Float64Array(1 << 16);
  private step = 1;

  addScores(features: Int32Array, from: number, to: number, scores: Float64Array): void {
    const w = this.weights;
    for (let k = from; k < to; k++) {
      const r = this.index.get(features[k]!);
      if (r === undefined) continue;
      const base = r * LABEL_COUNT;
      for (let y = 0; y < LABEL_COUNT; y++) scores[y]! += w[base + y]!;
    }
  }

  private readonly vector = new Float32Array(5 * LABEL_COUNT);
  private readonly scratch = new Float64Array(LABEL_COUNT);

  readonly vectorOffset = 0;

  /** Weights change while training: computed afresh, into the role's slice of one shared buffer. */
  wordVector(info: WordInfo, role: WordRole): Float32Array {
    const [from, to] = roleRange(info, role);
    this.scratch.fill(0);
    this.addScores(info.features, from, to, this.scratch);
    for (let y = 0; y < LABEL_COUNT; y++) this.vector[role * LABEL_COUNT + y] = this.scratch[y]!;
    return this.vector;
  }

  private readonly tags = new Int32Array(2);

  addTagScores(prev: number, prev2: number, scores: Float64Array): void {
    tagFeatures(prev, prev2, this.tags);
    this.addScores(this.tags, 0, 2, scores);
  }

  private row(feature: number): number {
    let r = this.index.get(feature);
    if (r === undefined) {
      r = this.rows++;
      this.index.set(feature, r);
      if (this.rows * LABEL_COUNT > this.weights.length) {
        const w = new Float32Array(this.weights.length * 2);
        w.set(this.weights);
        this.weights = w;
        const t = new Float64Array(this.totals.length * 2);
        t.set(this.totals);
        this.totals = t;
      }
    }
    return r * LABEL_COUNT;
  }

  private bump(features: Int32Array, from: number, to: number, gold: number, predicted: number): void {
    for (let k = from; k < to; k++) {
      const base = this.row(features[k]!);
      this.weights[base + gold]! += 1;
      this.totals[base + gold]! += this.step;
      this.weights[base + predicted]! -= 1;
      this.totals[base + predicted]! -= this.step;
    }
  }

  learn: Learn = (
    window,
    features,
    from,
    to,
    shapes,
    shapesFrom,
    dynamic,
    dynamicCount,
    prev,
    prev2,
    gold,
    predicted,
  ) => {
    if (gold !== predicted) {
      for (let r = 0; r < 5; r++) {
        const [from, to] = roleRange(window[r]!, r as WordRole);
        this.bump(window[r]!.features, from, to, gold, predicted);
      }
      this.bump(features, from, to, gold, predicted);
      this.bump(shapes, shapesFrom, shapesFrom + SHAPE_GROUP, gold, predicted);
      this.bump(dynamic, 0, dynamicCount, gold, predicted);
      tagFeatures(prev, prev2, this.tags);
      this.bump(this.tags, 0, 2, gold, predicted);
    }
    this.step++;
  };

  /** Switches to the averaged weights (for evaluation and export). */
  average(): void {
    const n = this.rows * LABEL_COUNT;
    for (let j = 0; j < n; j++) this.weights[j] = this.weights[j]! - this.totals[j]! / this.step;
  }

  get size(): number {
    return this.rows;
  }

  /**
   * Quantizes to int16 with one scale for all weights and drops weights that round to zero and rows with
   * nothing left: the rounding bound is what keeps the model file small.
   */
  export(minimum: number): SparseRow[] {
    let max = 0;
    const n = this.rows * LABEL_COUNT;
    for (let j = 0; j < n; j++) max = Math.max(max, Math.abs(this.weights[j]!));
    const scale = 32767 / max;
    const out: SparseRow[] = [];
    for (const [key, r] of this.index) {
      const classes: number[] = [];
      const weights: number[] = [];
      for (let y = 0; y < LABEL_COUNT; y++) {
        const w = this.weights[r * LABEL_COUNT + y]!;
        if (Math.abs(w) < minimum) continue;
        const q = Math.round(w * scale);
        if (q === 0) continue;
        classes.push(y);
        weights.push(q);
      }
      if (classes.length > 0) out.push({ key, classes, weights });
    }
    return out;
  }
}
