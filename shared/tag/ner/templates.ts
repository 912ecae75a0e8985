import { feature1, feature2, featurePrefix, finish, hashString, mix } from './hash';
import { LABEL_COUNT } from './labels';

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

// featurePrefix of the templates whose first part is a label or a type, per value: the features are
// made per token and pass, the prefixes once.
const PREV_TAG_WORD = Int32Array.from({ length: LABEL_COUNT }, (_, y) => featurePrefix(T.prevTagWord, y));
const PREV_TAG_SHAPE = Int32Array.from({ length: LABEL_COUNT }, (_, y) => featurePrefix(T.prevTagShape, y));
const DOC_TYPE = Int32Array.from({ length: 4 }, (_, t) => feature1(T.docType, t));
const DOC_TYPE_SHAPE = Int32Array.from({ length: 4 }, (_, t) => featurePrefix(T.docTypeShape, t));
const DOC_TYPE_WORD = Int32Array.from({ length: 4 }, (_, t) => featurePrefix(T.docTypeWord, t));

/**
 * The features of the previous label with the token's word and shape, into out[at..]; returns how many.
 * They depend on the word alone once the label is fixed, so a scorer may cache them per word for the
 * most frequent previous label, O.
 */
export function prevTagFeatures(
  prev: number,
  word: number,
  shape: number,
  out: Int32Array,
  at: number,
): number {
  out[at] = finish(mix(PREV_TAG_WORD[prev]!, word)); // feature2(T.prevTagWord, prev, word)
  out[at + 1] = finish(mix(PREV_TAG_SHAPE[prev]!, shape)); // feature2(T.prevTagShape, prev, shape)
  return 2;
}

/** The features of the type the first pass gave the word elsewhere (0..3) into out[at..]; returns how many. */
export function docTypeFeatures(
  docType: number,
  word: number,
  shape: number,
  out: Int32Array,
  at: number,
): number {
  out[at] = DOC_TYPE[docType]!; // feature1(T.docType, docType)
  out[at + 1] = finish(mix(DOC_TYPE_SHAPE[docType]!, shape)); // feature2(T.docTypeShape, docType, shape)
  out[at + 2] = finish(mix(DOC_TYPE_WORD[docType]!, word)); // feature2(T.docTypeWord, docType, word)
  return 3;
}
