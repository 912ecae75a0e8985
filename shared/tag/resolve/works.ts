import { foldName, wholeWordStarts, wordCount } from './names';
import type { PreparedMention } from './spans';

// Unicode-property patterns are module constants: esbuild (tsx, and the bundle at target node20) turns a
// \p{...} literal into `new RegExp(...)`, which would then be rebuilt on every call.
/** The honorific right before a name, as written ("Mrs ", "Dr. "). */
const HONORIFIC_BEFORE = /\p{Lu}\p{Ll}{1,8}\.?[ \u00a0]+$/u;
/** A work named by the honorific name: "hit with Ms Jackson", "hit track Lady Marmalade", "the novel Mr X". */
const WORK_BEFORE =
  /\b(?:(?:hit|hits|single|song|track)\b[^.,;:]{0,20}\swith|(?:the|a|an|his|her|their|its|new|latest|debut|hit)\s+(?:hit|single|song|track|album|novel|book|film|movie|drama|series|sitcom|musical|opera)(?:\s+(?:called|titled|entitled))?)\s+$/i;
/** A role in a cast: "played Mrs Potts", "portrayal of headmaster Dr Arnold", "appearance ... was as Mrs Pearce". */
const ROLE_BEFORE =
  /\b(?:played|plays|playing|portrayal of|portraying|portrays|portrayed|role of|character of|(?:starred|stars|starring|cast) as)\s+(?:(?:the|his|her|a|an)\s+)?(?:(?!(?:by|down|up|that|to|with|for|at|on|in|and|of|off|out|against)\s)[a-z]+\s+){0,2}$|\bappearance\b[^.]{0,30}\bas\s+$/;
/** "Haydn Gwynne as his dance teacher Mrs Wilkinson": a name, "as", a lower-case description. */
const AS_ROLE_BEFORE = /\p{Lu}\p{Ll}+\s+as\s+(?:the|his|her|a|an)\s+(?:[a-z-]+\s+){1,3}$/u;
/** The kind of work right after the name: "the new Miss Marple drama". */
const WORK_AFTER =
  /^\s+(?:drama|dramas|series|film|movie|novel|novels|show|sitcom|musical|single|song|album|sketch|character|adaptation|episodes?)\b/i;
/** A role in a cast, said after it: "Mr. Benn, with Brad Pitt in the title role". */
const TITLE_ROLE_AFTER = /^[^.!?]{0,50}\bin the title role\b/;
/** A brand in a list of brands: "brands such as Dairy Milk, Dr Pepper and Snapple". */
const BRANDS_BEFORE = /\bbrands\s+(?:such as|including|like)\s+[^.!?]{0,40}$/;
/** An epithet, not a person: "the Mr Nasty of books". */
const THE_BEFORE = /\bthe\s+$/i;
const POSSESSIVE_AFTER = /^['’]s?\b/;
/** "<name> and Mr Y", a title when a work is named around it. */
const AND_BEFORE = /\p{Lu}[\p{L}'’-]*\s+and\s+$/u;
const WORK_NEAR =
  /\b(?:hit|hits|single|song|track|album|novel|novels|book|film|films|movie|drama|sitcom|musical|opera|shortlist|bestseller)\b/i;
const BY_AUTHOR_AFTER = /^\s+by\s+\p{Lu}|^,\s+(?:a|an|the)\s+(?:novel|book|film|play|drama|series)\b/u;

/**
 * Honorific names that are titles of works or characters, not people in the news, become MISC with the
 * honorific in the name ("Ms Jackson" the song): "hit with Ms Jackson", "hit track Lady Marmalade", "played
 * Mrs Potts", "portrayal of headmaster Dr Arnold", "the new Miss Marple drama", "the Mr Nasty of books",
 * "Mr. Benn, with Brad Pitt in the title role", "brands such as Dairy Milk, Dr Pepper",
 * and titles of the form "Jonathan Strange and Mr Norrell" where a work is named around them. The archive
 * links only people, so these stay out of linking.
 */
export function markWorks(body: string, prepared: PreparedMention[]): PreparedMention[] {
  const out: PreparedMention[] = [];
  // "mr benn": the honorific names found to be works or characters.
  const works = new Set<string>();
  const key = (m: PreparedMention) => foldName(`${m.honorific!.text} ${m.text}`);
  for (const m of prepared) {
    const work = m.honorific && m.type === 'PERSON' ? asWork(body, m, out) : undefined;
    if (work) works.add(key(m));
    out.push(work ?? m);
  }
  if (works.size === 0) return prepared;
  // The same character or title elsewhere in the article, where nothing around it says so ("Mr. Benn with
  // Rowan Atkinson as the lead"): the name is a work's once it is one.
  return out.map((m) => {
    if (!m.honorific || m.type !== 'PERSON' || !works.has(key(m))) return m;
    const h = HONORIFIC_BEFORE.exec(body.slice(Math.max(0, m.start - 12), m.start));
    return h ? misc(body, m.start - h[0].length, m.end) : m;
  });
}

/** The MISC mention `m` is part of, or undefined when it reads as a person. `before`: mentions so far. */
function asWork(body: string, m: PreparedMention, before: PreparedMention[]): PreparedMention | undefined {
  const h = HONORIFIC_BEFORE.exec(body.slice(Math.max(0, m.start - 12), m.start));
  if (!h) return undefined;
  const start = m.start - h[0].length;
  const left = body.slice(Math.max(0, start - 60), start);
  const right = body.slice(m.end, m.end + 60);
  if (POSSESSIVE_AFTER.test(right) || !alwaysSoCalled(body, m.text, h[0].trim())) return undefined;
  const single = m.length === 1;
  if (
    WORK_BEFORE.test(left) ||
    ROLE_BEFORE.test(left) ||
    (AS_ROLE_BEFORE.test(left) && single) ||
    WORK_AFTER.test(right) ||
    TITLE_ROLE_AFTER.test(right) ||
    BRANDS_BEFORE.test(left) ||
    (THE_BEFORE.test(left) && single)
  )
    return misc(body, start, m.end);
  // "Jonathan Strange and Mr Norrell by Susanna Clarke": the title runs from the name before "and".
  const and = AND_BEFORE.exec(left);
  if (!and || !single) return undefined;
  const sentence = left.slice(Math.max(0, left.search(/[.!?]\s+[^.!?]*$/) + 1));
  const previous = before[before.length - 1];
  let titleStart = start - and[0].length;
  if (previous && previous.end >= titleStart && previous.start < start) titleStart = previous.start;
  const possessiveBefore = /['’]s\s+$/.test(body.slice(Math.max(0, titleStart - 4), titleStart));
  const title = body.slice(titleStart, m.end);
  const named = WORK_NEAR.test(sentence) || BY_AUTHOR_AFTER.test(right) || possessiveBefore;
  if (!named && !before.some((b) => b.type === 'MISC' && b.text === title)) return undefined;
  if (previous && previous.start === titleStart) before.pop();
  return misc(body, titleStart, m.end);
}

function misc(body: string, start: number, end: number): PreparedMention {
  const text = body.slice(start, end);
  return { type: 'MISC', start, end, text, folded: foldName(text), length: wordCount(text) };
}

/**
 * Whether the body writes this name only after this honorific: a character is "Mrs Potts" throughout, a
 * person in the news is also "Tony Blair" or "Blair", and then "the film Mr Blair saw" is Mr Blair.
 */
function alwaysSoCalled(body: string, name: string, honorific: string): boolean {
  for (const at of wholeWordStarts(body, name)) {
    const before = body.slice(Math.max(0, at - honorific.length - 3), at);
    if (!before.trimEnd().endsWith(honorific) && !before.trimEnd().endsWith(`${honorific}.`)) return false;
  }
  return true;
}
