import type { EntityType } from '../../article/schema';
import type { DocumentFeatures } from './document-features';
import { sequenceHash } from './hash';
import { isHonorific } from './honorifics';
import type { NerModel } from './model';
import type { TokenSpan } from './spans';
import type { Token } from './tokenize';

// Gazetteer bits (training/gazetteers.ts order): country, capital, cities, continent, country alias.
const PLACE = 1 | 2 | 4 | 8 | 16 | 64;

/** Roles in a cast or a crew: the name before them is a film's or a show's ("Friends actress Lisa Kudrow"). */
const WORK_ROLE = /^(?:actor|actress|star|director|producer|writer|screenwriter|presenter|host|creator)$/;
/** Roles in a band or a firm: the name before them is the band's or the firm's ("Muse singer Matt Bellamy"). */
const MEMBER_ROLE =
  /^(?:singer|frontman|frontwoman|drummer|guitarist|bassist|vocalist|chief|boss|chairman|chairwoman|founder|owner|spokesman|spokeswoman|manager)$/;

/** A lower-case word. A module constant: esbuild turns a \p{...} literal into `new RegExp(...)`. */
const LOWER_CASE_WORD = /^\p{Ll}+$/u;

/**
 * A one-word "person" right before a role and a person's name is what that person belongs to, not a
 * person: "Nirvana frontman Kurt Cobain", "Friends actress Lisa Kudrow", "Yukos chief executive Steven
 * Theede", "Festival director Dieter Kosslick". It becomes the band or firm (ORGANIZATION), the work
 * (MISC) or, when the gazetteer knows it, the place ("Devon singer Joss Stone"); never where the word is
 * a person elsewhere in the document ("Mr Blair", "Tony Blair ... Blair aide Alastair Campbell").
 */
export function qualifiersBeforeRoles(
  spans: TokenSpan[],
  tokens: Token[],
  doc: DocumentFeatures,
  model: NerModel,
): TokenSpan[] {
  let people: Set<number> | undefined;
  for (let k = 0; k + 1 < spans.length; k++) {
    const span = spans[k]!;
    if (span.type !== 'PERSON' || span.first !== span.last) continue;
    const role = tokens[span.last + 1]?.text ?? '';
    const work = WORK_ROLE.test(role);
    if (!work && !MEMBER_ROLE.test(role)) continue;
    const next = spans[k + 1]!;
    // The person right after the role, or after one more lower-case word ("chief executive").
    const gap = next.first - span.last - 1;
    if (next.type !== 'PERSON' || gap < 1 || gap > 2) continue;
    if (gap === 2 && !LOWER_CASE_WORD.test(tokens[span.last + 2]!.text)) continue;
    people ??= personWords(spans, tokens, doc);
    if (people.has(doc.word[span.first]!)) continue;
    const bits = model.gazetteer.get(sequenceHash(doc.word, span.first, span.first + 1));
    const type: EntityType = bits & PLACE ? 'LOCATION' : work ? 'MISC' : 'ORGANIZATION';
    span.type = type;
  }
  return spans;
}

/** Words the document uses as a person's: the last word of a longer person's name, or after an honorific. */
export function personWords(spans: TokenSpan[], tokens: Token[], doc: DocumentFeatures): Set<number> {
  const out = new Set<number>();
  for (const s of spans) {
    if (s.type !== 'PERSON') continue;
    if (s.last > s.first || (s.first > 0 && isHonorific(tokens[s.first - 1]!.text)))
      out.add(doc.word[s.last]!);
  }
  return out;
}
