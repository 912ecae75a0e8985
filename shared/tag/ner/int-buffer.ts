/** A growable int32 buffer. */
export class IntBuffer {
  data: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }
}

/**
 * Zeroed Int32Arrays for one computation's temporaries, carved from one buffer that the next computation
 * reuses: allocating a dozen typed arrays per document costs more, and makes more garbage, than zeroing
 * them. A view is valid until the next start().
 */
export class Scratch {
  private data = new Int32Array(1 << 14);
  private used = 0;

  start(): void {
    this.used = 0;
  }

  take(n: number): Int32Array {
    if (this.used + n > this.data.length) {
      // Views already taken keep the old buffer; the rest come from a bigger one.
      this.data = new Int32Array(Math.max(this.data.length * 2, n * 2));
      this.used = 0;
    }
    const view = this.data.subarray(this.used, this.used + n);
    this.used += n;
    view.fill(0);
    return view;
  }
}

/**
 * One object's typed arrays carved out of one zeroed ArrayBuffer, all int32 ones first: every typed array
 * of more than a few elements is otherwise its own off-heap allocation for the garbage collector to
 * track, and a document needs a dozen.
 */
export class Carver {
  private readonly buffer: ArrayBuffer;
  private at = 0;

  constructor(int32s: number, bytes: number) {
    this.buffer = new ArrayBuffer(int32s * 4 + bytes);
  }

  int32(n: number): Int32Array {
    const view = new Int32Array(this.buffer, this.at, n);
    this.at += n * 4;
    return view;
  }

  uint8(n: number): Uint8Array {
    const view = new Uint8Array(this.buffer, this.at, n);
    this.at += n;
    return view;
  }
}
