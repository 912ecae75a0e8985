import { isTitleWord } from '../titles';
import type { DocumentFeatures } from './document-features';
import { sequenceHash } from './hash';
import { isHonorific } from './honorifics';
import type { NerModel } from './model';
import { DATE_WORD } from './name-joins';
import { personWords } from './qualifiers';
import { oneSpaceApart, spanOwners, type TokenSpan } from './spans';
import type { Token } from './tokenize';

// Gazetteer bit (training/gazetteers.ts order) of an English given name.
const FIRST_NAME = 128;
// Capitalised mid-sentence, "The" opens a title ("Crashed The Wedding"); initials are a person's
// (initials.ts: "R Kelly", "JK Rowling").
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’-]*\p{Ll}[\p{L}'’-]*|The)$/u;
// Title words that qualify a title ("Finance Minister", "National Security Adviser") but are no title on
// their own right before a surname: "the Office for National Statistics", "the Private Finance Initiative".
const TITLE_MODIFIER =
  /^(?:National|Finance|Trade|Security|State|Special|Foreign|Health|Justice|Energy|Interior|Economy|Defence|Defense|Intelligence|Military|Army|Opposition|Presidential|Senior|Top|Representative)$/;
// What stands between the items of a list: "Alicia Keys, Avril Lavigne and Beyonce Knowles".
const LIST_SEPARATOR = /^(?:,|and|or|&)$/;
// Job words capitalised before a name ("Rapper Eminem", "Newcomer Ciara") that isTitleWord leaves out.
const JOB_BEFORE_NAME =
  /^(?:Singer|Rapper|Star|Comedian|Presenter|Producer|Author|Newcomer|Veteran|Striker|Boss)$/;

/**
 * A one-word "person" right after a capitalised word that is no name of its own is the tail of a longer
 * name the model cut short: "Child Trust [Fund]", "the Sunday [Telegraph]", "Reservoir [Dogs]", "Best
 * [Buy]", "Berlin Film [Festival]". The span takes back the capitalised words before it (and a place or
 * nationality right before those, "English Chamber Orchestra") and is no longer a person: MISC, or what
 * heads.ts then reads in its last word or the word before it ("chain Best Buy"). Never after a given name
 * (name-joins.ts completes "Peter" + "Mandelson"), a title, an honorific, a job ("Rapper Eminem") or a
 * sentence's first word, and never where the document uses the word as a person's elsewhere ("Mr X", or
 * the end of a longer person's name).
 */
export function tailsOfLongerNames(
  spans: TokenSpan[],
  tokens: Token[],
  text: string,
  doc: DocumentFeatures,
  model: NerModel,
): TokenSpan[] {
  const owner = spanOwners(spans, tokens.length);
  const adjacent = (a: number) => oneSpaceApart(text, tokens, a, a + 1);
  const givenName = (i: number) => model.gazetteer.get(sequenceHash(doc.word, i, i + 1)) & FIRST_NAME;
  const opener = (i: number) => {
    const w = tokens[i]!.text;
    if (owner[i]! >= 0 || doc.initial[i] || !NAME_WORD.test(w) || !adjacent(i)) return false;
    if (isHonorific(w) || (isTitleWord(w) && !TITLE_MODIFIER.test(w)) || JOB_BEFORE_NAME.test(w))
      return false;
    // Days and months open a name only as a newspaper's ("the Sunday Telegraph"); "on Monday Doherty" is a person.
    if (DATE_WORD.test(w)) return tokens[i - 1]?.text.toLowerCase() === 'the';
    return !givenName(i);
  };
  let people: Set<number> | undefined;
  const dropped = new Set<number>();
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k]!;
    if (span.type !== 'PERSON' || span.first !== span.last || span.first === 0) continue;
    let first = span.first;
    while (first > 0 && opener(first - 1)) first--;
    if (first === span.first) continue;
    people ??= personWords(spans, tokens, doc);
    if (people.has(doc.word[span.first]!) || listedWithPeople(spans, tokens, k, first, givenName)) continue;
    // "English Chamber Orchestra", "Berlin Film Festival": a place or nationality the model kept apart.
    const before = first > 0 ? owner[first - 1]! : -1;
    if (before >= 0 && spans[before]!.type !== 'PERSON' && adjacent(first - 1)) {
      first = spans[before]!.first;
      dropped.add(before);
    }
    span.first = first;
    span.type = 'MISC';
  }
  return dropped.size === 0 ? spans : spans.filter((_, k) => !dropped.has(k));
}

/**
 * Whether span k (starting at token `first`) is an item of a list ("A, B and C") beside a person's full
 * name that opens with an English given name: "Alicia Keys, Avril Lavigne and Beyonce Knowles".
 */
export function listedWithPeople(
  spans: TokenSpan[],
  tokens: Token[],
  k: number,
  first: number,
  givenName: (i: number) => number,
): boolean {
  const start = (j: number) => (j === k ? first : spans[j]!.first);
  const fullName = (s: TokenSpan) => s.type === 'PERSON' && s.last > s.first && givenName(s.first) !== 0;
  for (const step of [-1, 1]) {
    for (let j = k + step; j >= 0 && j < spans.length; j += step) {
      const [a, b] = step < 0 ? [j, j - step] : [j - step, j];
      const gap = spans[a]!.last + 1;
      if (start(b) !== gap + 1 || !LIST_SEPARATOR.test(tokens[gap]!.text)) break;
      if (fullName(spans[j]!)) return true;
    }
  }
  return false;
}
