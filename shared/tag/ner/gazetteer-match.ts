import { finish, mix, SEQUENCE_SEED } from './hash';

/** Gazetteer entries are sequences of lower-cased word hashes; the value is a bit mask of sources. */
export interface GazetteerLookup {
  readonly maxLength: number;
  get(sequence: number): number;
}

/**
 * The gazetteer sources (bit mask) of the longest match covering each token and its BILOU position
 * (-1 outside any match): longest match first, starting at capitalised tokens, within sentences.
 */
export function matchGazetteer(
  word: Int32Array,
  capital: Uint8Array,
  sentenceStart: Int32Array,
  gazetteer: GazetteerLookup | undefined,
): { bits: Int32Array; position: Int8Array } {
  const n = word.length;
  const bits = new Int32Array(n);
  const position = new Int8Array(n).fill(-1);
  if (!gazetteer) return { bits, position };
  const prefixHash = new Int32Array(gazetteer.maxLength + 1);
  for (let s = 0; s + 1 < sentenceStart.length; s++) {
    const from = sentenceStart[s]!;
    const to = sentenceStart[s + 1]!;
    for (let i = from; i < to; i++) {
      if (!capital[i]) continue;
      const longest = Math.min(gazetteer.maxLength, to - i);
      // sequenceHash(word, i, i + len) for every len, from one running mix.
      let h = SEQUENCE_SEED;
      for (let len = 1; len <= longest; len++) {
        h = mix(h, word[i + len - 1]!);
        prefixHash[len] = finish(h);
      }
      for (let len = longest; len >= 1; len--) {
        const found = gazetteer.get(prefixHash[len]!);
        if (found === 0) continue;
        for (let j = i; j < i + len; j++) {
          bits[j] = found;
          position[j] = len === 1 ? 3 : j === i ? 0 : j === i + len - 1 ? 2 : 1;
        }
        i += len - 1;
        break;
      }
    }
  }
  return { bits, position };
}
