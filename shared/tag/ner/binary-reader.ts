/** Model files keep every typed array 4-byte aligned, so that it can be read in place. */
export function align(n: number): number {
  return (n + 3) & ~3;
}

/** Reads consecutive aligned typed arrays out of one buffer. */
export class Reader {
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
