import type { Scorer } from './decode';
import type { GazetteerLookup } from './features';

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

/** Sparse quantized perceptron weights: feature hash -> (label, weight) pairs. */
export class WeightTable implements Scorer {
  private readonly keys: Int32Array;
  private readonly rowEnd: Uint32Array;
  private readonly weights: Int16Array;
  private readonly classes: Uint8Array;
  private readonly index: HashTable;

  constructor(reader: Reader) {
    const rows = reader.u32();
    const nnz = reader.u32();
    this.keys = reader.int32s(rows);
    this.rowEnd = reader.uint32s(rows);
    this.weights = reader.int16s(nnz);
    this.classes = reader.uint8s(nnz);
    this.index = buildTable(this.keys);
  }

  get rows(): number {
    return this.keys.length;
  }

  addScores(features: Int32Array, from: number, to: number, scores: Float64Array): void {
    const { keys, rowEnd, weights, classes } = this;
    const { table, mask } = this.index;
    for (let k = from; k < to; k++) {
      const f = features[k]!;
      let slot = f & mask;
      for (;;) {
        const r = table[slot]!;
        if (r === 0) break;
        if (keys[r - 1] === f) {
          const end = rowEnd[r - 1]!;
          for (let j = r === 1 ? 0 : rowEnd[r - 2]!; j < end; j++) scores[classes[j]!]! += weights[j]!;
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
