import { AFTER_OUTSIDE, type Scorer } from './decode';
import { LABEL_COUNT, OUTSIDE } from './labels';
import type { SharedSlots } from './shared-slots';
import { prevTagFeatures, tagFeatures } from './templates';
import { roleRange, type WordInfo, type WordRole } from './word-info';

/** Per pass, the word's five roles and then the features of an O before it (AFTER_OUTSIDE). */
const VECTORS_PER_PASS = 6;

/**
 * One pass's weights as a Scorer, with the caches that make decoding cheap: the summed weights of each
 * word's role features (words repeat within and across articles), of its features after an O label, and
 * of each pair of previous labels.
 */
export class WeightTable implements Scorer {
  private readonly scratch = new Float64Array(LABEL_COUNT);
  private readonly afterOutside = new Int32Array(2);
  private readonly tagScores = new Float64Array(LABEL_COUNT * LABEL_COUNT * LABEL_COUNT);
  private readonly tagScoresKnown = new Uint8Array(LABEL_COUNT * LABEL_COUNT);
  /** Views of tagScores per label pair, made once so that tagRow allocates nothing. */
  private readonly tagRows = Array.from({ length: LABEL_COUNT * LABEL_COUNT }, (_, pair) =>
    this.tagScores.subarray(pair * LABEL_COUNT, (pair + 1) * LABEL_COUNT),
  );

  constructor(
    private readonly shared: SharedSlots,
    private readonly pass: 0 | 1,
  ) {}

  get rows(): number {
    return this.shared.rows[this.pass];
  }

  addScores(features: Int32Array, from: number, to: number, scores: Float64Array): void {
    this.shared.add(this.pass, features, from, to, scores);
  }

  wordVector(info: WordInfo, _role: WordRole): Float32Array {
    if (info.vectorsOwner !== this.shared.id || !info.vectors) {
      const vectors = new Float32Array(2 * VECTORS_PER_PASS * LABEL_COUNT);
      for (let pass = 0; pass < 2; pass++) {
        for (let r = 0; r < VECTORS_PER_PASS; r++) {
          this.scratch.fill(0);
          if (r === AFTER_OUTSIDE) {
            const n = prevTagFeatures(OUTSIDE, info.word, info.shape, this.afterOutside, 0);
            this.shared.add(pass, this.afterOutside, 0, n, this.scratch);
          } else {
            const [from, to] = roleRange(info, r as WordRole);
            this.shared.add(pass, info.features, from, to, this.scratch);
          }
          for (let y = 0; y < LABEL_COUNT; y++)
            vectors[(pass * VECTORS_PER_PASS + r) * LABEL_COUNT + y] = this.scratch[y]!;
        }
      }
      info.vectors = vectors;
      info.vectorsOwner = this.shared.id;
    }
    return info.vectors;
  }

  get vectorOffset(): number {
    return this.pass * VECTORS_PER_PASS * LABEL_COUNT;
  }

  readonly afterOutsideVector = AFTER_OUTSIDE;

  addTagScores(prev: number, prev2: number, scores: Float64Array): void {
    const row = this.tagRow(prev, prev2);
    for (let y = 0; y < LABEL_COUNT; y++) scores[y]! += row[y]!;
  }

  tagRow(prev: number, prev2: number): Float64Array {
    const pair = prev * LABEL_COUNT + prev2;
    const base = pair * LABEL_COUNT;
    if (!this.tagScoresKnown[pair]) {
      const features = new Int32Array(2);
      tagFeatures(prev, prev2, features);
      this.scratch.fill(0);
      this.addScores(features, 0, 2, this.scratch);
      for (let y = 0; y < LABEL_COUNT; y++) this.tagScores[base + y] = this.scratch[y]!;
      this.tagScoresKnown[pair] = 1;
    }
    return this.tagRows[pair]!;
  }
}
