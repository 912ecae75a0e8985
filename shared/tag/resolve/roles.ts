import { isTitleWord } from '../titles';

/**
 * Roles and titles written right before a person's name: "Germany’s Defence Minister Boris Pistorius",
 * "US President Donald Trump", "Zelenskyy’s adviser Dmytro Lytvyn", "his son-in-law Jared Kushner".
 */

const NOT_QUALIFIERS = new Set([
  'the',
  'a',
  'an',
  'his',
  'her',
  'their',
  'its',
  'our',
  'in',
  'on',
  'at',
  'after',
  'and',
]);

const WORD_BEFORE = /([\p{L}\p{N}.’'-]+)(\s+)$/u;

/**
 * The role given right before a person mention that starts at `start`, with one qualifier before it
 * when there is one ("Germany’s", "US", "Turkish"); undefined when the text gives none.
 */
export function roleBefore(text: string, start: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let cursor = start;
  let roleStart = -1;
  for (let guard = 0; guard < 6; guard++) {
    const m = WORD_BEFORE.exec(text.slice(Math.max(lineStart, cursor - 40), cursor));
    if (!m) break;
    const word = m[1]!;
    const wordStart = cursor - m[0].length;
    if (isTitleWord(word) || (word.toLowerCase() === 'of' && roleStart >= 0)) {
      roleStart = wordStart;
      cursor = wordStart;
      continue;
    }
    if (roleStart >= 0 && !NOT_QUALIFIERS.has(word.toLowerCase()) && /^\p{Lu}/u.test(word)) {
      // "Germany’s", "US", "Turkish": a qualifier belongs to the role unless it starts the sentence as
      // an ordinary word, which a capitalised word after a sentence end would be.
      const before = text.slice(lineStart, wordStart).trimEnd();
      if (!/[.!?]$/.test(before) || /['’]s$/.test(word)) roleStart = wordStart;
    }
    break;
  }
  if (roleStart < 0) return undefined;
  let role = text.slice(roleStart, start).trim();
  // "of" can be absorbed at the far end ("... of President X" is not a role of X's).
  role = role.replace(/^(?:of\s+)+/i, '').replace(/\s+of$/i, '');
  return role.length > 0 ? role : undefined;
}
