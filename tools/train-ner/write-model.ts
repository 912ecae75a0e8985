import { align, MODEL_MAGIC, MODEL_VERSION, type ModelMeta } from '../../shared/tag/ner/model';

export interface SparseRow {
  key: number;
  classes: number[];
  weights: number[];
}

/** Appends little-endian values, keeping every typed array 4-byte aligned (see Reader in ner/model.ts). */
class Writer {
  private chunks: Uint8Array[] = [];
  private size = 0;
  private push(bytes: Uint8Array): void {
    this.chunks.push(bytes);
    this.size += bytes.length;
    const pad = align(this.size) - this.size;
    if (pad > 0) {
      this.chunks.push(new Uint8Array(pad));
      this.size += pad;
    }
  }
  u32(v: number): void {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, v, true);
    this.push(b);
  }
  int32s(values: Iterable<number>): void {
    this.push(new Uint8Array(Int32Array.from(values).buffer));
  }
  uint32s(values: Iterable<number>): void {
    this.push(new Uint8Array(Uint32Array.from(values).buffer));
  }
  int16s(values: Iterable<number>): void {
    this.push(new Uint8Array(Int16Array.from(values).buffer));
  }
  bytes(values: Uint8Array): void {
    this.push(values);
  }
  result(): Uint8Array {
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

function writeTable(w: Writer, rows: SparseRow[]): void {
  const nnz = rows.reduce((sum, r) => sum + r.classes.length, 0);
  w.u32(rows.length);
  w.u32(nnz);
  w.int32s(rows.map((r) => r.key));
  let end = 0;
  w.uint32s(rows.map((r) => (end += r.classes.length)));
  w.int16s(rows.flatMap((r) => r.weights));
  w.bytes(Uint8Array.from(rows.flatMap((r) => r.classes)));
}

/** Serialises the model in the layout NerModel reads. Little-endian, as every Lambda and laptop is. */
export function encodeModel(
  meta: ModelMeta,
  gazetteer: Map<number, number>,
  gazetteerMaxLength: number,
  first: SparseRow[],
  second: SparseRow[],
): Uint8Array {
  const w = new Writer();
  w.u32(MODEL_MAGIC);
  w.u32(MODEL_VERSION);
  const metaBytes = new TextEncoder().encode(JSON.stringify(meta));
  w.u32(metaBytes.length);
  w.bytes(metaBytes);
  w.u32(gazetteer.size);
  w.u32(gazetteerMaxLength);
  w.int32s(gazetteer.keys());
  w.int32s(gazetteer.values());
  writeTable(w, first);
  writeTable(w, second);
  return w.result();
}
