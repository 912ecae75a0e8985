import { isTitleWord } from '../titles';

/**
 * Roles and titles written right before a person's name: "Germany’s Defence Minister Boris Pistorius",
 * "US President Donald Trump", "Zelenskyy’s adviser Dmytro Lytvyn", "his son-in-law Jared Kushner".
 */

const NOT_QUALIFIERS = new Set(
  (
    'the a an his her their its our my your in on at after and but when while as if then now meanwhile also ' +
    'by for from with to of said says says told according under since before during'
  ).split(' '),
);

// Unicode-property patterns are module constants: esbuild (tsx, and the bundle at target node20) turns a
// \p{...} literal into `new RegExp(...)`, which would then be rebuilt on every call.
const WORD_CHAR = /[\p{L}\p{N}.’'-]/u;
const STARTS_UPPER = /^\p{Lu}/u;
const INITIALS = /^(?:\p{L}\.)+$/u;
const isWordChar = (c: string) => WORD_CHAR.test(c);

/** The word ending right before `end` after spaces: [start of word, word], or undefined at a line start. */
function wordBefore(text: string, end: number, lineStart: number): [number, string] | undefined {
  let i = end;
  while (i > lineStart && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  if (i === end) return undefined;
  const wordEnd = i;
  while (i > lineStart && wordEnd - i < 40 && isWordChar(text[i - 1]!)) i--;
  if (i === wordEnd) return undefined;
  return [i, text.slice(i, wordEnd)];
}

/**
 * The role given right before a person mention that starts at `start`, with one qualifier before it
 * when there is one ("Germany’s", "US", "Turkish"); undefined when the text gives none.
 */
export function roleBefore(text: string, start: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let cursor = start;
  let roleStart = -1;
  for (let guard = 0; guard < 6; guard++) {
    const before = wordBefore(text, cursor, lineStart);
    if (!before) break;
    const [wordStart, word] = before;
    if (isTitleWord(word) || (word.toLowerCase() === 'of' && roleStart >= 0)) {
      roleStart = wordStart;
      cursor = wordStart;
      continue;
    }
    break;
  }
  // The qualifier: up to three capitalised words before the title ("Germany’s", "US", "Treasury",
  // "Goldman Sachs"), but no ordinary word that merely starts the sentence.
  for (let taken = 0; roleStart >= 0 && taken < 3; taken++) {
    const before = wordBefore(text, roleStart, lineStart);
    if (!before) break;
    const [wordStart, word] = before;
    if (NOT_QUALIFIERS.has(word.toLowerCase()) || !STARTS_UPPER.test(word)) break;
    // "… in Kyiv. President X": the previous sentence's last word is no qualifier ("U.S." is).
    if (/[.!?]$/.test(word) && !INITIALS.test(word)) break;
    roleStart = wordStart;
    if (/['’]s$/.test(word)) break;
  }
  if (roleStart < 0) return undefined;
  let role = text.slice(roleStart, start).trim();
  // "of" can be absorbed at the far end ("... of President X" is not a role of X's).
  role = role.replace(/^(?:of\s+)+/i, '').replace(/\s+of$/i, '');
  return role.length > 0 ? role : undefined;
}

// The appositive after a name: ", the prime minister," / ", chief executive of Cairn Energy,".
const APPOSITIVE = /^,\s+(?:the\s+|a\s+)?([^,.;:!?\n"“”()]{2,60}?)\s*(?=[,.;:!?\n"“”(]|$)/u;
const APPOSITIVE_WORD = /^(?:\p{Lu}[\p{L}.’'-]*|of|the|for|and|at|in)$/u;

/**
 * The role given right after a person mention that ends at `end`, as an appositive: "Tony Blair, the
 * prime minister, said" -> "prime minister". Undefined unless every word is a title word, a capitalised
 * qualifier or a joining word, and one is a title word.
 */
export function roleAfter(text: string, end: number): string | undefined {
  const m = APPOSITIVE.exec(text.slice(end, end + 80));
  if (!m) return undefined;
  const words = m[1]!.split(/\s+/);
  if (words.length > 6) return undefined;
  if (!words.some(isTitleWord)) return undefined;
  if (!words.every((w) => isTitleWord(w) || APPOSITIVE_WORD.test(w))) return undefined;
  return m[1];
}
