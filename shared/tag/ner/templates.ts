import { feature1, feature2, hashString } from './hash';

// Template ids: changing one invalidates a trained model, so they are fixed numbers, not an enum order.
export const T = {
  bias: 1,
  word: 2,
  raw: 3,
  shape: 4,
  shortShape: 5,
  prefix: 6,
  suffix: 7,
  prev1: 8,
  next1: 9,
  prev2: 10,
  next2: 11,
  prevShape: 12,
  nextShape: 13,
  shape3: 14,
  bigramLeft: 15,
  bigramRight: 16,
  initialShape: 17,
  gazetteer: 18,
  capitalisedElsewhere: 19,
  contextLeft: 21,
  contextRight: 22,
  allCapsSentence: 23,
  rawPrev1: 24,
  rawNext1: 25,
  length: 26,
  cues: 27,
  prevTag: 30,
  prevTags: 31,
  prevTagWord: 32,
  prevTagShape: 33,
  docType: 40,
  docTypeShape: 41,
  docTypeWord: 42,
} as const;

/** The word hash that stands for the missing neighbour before or after a sentence. */
export const BOUNDARY = hashString('<s>');

export const MAX_DYNAMIC = 8;
export const SHAPE_GROUP = 5;

/** The features of the two previous labels alone: a scorer may cache them per label pair. */
export function tagFeatures(prev: number, prev2: number, out: Int32Array): number {
  out[0] = feature1(T.prevTag, prev);
  out[1] = feature2(T.prevTags, prev, prev2);
  return 2;
}
