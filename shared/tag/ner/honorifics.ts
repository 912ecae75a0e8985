import type { DocumentFeatures } from './document-features';
import { spanOwners, type TokenSpan } from './spans';
import type { Token } from './tokenize';

/**
 * Honorifics written before a person's name, with and without the full stop ("Mr Blair", "Mr. Putin").
 * They are never part of the span: resolution reads them before the span as the mention's role.
 */
const HONORIFICS = new Set(
  'mr mrs ms miss mx dr prof sir dame lady lord'
    .split(' ')
    .flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1), w.toUpperCase()])
    .flatMap((w) => [w, `${w}.`]),
);

export function isHonorific(word: string): boolean {
  return word.length <= 5 && HONORIFICS.has(word);
}

/**
 * Capitalised titles that, written directly before a name, make it a person's ("President Bush",
 * "Chancellor Gordon Brown"); not words that also open other names ("General Motors", "Star Wars").
 */
const TITLE_BEFORE_NAME =
  /^(?:President|Minister|Secretary|Chancellor|Premier|Governor|Senator|Mayor|King|Queen|Pope|Envoy|Spokesman|Spokeswoman|Ambassador|Judge|Prince|Princess|Captain|Coach|Boss|Striker|Singer|Actor|Actress|Rapper|Presenter|Comedian|Producer|Author)$/;

const CAPITALISED = /^\p{Lu}/u;
// Gazetteer bits (training/gazetteers.ts order) of a country and a country alias.
const COUNTRY = 1 | 64;

/** Whether the title at `i` ends a longer span ("US President"): not a person's ("Martin Luther King"). */
function titleEndsSpan(span: TokenSpan, i: number): boolean {
  return span.last === i && span.first < i && span.type !== 'PERSON';
}
const MAX_NAME_WORDS = 3;

/**
 * People after an honorific or a title: the span that starts right after "Mr", "Mrs.", "Dr", "Sir" or
 * "President" is a person whatever the model made of it ("Mrs. Hills" is no place), a capitalised name
 * after an honorific that the model left out becomes a person (up to three words), and any other span
 * that is just a surname so introduced is that person too ("Mr Blair ... Blair said").
 */
export function personsAfterHonorifics(
  spans: TokenSpan[],
  tokens: Token[],
  doc: DocumentFeatures,
  sentenceWord: RegExp,
): TokenSpan[] {
  const covered = spanOwners(spans, tokens.length);
  const sentenceEnd = new Int32Array(tokens.length);
  for (let s = 0; s + 1 < doc.sentenceStart.length; s++)
    sentenceEnd.fill(doc.sentenceStart[s + 1]!, doc.sentenceStart[s]!, doc.sentenceStart[s + 1]!);
  const isNameWord = (j: number) =>
    CAPITALISED.test(tokens[j]!.text) && !isHonorific(tokens[j]!.text) && !sentenceWord.test(tokens[j]!.text);
  const surnames = new Set<number>();
  const added: TokenSpan[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    // Honorifics and titles are capitalised: most tokens are ruled out by one array read.
    if (!doc.capital[i]) continue;
    const word = tokens[i]!.text;
    const honorific = isHonorific(word);
    if (!honorific && !TITLE_BEFORE_NAME.test(word)) continue;
    const next = i + 1;
    if (next >= sentenceEnd[i]! || !isNameWord(next)) continue;
    // "US President" taken as one name, "Bush" left out: the title leaves the span and names the person.
    const cut = !honorific && covered[i]! >= 0 && titleEndsSpan(spans[covered[i]!]!, i);
    if (cut) {
      const before = spans[covered[i]!]!;
      before.last = i - 1;
      if (before.first === before.last && doc.gazetteerBits[before.first]! & COUNTRY)
        before.type = 'LOCATION';
      covered[i] = -1;
    }
    if (covered[i]! >= 0) continue;
    const k = covered[next]!;
    if (k >= 0) {
      const span = spans[k]!;
      if (span.first !== next) continue;
      if (!honorific && span.type !== 'PERSON' && span.last - span.first >= MAX_NAME_WORDS) continue;
      span.type = 'PERSON';
      surnames.add(doc.word[span.last]!);
    } else if (honorific || cut) {
      let last = next;
      while (
        last + 1 < sentenceEnd[i]! &&
        last + 1 - next < MAX_NAME_WORDS &&
        covered[last + 1]! < 0 &&
        isNameWord(last + 1) &&
        tokens[last + 1]!.start === tokens[last]!.end + 1
      )
        last++;
      added.push({ type: 'PERSON', first: next, last });
      surnames.add(doc.word[last]!);
    }
  }
  for (const span of spans) {
    if (span.type !== 'PERSON' && span.first === span.last && surnames.has(doc.word[span.first]!))
      span.type = 'PERSON';
  }
  return added.length === 0 ? spans : [...spans, ...added].sort((a, b) => a.first - b.first);
}
