// Unicode-property patterns are module constants: esbuild (tsx, and the bundle at target node20) turns a
// \p{...} literal into `new RegExp(...)`, which would then be rebuilt on every call.
const WORD_BEFORE = /(?:^|[^\p{L}.])(\p{Lu}\p{Ll}{1,8}\.?)[ \u00a0]+$/u;

/** Honorifics written before a person's name, and the gender each says (none for Dr, Prof, Rev). */
const HONORIFICS: Record<string, 'female' | 'male' | undefined> = {
  mr: 'male',
  sir: 'male',
  lord: 'male',
  mrs: 'female',
  ms: 'female',
  miss: 'female',
  lady: 'female',
  dame: 'female',
  baroness: 'female',
  dr: undefined,
  prof: undefined,
  rev: undefined,
};

export interface Honorific {
  /** As written, without a full stop: "Mr", "Mrs", "Dr". */
  text: string;
  gender?: 'female' | 'male';
}

/** The honorific a word is ("Mr", "Mrs.", "Sir"), or undefined. Case matters: "miss" is a verb. */
export function honorific(word: string): Honorific | undefined {
  const bare = word.endsWith('.') ? word.slice(0, -1) : word;
  if (!/^[A-Z]/.test(bare)) return undefined;
  const key = bare.toLowerCase();
  if (!(key in HONORIFICS)) return undefined;
  const gender = HONORIFICS[key];
  return gender ? { text: bare, gender } : { text: bare };
}

/** The honorific written right before `start` ("… said Mrs Clinton"), or undefined. */
export function honorificBefore(text: string, start: number): Honorific | undefined {
  if (!mayFollowHonorific(text, start)) return undefined;
  const m = WORD_BEFORE.exec(text.slice(Math.max(0, start - 14), start));
  return m ? honorific(m[1]!) : undefined;
}

const isSpaceBeforeName = (c: number) => c === 32 || c === 0xa0;
const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * A cheap filter in front of WORD_BEFORE, which runs before every name: false only where it cannot find
 * an honorific, because the letters right before `start` (spaces and one full stop aside, within its
 * window) are no key of HONORIFICS. Every honorific is ASCII, so an ASCII scan decides.
 */
function mayFollowHonorific(text: string, start: number): boolean {
  const floor = Math.max(0, start - 14);
  let at = start;
  while (at > floor && isSpaceBeforeName(text.charCodeAt(at - 1))) at--;
  if (at === start) return false;
  if (at > floor && text.charCodeAt(at - 1) === 46) at--;
  const end = at;
  while (at > floor && isAsciiLetter(text.charCodeAt(at - 1))) at--;
  // WORD_BEFORE's word has 2 to 9 letters.
  return end - at >= 2 && end - at <= 9 && text.slice(at, end).toLowerCase() in HONORIFICS;
}

/** He or she: the gender a pronoun says. */
export function pronounGender(word: string): 'female' | 'male' | undefined {
  const w = word.toLowerCase();
  if (w === 'he' || w === 'him' || w === 'his') return 'male';
  if (w === 'she' || w === 'her' || w === 'hers') return 'female';
  return undefined;
}

// The subject of a clause right after the name: "Gordon Brown said he", "Brown told MPs that she".
const PRONOUN_AFTER = /^(?:\s+[a-z]+){1,2}?,?\s+(?:that\s+)?(he|she)\b/;

/**
 * The gender a subject pronoun right after a name says ("Gordon Brown said he would"), when no other
 * name comes between (`nextName`: where the next name starts).
 */
export function genderAfter(text: string, end: number, nextName: number): 'female' | 'male' | undefined {
  const m = PRONOUN_AFTER.exec(text.slice(end, end + 40));
  if (!m || end + m[0].length > nextName) return undefined;
  return pronounGender(m[1]!);
}

const FEMALE_ROLE =
  /\b(?:wife|ex-wife|widow|actress|mother|daughter|sister|queen|princess|spokeswoman|chairwoman|businesswoman|congresswoman)\b/i;
const MALE_ROLE =
  /\b(?:husband|ex-husband|widower|actor|father|son|brother|king|prince|spokesman|chairman|businessman|congressman)\b/i;

/** The gender a title says ("Sylvester Stallone's ex-wife", "BA chairman"), when it says one. */
export function roleGender(title: string): 'female' | 'male' | undefined {
  const female = FEMALE_ROLE.test(title);
  const male = MALE_ROLE.test(title);
  return female === male ? undefined : female ? 'female' : 'male';
}
