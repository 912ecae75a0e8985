import { randomBytes } from './random-bytes';

/** Files no article parser should accept, one of each kind a burst of bad input brings. */
export function malformedFile(n: number): { kind: string; bytes: Uint8Array } {
  switch (n % 6) {
    case 0:
      return { kind: 'random-bytes', bytes: randomBytes(2048 + (n % 7) * 512, n + 1) };
    case 1:
      return { kind: 'empty', bytes: new Uint8Array(0) };
    case 2:
      // Over the 5 MB raw limit, refused before download.
      return { kind: 'huge', bytes: new Uint8Array(6 * 1024 * 1024).fill(0x61) };
    case 3:
      return { kind: 'png', bytes: withSignature([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], n) };
    case 4:
      return { kind: 'zip', bytes: withSignature([0x50, 0x4b, 0x03, 0x04], n) };
    default:
      return { kind: 'gzip', bytes: withSignature([0x1f, 0x8b, 0x08, 0x00], n) };
  }
}

function withSignature(signature: number[], seed: number): Uint8Array {
  const body = randomBytes(1024, seed + 7);
  body.set(signature, 0);
  return body;
}
