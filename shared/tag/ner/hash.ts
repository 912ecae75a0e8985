/**
 * Features are 32-bit hashes combined from integer parts, so that tagging never builds a feature string:
 * a word is hashed once per token and every template mixes those hashes.
 */

export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** One murmur3 round: folds `value` into `seed`. */
export function mix(seed: number, value: number): number {
  let k = Math.imul(value, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  let h = seed ^ k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

export function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

const FEATURE_SEED = 0x9747b28c;

export function feature1(template: number, a: number): number {
  return finish(mix(mix(FEATURE_SEED, template), a));
}

export function feature2(template: number, a: number, b: number): number {
  return finish(mix(mix(mix(FEATURE_SEED, template), a), b));
}

export function feature3(template: number, a: number, b: number, c: number): number {
  return finish(mix(mix(mix(mix(FEATURE_SEED, template), a), b), c));
}

/**
 * The state of a feature hash after its template and first part: feature2(template, a, b) is
 * finish(mix(featurePrefix(template, a), b)). A part that belongs to one word (or one label) can then be
 * mixed in once per word rather than once per token.
 */
export function featurePrefix(template: number, a: number): number {
  return mix(mix(FEATURE_SEED, template), a);
}

export const SEQUENCE_SEED = 0x3c6ef372;

/** Hash of a sequence of word hashes (gazetteer entries), independent of the feature space. */
export function sequenceHash(parts: ArrayLike<number>, from = 0, to = parts.length): number {
  let h = SEQUENCE_SEED;
  for (let i = from; i < to; i++) h = mix(h, parts[i]!);
  return finish(h);
}
