/** A piece of a longer text sent on its own, with where it starts in that text (JS string index). */
export interface Chunk {
  text: string;
  offset: number;
}

const encoder = new TextEncoder();
const bytes = (text: string) => encoder.encode(text).length;

/**
 * Splits text into chunks of at most `maxBytes` UTF-8 bytes (DetectEntities takes 5,000), at paragraph
 * breaks where it can, then at sentence ends, then at spaces, and never inside a surrogate pair.
 */
export function chunkText(text: string, maxBytes: number): Chunk[] {
  const chunks: Chunk[] = [];
  let start = 0;
  while (start < text.length) {
    if (bytes(text.slice(start)) <= maxBytes) {
      chunks.push({ text: text.slice(start), offset: start });
      break;
    }
    // The longest prefix within the limit, then the best break inside it.
    let lo = start + 1;
    let hi = text.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (bytes(text.slice(start, mid)) <= maxBytes) lo = mid;
      else hi = mid - 1;
    }
    let end = lo;
    if (end < text.length && /[\uDC00-\uDFFF]/.test(text[end]!)) end--;
    const window = text.slice(start, end);
    const breakAt = [/\n\s*\n(?=\S)/g, /[.!?][”"’)]?\s+(?=\S)/g, /\s+(?=\S)/g]
      .map((pattern) => {
        let last = -1;
        for (const m of window.matchAll(pattern)) if (m.index > 0) last = m.index + m[0].length;
        return last;
      })
      .find((at) => at > window.length / 3);
    if (breakAt !== undefined && breakAt > 0) end = start + breakAt;
    chunks.push({ text: text.slice(start, end), offset: start });
    start = end;
  }
  return chunks;
}

/** JS string index of each code point index of `text` (Comprehend counts offsets in code points). */
export function codePointIndex(text: string): Int32Array {
  const out: number[] = [];
  let i = 0;
  for (const ch of text) {
    out.push(i);
    i += ch.length;
  }
  out.push(i);
  return Int32Array.from(out);
}
