import { hashString } from './hash';

// Words that, near a capitalised word, tell what it names: a firm ("Qwest chairman", "Yili's shares"),
// a person ("Mr", "she", "actor"), a place ("in", "city"). What the model learns from these is how far to
// trust them when they appear around any occurrence of the word in the document.
const CUES: [number, string][] = [
  [
    1,
    'company companies firm firms group giant chairman shares share chief executive boss bank maker operator ' +
      'rival subsidiary inc plc corp ltd airline carrier retailer brand stake takeover bid profits profit ' +
      'network channel studio studios label band club team owner bought merger investors',
  ],
  [
    2,
    'mr mrs ms miss dr sir lady lord dame he she his her him himself herself actor actress singer star player ' +
      'striker told aged wife husband son daughter mother father brother sister who',
  ],
  [4, 'in at city town country capital near region province village island border across'],
];

export const CUE_OF = new Map<number, number>();
for (const [bit, words] of CUES) {
  for (const w of words.split(' ')) CUE_OF.set(hashString(w), (CUE_OF.get(hashString(w)) ?? 0) | bit);
}
