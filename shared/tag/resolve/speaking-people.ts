import type { PreparedMention } from './spans';

// Unicode-property patterns are module constants: esbuild (tsx, and the bundle at target node20) turns a
// \p{...} literal into `new RegExp(...)`, which would then be rebuilt on every call.
/** A word of a person's name: "Shogo", "Tomiyama", "O'Neill", "Jean-Paul". */
const NAME_WORD = /^\p{Lu}\p{Ll}+(?:['’-]\p{Lu}?\p{Ll}+)?$/u;
/** Lower-case words for a person's job, right before the name ("producer Shogo Tomiyama"). */
const PERSON_ROLE =
  /(?:^|\s)(?:spokesman|spokeswoman|spokesperson|producer|director|actor|actress|singer|writer|author|presenter|analyst|economist|lawyer|attorney|manager|chairman|chairwoman|executive|founder|editor|critic|designer|composer|star|boss)\s+$/;
/** Words that make a name a firm's whatever it looks like ("Grant Thornton" is after "firm"). */
const FIRM_WORD =
  /\b(?:bank|group|capital|securities|partners|associates|brothers|holdings|records|pictures|studios|films|media|lynch|sachs|stanley|young|thornton)\b/;
const SPEECH = '(?:said|says|told|added|explained|insisted)';
const SPEAKS_AFTER = new RegExp(`^,?\\s+${SPEECH}\\b`);
const SPEAKS_BEFORE = new RegExp(`\\b${SPEECH}\\s+(?:[\\p{L}'’-]+\\s+){0,4}$`, 'u');

/**
 * A name of two or three name words that a recognizer typed otherwise is a person's where the text gives
 * it a person's job and makes it speak: "said Final Wars producer Shogo Tomiyama", "Yukos spokesman Mike
 * Lake told". Both are needed: firms speak too ("investment bank Merrill Lynch said"), and a job word
 * alone is often an organisation's ("the director Warner Bros").
 */
export function speakingPeople(body: string, prepared: PreparedMention[]): PreparedMention[] {
  const people = new Set<string>();
  for (const m of prepared) {
    if (m.type === 'PERSON' || m.honorific || m.length < 2 || m.length > 3) continue;
    if (!m.text.split(' ').every((w) => NAME_WORD.test(w)) || FIRM_WORD.test(m.folded)) continue;
    const before = body.slice(Math.max(0, m.start - 80), m.start);
    if (!PERSON_ROLE.test(before)) continue;
    if (SPEAKS_AFTER.test(body.slice(m.end, m.end + 20)) || SPEAKS_BEFORE.test(before)) people.add(m.folded);
  }
  for (const m of prepared) if (people.has(m.folded)) m.type = 'PERSON';
  return prepared;
}
