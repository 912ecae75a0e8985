import { isNameParticle } from '../particles';
import { isTitleWord } from '../titles';
import type { DocumentFeatures } from './document-features';
import { sequenceHash } from './hash';
import { isHonorific } from './honorifics';
import type { NerModel } from './model';
import { oneSpaceApart, spanOwners, type TokenSpan } from './spans';
import type { Token } from './tokenize';

// Gazetteer bits (training/gazetteers.ts order): a place of any kind, and an English given name.
const PLACE = 1 | 2 | 4 | 8 | 16 | 32 | 64;
const FIRST_NAME = 128;
// Country, capital, city over 100k, country alias.
const MAJOR_PLACE = 1 | 2 | 4 | 64;
const MIDDLE_INITIAL = /^\p{Lu}\.?$/u;
/** "Al-Faisal", "al-Gosaibi", "bin-Laden": a surname with the Arabic article or "son of" joined on. */
const ARTICLE_SURNAME = /^(?:[Aa]l|[Ee]l|[Aa]d|[Aa]sh?|[Bb]in|[Ii]bn|[Aa]bu)-\p{Lu}\p{Ll}+$/u;

/** Days, months and feasts: capitalised, but no name of their own. */
export const DATE_WORD =
  /^(?:January|February|March|July|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Christmas|Easter)$/;
/** What news writes in capitals that is no name. */
const CAPITALS_NO_NAME = /^(?:TV|PC|MP|MPs|CEO)$/;
/** Capitalised words that never continue or open a name. */
const notName = (w: string) => DATE_WORD.test(w) || CAPITALS_NO_NAME.test(w);
// Also a surname written with a lower-case particle joined to it ("Leonardo diCaprio", "Ellen deGeneres").
const NAME_WORD = /^(?:\p{Lu}|\p{Ll}{1,3}\p{Lu}\p{Ll})[\p{L}'’-]*\p{Ll}[\p{L}'’-]*$/u;

/**
 * Completes people's names the model cut short, with what the text and the given-name gazetteer say:
 * - across particles: "Mr Van" + "de Vijver", "Walter" + "van der Vijver";
 * - a given name the model took alone and the capitalised word right after it ("New York Senator
 *   Charles" + "Schumer", "Sir Paul" + "McCartney");
 * - a given name right before a one-word person ("Trade Commissioner Peter" + "Mandelson").
 * Only words the model left outside any entity (or a person's span) are taken, one at a time, and
 * never a title, honorific, date or place.
 */
export function joinNameParts(
  text: string,
  tokens: Token[],
  spans: TokenSpan[],
  doc: DocumentFeatures,
  model: NerModel,
  sentenceWord: RegExp,
): TokenSpan[] {
  const owner = spanOwners(spans, tokens.length);
  const dropped = new Set<number>();
  const adjacent = (a: number, b: number) => oneSpaceApart(text, tokens, a, b);
  // Adjacent tokens (a < b, one space between) are in one sentence unless b opens the next.
  const sameSentence = (_a: number, b: number) => doc.initial[b] !== 1;
  const bits = (i: number) => model.gazetteer.get(sequenceHash(doc.word, i, i + 1));
  const nameWord = (i: number) => {
    const w = tokens[i]!.text;
    return NAME_WORD.test(w) && !notName(w) && !isHonorific(w) && !isTitleWord(w) && !sentenceWord.test(w);
  };
  const free = (i: number) => owner[i]! < 0;
  const afterTitle = (i: number) =>
    i > 0 && (isTitleWord(tokens[i - 1]!.text) || isHonorific(tokens[i - 1]!.text));
  const personAt = (i: number) => owner[i]! >= 0 && spans[owner[i]!]!.type === 'PERSON';
  const take = (k: number, first: number, last: number) => {
    const span = spans[k]!;
    for (let i = first; i <= last; i++) {
      const o = owner[i]!;
      if (o >= 0 && o !== k) {
        const other = spans[o]!;
        dropped.add(o);
        first = Math.min(first, other.first);
        last = Math.max(last, other.last);
      }
    }
    span.first = Math.min(span.first, first);
    span.last = Math.max(span.last, last);
    owner.fill(k, span.first, span.last + 1);
  };

  for (let k = 0; k < spans.length; k++) {
    const span = spans[k]!;
    if (span.type !== 'PERSON' || dropped.has(k)) continue;
    // Particles after the span, then a name word: "Van" + "de Vijver".
    let j = span.last + 1;
    while (j < tokens.length && isNameParticle(tokens[j]!.text) && adjacent(j - 1, j) && free(j)) j++;
    if (
      j > span.last + 1 &&
      j < tokens.length &&
      adjacent(j - 1, j) &&
      sameSentence(span.last, j) &&
      nameWord(j) &&
      (free(j) || (personAt(j) && spans[owner[j]!]!.first === j))
    )
      take(k, span.first, j);
    // A name word, then particles, before the span: "Walter" + "van der Vijver".
    j = span.first - 1;
    while (j >= 0 && isNameParticle(tokens[j]!.text) && adjacent(j, j + 1) && free(j)) j--;
    if (
      j < span.first - 1 &&
      j >= 0 &&
      adjacent(j, j + 1) &&
      sameSentence(j, span.first) &&
      nameWord(j) &&
      (free(j) || (personAt(j) && spans[owner[j]!]!.last === j))
    )
      take(k, j, span.last);
    // An Arabic surname with its article, after the name: "Prince Saud" + "Al-Faisal".
    j = span.last + 1;
    if (
      j < tokens.length &&
      free(j) &&
      adjacent(j - 1, j) &&
      sameSentence(span.last, j) &&
      ARTICLE_SURNAME.test(tokens[j]!.text)
    )
      take(k, span.first, j);
    if (span.first !== span.last) continue;
    const alone = span.first;
    const next = alone + 1;
    // A given name, a middle initial and a surname: "Robert" + "W Sweet", "Hunter" + "S Thompson".
    if (
      next + 1 < tokens.length &&
      bits(alone) & FIRST_NAME &&
      MIDDLE_INITIAL.test(tokens[next]!.text) &&
      free(next) &&
      free(next + 1) &&
      adjacent(alone, next) &&
      adjacent(next, next + 1) &&
      sameSentence(alone, next + 1) &&
      nameWord(next + 1) &&
      !(bits(next + 1) & PLACE)
    ) {
      take(k, alone, next + 1);
      continue;
    }
    // A given name alone, then the surname the model left out: "Charles" + "Schumer".
    if (
      next < tokens.length &&
      bits(alone) & FIRST_NAME &&
      free(next) &&
      adjacent(alone, next) &&
      sameSentence(alone, next) &&
      nameWord(next) &&
      // A small town's name is a surname too after a title ("Chief Judge Mary" + "Schroeder").
      !(bits(next) & (afterTitle(alone) ? MAJOR_PLACE : PLACE))
    ) {
      take(k, alone, next);
      continue;
    }
    // A given name the model left out, right before a one-word person: "Peter" + "Mandelson".
    const before = alone - 1;
    if (
      before >= 0 &&
      free(before) &&
      !doc.initial[before] &&
      adjacent(before, alone) &&
      sameSentence(before, alone) &&
      nameWord(before) &&
      bits(before) & FIRST_NAME &&
      !(bits(before) & PLACE)
    )
      take(k, before, alone);
  }
  return dropped.size === 0 ? spans : spans.filter((_, k) => !dropped.has(k));
}
