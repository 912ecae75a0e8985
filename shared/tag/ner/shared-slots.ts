import type { Reader } from './binary-reader';
import type { StaticScores } from './decode';
import type { DocumentFeatures } from './document-features';
import { LABEL_COUNT } from './labels';
import { SHAPE_GROUP } from './templates';

let nextTableId = 0;
const PRESENT_BITS = 1 << 21;
const PRESENT_WORDS = PRESENT_BITS / 32;
/** The filter bit of a feature: high bits, independent of the slot (low bits) and the hot entry. */
const presentBit = (f: number) => Math.imul(f, 0x9e3779b1) >>> 11;
const HOT_SIZE = 1 << 13;
const HOT_MASK = HOT_SIZE - 1;
const SHAPE_SLOTS = 1 << 12;
const SHAPE_LIMIT = SHAPE_SLOTS * 0.75;

export interface RawTable {
  keys: Int32Array;
  rowEnd: Uint32Array;
  weights: Int16Array;
  classes: Uint8Array;
}

export function readTable(reader: Reader): RawTable {
  const rows = reader.u32();
  const nnz = reader.u32();
  const keys = reader.int32s(rows);
  const rowEnd = reader.uint32s(rows);
  const weights = reader.int16s(nnz);
  const classes = reader.uint8s(nnz);
  return { keys, rowEnd, weights, classes };
}

/** (weight << 5) | label, the layout the scorers read. */
function pack(table: RawTable): Int32Array {
  const packed = new Int32Array(table.weights.length);
  for (let j = 0; j < packed.length; j++) packed[j] = (table.weights[j]! << 5) | table.classes[j]!;
  return packed;
}

/**
 * Both passes' weights behind one open-addressed table, laid out for cache locality: a slot holds the
 * feature hash and, per pass, where its row of packed (weight, label) pairs is ((start << 5) | length,
 * 0 when the pass has none). Both passes look up mostly the same features, so one lookup serves both
 * where it can (staticScores).
 */
export class SharedSlots {
  readonly slots: Int32Array;
  readonly mask: number;
  readonly packed: [Int32Array, Int32Array];
  readonly rows: [number, number];
  readonly id = nextTableId++;
  private buffers: [Float64Array, Float64Array] = [new Float64Array(0), new Float64Array(0)];
  /**
   * A small direct-mapped cache in front of the table (key, first-pass row, second-pass row), misses
   * included: shape and frequent-word features repeat constantly, and the big table is several MB that
   * a cache miss away costs more than everything else a lookup does.
   */
  private readonly hot = new Int32Array(HOT_SIZE * 4);
  /**
   * One bit per (well-mixed) feature hash bucket, set for every feature either pass has: most features a
   * document brings (bigrams, context words) are in neither, and this 256 KB filter answers that from
   * cache where a probe of the several-MB table would go to memory. No false negatives, so exact.
   */
  private readonly present = new Uint32Array(PRESENT_WORDS);
  /**
   * Summed weights of each combination of shape features (DocumentFeatures.shapeKey), both passes: an
   * open-addressed table (a Map would box most 32-bit keys as heap numbers on every lookup). A few
   * thousand combinations occur in news text; past SHAPE_LIMIT the table starts afresh.
   */
  private readonly shapeKeys = new Int32Array(SHAPE_SLOTS);
  private readonly shapeUsed = new Uint8Array(SHAPE_SLOTS);
  private readonly shapeRows = new Float32Array(SHAPE_SLOTS * 2 * LABEL_COUNT);
  private shapeCount = 0;
  private readonly shapeScratch = new Float64Array(2 * LABEL_COUNT);

  constructor(first: RawTable, second: RawTable) {
    this.packed = [pack(first), pack(second)];
    this.rows = [first.keys.length, second.keys.length];
    let size = 1;
    while (size < (first.keys.length + second.keys.length) * 1.5) size <<= 1;
    this.mask = size - 1;
    this.slots = new Int32Array(size * 4);
    [first, second].forEach((table, pass) => {
      for (let r = 0; r < table.keys.length; r++) {
        const key = table.keys[r]!;
        const start = r === 0 ? 0 : table.rowEnd[r - 1]!;
        const info = (start << 5) | (table.rowEnd[r]! - start);
        let slot = key & this.mask;
        for (;;) {
          const at = slot * 4;
          const occupied = this.slots[at + 1] !== 0 || this.slots[at + 2] !== 0;
          if (!occupied || this.slots[at] === key) {
            this.slots[at] = key;
            this.slots[at + 1 + pass] = info;
            const bit = presentBit(key);
            this.present[bit >>> 5]! |= 1 << (bit & 31);
            break;
          }
          slot = (slot + 1) & this.mask;
        }
      }
    });
  }

  /**
   * Where feature f's rows are: the index of its entry in `hot` ([key, valid, first row, second row];
   * a row is (start << 5) | length, 0 when the pass has none).
   */
  private find(f: number): number {
    const at = ((f ^ (f >>> 15)) & HOT_MASK) * 4;
    const hot = this.hot;
    if (hot[at] === f && hot[at + 1] === 1) return at;
    const { slots, mask } = this;
    let info1 = 0;
    let info2 = 0;
    let slot = f & mask;
    const bit = presentBit(f);
    if (!(this.present[bit >>> 5]! & (1 << (bit & 31)))) slot = -1;
    while (slot >= 0) {
      const s = slot * 4;
      const a = slots[s + 1]!;
      const b = slots[s + 2]!;
      if (a === 0 && b === 0) break;
      if (slots[s] === f) {
        info1 = a;
        info2 = b;
        break;
      }
      slot = (slot + 1) & mask;
    }
    hot[at] = f;
    hot[at + 1] = 1;
    hot[at + 2] = info1;
    hot[at + 3] = info2;
    return at;
  }

  /** Adds the weights of features[from..to) of one pass (0 or 1) to scores. */
  add(pass: number, features: Int32Array, from: number, to: number, scores: Float64Array): void {
    const packed = this.packed[pass]!;
    const hot = this.hot;
    for (let k = from; k < to; k++) {
      const info = hot[this.find(features[k]!) + 2 + pass]!;
      const end = (info >>> 5) + (info & 31);
      for (let j = info >>> 5; j < end; j++) {
        const e = packed[j]!;
        scores[e & 31]! += e >> 5;
      }
    }
  }

  /**
   * The static features' weights of each token for both passes, out[pass].scores[i * LABEL_COUNT + y],
   * filled on demand: the decoder never scores most tokens it labels O unseen (alwaysOutside), and the
   * first pass skips much of the text. The first pass fills both passes' rows of a token in one sweep
   * (one lookup per feature); the second pass fills its own row of the tokens the first never scored.
   * The arrays are reused by the next call.
   */
  both(doc: DocumentFeatures): [StaticScores, StaticScores] {
    const size = doc.count * LABEL_COUNT;
    // Reused between documents: allocating and zeroing two large arrays per article cost more than filling.
    if (this.buffers[0].length < size)
      this.buffers = [new Float64Array(size * 2), new Float64Array(size * 2)];
    const first = this.buffers[0];
    const second = this.buffers[1];
    const filledFirst = new Uint8Array(doc.count);
    const filledSecond = new Uint8Array(doc.count);
    return [
      {
        scores: first,
        filled: filledFirst,
        fill: (i: number) => {
          this.fillToken(doc, i, first, second);
          filledFirst[i] = 1;
          filledSecond[i] = 1;
        },
      },
      {
        scores: second,
        filled: filledSecond,
        fill: (i: number) => {
          this.fillToken(doc, i, undefined, second);
          filledSecond[i] = 1;
        },
      },
    ];
  }

  /** Where token i's shape features' summed weights (first pass, then second) are in shapeRows. */
  private shapeRow(doc: DocumentFeatures, i: number): number {
    const key = doc.shapeKey[i]!;
    let slot = (key ^ (key >>> 15)) & (SHAPE_SLOTS - 1);
    while (this.shapeUsed[slot]) {
      if (this.shapeKeys[slot] === key) return slot * 2 * LABEL_COUNT;
      slot = (slot + 1) & (SHAPE_SLOTS - 1);
    }
    if (this.shapeCount >= SHAPE_LIMIT) {
      this.shapeUsed.fill(0);
      this.shapeCount = 0;
      return this.shapeRow(doc, i);
    }
    const scratch = this.shapeScratch;
    scratch.fill(0);
    const from = i * SHAPE_GROUP;
    this.add(0, doc.shapeFeats, from, from + SHAPE_GROUP, scratch.subarray(0, LABEL_COUNT));
    this.add(1, doc.shapeFeats, from, from + SHAPE_GROUP, scratch.subarray(LABEL_COUNT));
    // Sums of integer weights: exact as float32.
    this.shapeRows.set(scratch, slot * 2 * LABEL_COUNT);
    this.shapeKeys[slot] = key;
    this.shapeUsed[slot] = 1;
    this.shapeCount++;
    return slot * 2 * LABEL_COUNT;
  }

  /** Token i's static weights for the second pass, and for the first unless `first` is undefined. */
  private fillToken(
    doc: DocumentFeatures,
    i: number,
    first: Float64Array | undefined,
    second: Float64Array,
  ): void {
    const { feats: features, offsets } = doc;
    const [p1, p2] = this.packed;
    const hot = this.hot;
    const base = i * LABEL_COUNT;
    const group = this.shapeRows;
    const at = this.shapeRow(doc, i);
    if (first) for (let y = 0; y < LABEL_COUNT; y++) first[base + y] = group[at + y]!;
    for (let y = 0; y < LABEL_COUNT; y++) second[base + y] = group[at + LABEL_COUNT + y]!;
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
      const at = this.find(features[k]!);
      if (first) {
        const info1 = hot[at + 2]!;
        const end = (info1 >>> 5) + (info1 & 31);
        for (let j = info1 >>> 5; j < end; j++) {
          const e = p1[j]!;
          first[base + (e & 31)]! += e >> 5;
        }
      }
      const info2 = hot[at + 3]!;
      const end = (info2 >>> 5) + (info2 & 31);
      for (let j = info2 >>> 5; j < end; j++) {
        const e = p2[j]!;
        second[base + (e & 31)]! += e >> 5;
      }
    }
  }
}
