import { isTitleWord } from '../titles';
import { addedPerson, withAddedPeople } from './added-people';
import { isGivenName } from './given-names';
import { honorific } from './honorifics';
import type { Lexicon } from './lexicon';
import { foldName, WORD_CHARACTER, wholeWordStarts } from './names';
import type { PreparedMention } from './spans';

// Unicode-property patterns are module constants: esbuild (tsx, and the bundle at target node20) turns a
// \p{...} literal into `new RegExp(...)`, which would then be rebuilt on every call.
/** The capitalised word right before a surname, and what stands before that word. */
const WORD_BEFORE = /(?:^|([\p{L}\p{N}.,;:!?'’"“”)-]+)[ \t]+|[\n"“(])(\p{Lu}\p{Ll}+)[ ]$/u;
const LOWER = /\p{Ll}/u;
const STARTS_UPPER = /^\p{Lu}/u;
const CAPITALISED_NEXT = /^[ ]\p{Lu}/u;
/** Words after a name that say it is a firm's ("James Hardie chairwoman"). */
const FIRM_AFTER =
  /^(?:['’]s)?\s+(?:company|firm|group|shares?|chairman|chairwoman|chief|boss|bosses|board|staff|stake|plc|ltd|inc)\b/i;
/** Words before a name that say it is a firm's or a company's ("parts maker Robert Bosch", "the Royal Ballet"). */
const NOT_PERSON_BEFORE =
  /^(?:the|a|an|company|firm|group|giant|maker|makers|brand|label|band|club|team|rival|subsidiary|operator|retailer|carrier|airline|bank|studio|chain|supplier|producer|manufacturer)$/i;

/** Capitalised words that are no given name, though they stand before a surname. */
const NOT_GIVEN =
  /^(?:The|And|But|Or|So|Yet|Then|Also|As|If|When|While|Meanwhile|However|For|With|By|From|To|In|On|At|Of|After|Before|Since|Though|Although|Because|Like|Unlike|Says|Said|Told|New|Old|Young|Former|Late|Both|Neither|Either|Every|Many|Most|Some|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Christmas|Easter|Will|Can|Shall|Must|Might|Could|Would|Should|Did|Does|Has|Have|Had|Was|Were|Is|Are)$/;

/** Roles written right before a name, besides the titles of titles.ts. */
const ROLE =
  /^(?:star|singer|rapper|model|presenter|host|comedian|writer|author|novelist|director|producer|dancer|drummer|guitarist|frontman|musician|designer|artist|broadcaster|chef|DJ)$/i;
/** Endings of nationalities and languages ("British", "Chinese", "Italian", "French", "Thai", "Iraqi"). */
const NATIONALITY = /(?:ish|ese|ian|ean|an|ic|ch|sh|ss|ai|i|ek)$/;

interface Candidate {
  given: string;
  start: number;
  end: number;
}

/**
 * Names a surname-only person in full where the recognizer missed the full name: "Carib Chief Charles
 * Williams said ... Mr Williams", "BBC Two controller Roly Keating: ... Mr Keating". Conservative, as a
 * wrong full name is worse than none: the word before the surname must be a common given name, or a
 * capitalised word the article writes nowhere else right after a title or role ("controller Roly
 * Keating", "star Kanye West"); never a title, honorific, place, nationality, month or sentence opener;
 * not followed by another capitalised word; never a firm's name; and the article must give that surname
 * one given name only. Mentions the full name overlaps are replaced.
 */
export function completeSurnames(
  body: string,
  prepared: PreparedMention[],
  lexicon: Lexicon,
): PreparedMention[] {
  const fullSurnames = new Set<string>();
  const surnames = new Map<string, string>();
  const withHonorific = new Set<string>();
  for (const m of prepared) {
    if (m.type !== 'PERSON' && !m.honorific) continue;
    if (m.length > 1) fullSurnames.add(m.folded.slice(m.folded.lastIndexOf(' ') + 1));
    else surnames.set(m.folded, m.text);
    if (m.honorific && m.length === 1) withHonorific.add(m.folded);
  }
  const added: PreparedMention[] = [];
  for (const [folded, surname] of surnames) {
    if (fullSurnames.has(folded)) continue;
    const found = candidates(body, surname, lexicon, withHonorific.has(folded));
    if (!found || found.length === 0 || new Set(found.map((c) => foldName(c.given))).size > 1) continue;
    for (const c of found)
      added.push(addedPerson(body, c.start, c.end, foldName(body.slice(c.start, c.end))));
  }
  // An overlapped mention goes: the surname alone, or the organisation "Carib Chief Charles Williams".
  return withAddedPeople(prepared, added);
}

/**
 * Where the body writes "<given name> <surname>" (see completeSurnames for what counts); undefined when
 * the text once calls it a firm's name, which makes every occurrence doubtful.
 */
function candidates(
  body: string,
  surname: string,
  lexicon: Lexicon,
  withHonorific: boolean,
): Candidate[] | undefined {
  const out: Candidate[] = [];
  for (let at = body.indexOf(surname); at >= 0; at = body.indexOf(surname, at + 1)) {
    const end = at + surname.length;
    // The given name ends in a lower-case letter right before one space: a cheap test before WORD_BEFORE.
    if (body.charCodeAt(at - 1) !== 32 || !LOWER.test(body[at - 2] ?? ' ')) continue;
    if (WORD_CHARACTER.test(body[end] ?? ' ') || CAPITALISED_NEXT.test(body.slice(end, end + 2))) continue;
    const m = WORD_BEFORE.exec(body.slice(Math.max(0, at - 60), at));
    if (!m) continue;
    const given = m[2]!;
    const before = m[1];
    if (NOT_GIVEN.test(given) || honorific(given) || isTitleWord(given)) continue;
    if (lexicon.placeAliases[foldName(given)]) continue;
    if (
      (before !== undefined && NOT_PERSON_BEFORE.test(before)) ||
      FIRM_AFTER.test(body.slice(end, end + 20))
    )
      return undefined;
    // "Gordon Brown" after a capitalised word that is no title ("United Gordon Brown") is something else.
    const afterName =
      before !== undefined && STARTS_UPPER.test(before) && !isTitleWord(before) && !NOT_GIVEN.test(before);
    if (afterName && !/[.!?:;,"“”]$/.test(before)) continue;
    const known = isGivenName(foldName(given));
    const afterTitle = before !== undefined && isTitleWord(before.replace(/[.,;:!?'’"“”)-]+$/, ''));
    // A given name the list does not know, right after a role ("star Kanye West", "actress Negar Khan"):
    // a word the article writes nowhere else, and no nationality, unless right after a title and before a
    // surname the article writes with "Mr" ("Economy minister German Gref ... Mr Gref").
    const unusual =
      before !== undefined &&
      (afterTitle || ROLE.test(before)) &&
      (!NATIONALITY.test(given) || (afterTitle && withHonorific)) &&
      wholeWordStarts(body, given).length === wholeWordStarts(body, `${given} ${surname}`).length;
    if (!known && !unusual) continue;
    out.push({ given, start: at - given.length - 1, end });
  }
  return out;
}
