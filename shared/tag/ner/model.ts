import type { Scorer } from './decode';
import { type GazetteerLookup, tagFeatures, type WordInfo, type WordRole } from './features';
import { LABEL_COUNT } from './labels';

export const MODEL_MAGIC = 0x4d52454e; // "NERM" little-endian
export const MODEL_VERSION = 1;

/** Strings that resolution needs at run time, baked into the model file at training time. */
export interface Lexicon {
  /** Lower-cased alias -> canonical place name ("us" -> "United States"). */
  placeAliases: Record<string, string>;
  /** Lower-cased alias -> canonical organisation name ("un" -> "United Nations"). */
  organisationAliases: Record<string, string>;
}

export interface ModelMeta {
  /** Counts and settings of the training run, for the record. */
  training: Record<string, unknown>;
  gazetteerSources: string[];
  lexicon: Lexicon;
}

interface HashTable {
  table: Int32Array;
  mask: number;
}

/** Open-addressed table from a 32-bit hash (already well mixed) to its index + 1, built at load time. */
function buildTable(keys: Int32Array): HashTable {
  let size = 1;
  while (size < keys.length * 2) size <<= 1;
  const table = new Int32Array(size);
  const mask = size - 1;
  for (let r = 0; r < keys.length; r++) {
    let slot = keys[r]! & mask;
    while (table[slot] !== 0) slot = (slot + 1) & mask;
    table[slot] = r + 1;
  }
  return { table, mask };
}

export function align(n: number): number {
  return (n + 3) & ~3;
}

/** Reads consecutive aligned typed arrays out of one buffer. */
class Reader {
  at = 0;
  constructor(private readonly bytes: Uint8Array) {}
  u32(): number {
    const v = new DataView(this.bytes.buffer, this.bytes.byteOffset + this.at, 4).getUint32(0, true);
    this.at += 4;
    return v;
  }
  int32s(n: number): Int32Array {
    const a = new Int32Array(this.bytes.buffer, this.bytes.byteOffset + this.at, n);
    this.at += n * 4;
    return a;
  }
  uint32s(n: number): Uint32Array {
    const a = new Uint32Array(this.bytes.buffer, this.bytes.byteOffset + this.at, n);
    this.at += n * 4;
    return a;
  }
  int16s(n: number): Int16Array {
    const a = new Int16Array(this.bytes.buffer, this.bytes.byteOffset + this.at, n);
    this.at = align(this.at + n * 2);
    return a;
  }
  uint8s(n: number): Uint8Array {
    const a = this.bytes.subarray(this.at, this.at + n);
    this.at = align(this.at + n);
    return a;
  }
}

let nextTableId = 0;

/**
 * Sparse quantized perceptron weights: feature hash -> (label, weight) pairs. At load time they are laid
 * out for cache locality: one open-addressed slot holds the key and where its row is, and a row is a run
 * of int32s packing weight and label, so a lookup touches two cache lines.
 */
export class WeightTable implements Scorer {
  readonly rows: number;
  /** [key, (rowStart << 5) | rowLength] per slot; rowLength 0 marks an empty slot. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** (weight << 5) | label. */
  private readonly packed: Int32Array;

  constructor(reader: Reader) {
    const rows = reader.u32();
    const nnz = reader.u32();
    const keys = reader.int32s(rows);
    const rowEnd = reader.uint32s(rows);
    const weights = reader.int16s(nnz);
    const classes = reader.uint8s(nnz);
    this.rows = rows;
    this.packed = new Int32Array(nnz);
    for (let j = 0; j < nnz; j++) this.packed[j] = (weights[j]! << 5) | classes[j]!;
    let size = 1;
    while (size < rows * 2) size <<= 1;
    this.mask = size - 1;
    this.slots = new Int32Array(size * 2);
    for (let r = 0; r < rows; r++) {
      const start = r === 0 ? 0 : rowEnd[r - 1]!;
      let slot = keys[r]! & this.mask;
      while (this.slots[slot * 2 + 1] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot * 2] = keys[r]!;
      this.slots[slot * 2 + 1] = (start << 5) | (rowEnd[r]! - start);
    }
  }

  /**
   * Summed weights of each word's role features, five label vectors per word, computed on first use:
   * most of a token's features depend on one word, and words repeat within and across articles.
   */
  private readonly id = nextTableId++;
  private readonly scratch = new Float64Array(LABEL_COUNT);

  addWordScores(info: WordInfo, role: WordRole, scores: Float64Array): void {
    let cached = info.scores[this.id];
    if (!cached) {
      cached = new Int32Array(5 * LABEL_COUNT);
      for (let r = 0; r < 5; r++) {
        this.scratch.fill(0);
        const features = info.roles[r as WordRole];
        this.addScores(features, 0, features.length, this.scratch);
        for (let y = 0; y < LABEL_COUNT; y++) cached[r * LABEL_COUNT + y] = this.scratch[y]!;
      }
      info.scores[this.id] = cached;
    }
    const base = role * LABEL_COUNT;
    for (let y = 0; y < LABEL_COUNT; y++) scores[y]! += cached[base + y]!;
  }

  private readonly tagScores = new Int32Array(LABEL_COUNT * LABEL_COUNT * LABEL_COUNT);
  private readonly tagScoresKnown = new Uint8Array(LABEL_COUNT * LABEL_COUNT);

  addTagScores(prev: number, prev2: number, scores: Float64Array): void {
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
    for (let y = 0; y < LABEL_COUNT; y++) scores[y]! += this.tagScores[base + y]!;
  }

  addScores(features: Int32Array, from: number, to: number, scores: Float64Array): void {
    const { slots, mask, packed } = this;
    for (let k = from; k < to; k++) {
      const f = features[k]!;
      let slot = f & mask;
      for (;;) {
        const info = slots[slot * 2 + 1]!;
        if (info === 0) break;
        if (slots[slot * 2] === f) {
          const end = (info >>> 5) + (info & 31);
          for (let j = info >>> 5; j < end; j++) {
            const e = packed[j]!;
            scores[e & 31]! += e >> 5;
          }
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
  }
}

/**
 * The trained tagger: the first-pass and second-pass weights, the gazetteer and the lexicon.
 * Layout: magic, version, meta JSON, gazetteer (keys, bits, max length), then two weight tables.
 */
export class NerModel {
  readonly meta: ModelMeta;
  readonly gazetteer: GazetteerLookup;
  readonly first: WeightTable;
  readonly second: WeightTable;

  constructor(bytes: Uint8Array) {
    // Typed-array views need aligned offsets; a Buffer may sit anywhere inside its pool.
    const buffer = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
    const reader = new Reader(buffer);
    if (reader.u32() !== MODEL_MAGIC) throw new Error('not an NER model file');
    if (reader.u32() !== MODEL_VERSION) throw new Error('unsupported NER model version');
    const metaLength = reader.u32();
    this.meta = JSON.parse(new TextDecoder().decode(reader.uint8s(metaLength))) as ModelMeta;
    const gazetteerSize = reader.u32();
    const maxLength = reader.u32();
    const gazetteerKeys = reader.int32s(gazetteerSize);
    const gazetteerBits = reader.int32s(gazetteerSize);
    const gazetteer = buildTable(gazetteerKeys);
    this.gazetteer = {
      maxLength,
      get(sequence: number): number {
        let slot = sequence & gazetteer.mask;
        for (;;) {
          const r = gazetteer.table[slot]!;
          if (r === 0) return 0;
          if (gazetteerKeys[r - 1] === sequence) return gazetteerBits[r - 1]!;
          slot = (slot + 1) & gazetteer.mask;
        }
      },
    };
    this.first = new WeightTable(reader);
    this.second = new WeightTable(reader);
  }
}
