import { Reader } from './binary-reader';
import type { StaticScores } from './decode';
import type { DocumentFeatures, GazetteerLookup } from './document-features';
import { readTable, SharedSlots } from './shared-slots';
import { WeightTable } from './weight-table';

export { align } from './binary-reader';

export const MODEL_MAGIC = 0x4d52454e; // "NERM" little-endian
export const MODEL_VERSION = 1;

export interface ModelMeta {
  /** Counts and settings of the training run, for the record. */
  training: Record<string, unknown>;
  gazetteerSources: string[];
  /**
   * Hashes (WordInfo.raw) of frequent tokens that were never part of an entity in training ("the", ",",
   * "said"): outside an entity the decoder labels them O without scoring.
   */
  alwaysOutside?: number[];
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

/**
 * The trained tagger: the first-pass and second-pass weights and the gazetteer.
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
    this.shared = new SharedSlots(readTable(reader), readTable(reader));
    this.alwaysOutside = new Set(this.meta.alwaysOutside ?? []);
    this.first = new WeightTable(this.shared, 0);
    this.second = new WeightTable(this.shared, 1);
  }

  private readonly shared: SharedSlots;
  readonly alwaysOutside: ReadonlySet<number>;

  /** Both passes' static feature weights per token, from one lookup per feature (see decodeGreedy). */
  staticScores(doc: DocumentFeatures): [StaticScores, StaticScores] {
    return this.shared.both(doc);
  }
}
