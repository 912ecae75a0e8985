import { createHash } from 'node:crypto';

/**
 * Deterministic, URL-safe, short id from the raw object key: re-uploading a key makes a new revision
 * of the same article. 16 base32 characters of sha256 = 80 bits, collision-free for any real archive.
 */
export function articleIdFromKey(rawKey: string): string {
  const digest = createHash('sha256').update(rawKey, 'utf8').digest();
  return base32(digest).slice(0, 16);
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';

function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}
