import { isTitleWord } from '../titles';
import type { DocumentFeatures } from './document-features';
import { isHonorific } from './honorifics';
import { spanOwners, type TokenSpan } from './spans';
import type { Token } from './tokenize';

/** One to three capitals, with or without full stops: "JP", "R", "JK", "J.K."; not the word "A" or "I". */
const INITIALS = /^(?!(?:A|I)$)(?:\p{Lu}{1,3}|(?:\p{Lu}\.){1,3})$/u;
// Gazetteer bits (training/gazetteers.ts order) of places: "S Asia" is no person.
const PLACE = 1 | 2 | 4 | 8 | 16 | 32 | 64;
const SURNAME = /^\p{Lu}[\p{L}'’-]*\p{Ll}[\p{L}'’-]*$/u;
/** Words after a name that make it a firm's ("JP Morgan Chase", "NM Rothschild & Sons"). */
const FIRM_AFTER = /^(?:&|Chase|Stanley|Sons|Brothers|Bros|Group|Bank|Inc|Corp|Co|Ltd|plc|Holdings|Capital)$/;
/** Lower-case words right before a name that say it is a person's ("the author JK Rowling"). */
const PERSON_BEFORE =
  /^(?:tycoons?|magnates?|authors?|writers?|novelists?|singers?|rappers?|stars?|actors?|actresses|directors?|presenters?|comedians?|producers?|musicians?|poets?|players?|businessman|businessmen|businesswoman|billionaires?|millionaires?|owners?|investors?|financiers?|entrepreneurs?|designers?|artists?|photographers?|composers?|conductors?)$/;

/**
 * A person's initials before a capitalised surname are part of the name: "JP McManus", "R Kelly",
 * "JK Rowling", "E Nesbit". The model reads "JP" as Japan (a country alias) and "JK Rowling" as a firm,
 * and leaves "Mr McManus" later in the story with no full name. Initials also open firms' names ("JP
 * Morgan", "NM Rothschild", "BBC Radio"), so the pair becomes a person only on evidence: the surname is a
 * person's elsewhere in the document (the last word of a person's name, or after "Mr"), the model took
 * it alone as a person here, or a person's role stands right before ("tycoons JP McManus"); and never
 * where the document writes that surname after another given name ("George Bush" beside "US Bush").
 */
export function initialsBeforeSurnames(
  spans: TokenSpan[],
  tokens: Token[],
  doc: DocumentFeatures,
  sentenceWord: RegExp,
): TokenSpan[] {
  const owner = spanOwners(spans, tokens.length);
  let people: Map<number, string[]> | undefined;
  const dropped = new Set<number>();
  const added: TokenSpan[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!doc.capital[i] || !INITIALS.test(tokens[i]!.text)) continue;
    const s = i + 1;
    const surname = tokens[s]!.text;
    if (doc.initial[s] || tokens[s]!.start !== tokens[i]!.end + 1) continue;
    if (!SURNAME.test(surname) || isHonorific(surname) || isTitleWord(surname) || sentenceWord.test(surname))
      continue;
    if (doc.gazetteerBits[s]! & PLACE) continue;
    if (FIRM_AFTER.test(tokens[s + 1]?.text ?? '') && !doc.initial[s + 1]) continue;
    // What the model made of the two words: the pair as one span, or each alone (or outside any span).
    const a = owner[i]!;
    const b = owner[s]!;
    const pair = a >= 0 && a === b && spans[a]!.first === i && spans[a]!.last === s;
    const aloneOrFree = (k: number, at: number) => k < 0 || (spans[k]!.first === at && spans[k]!.last === at);
    if (!pair && !(aloneOrFree(a, i) && aloneOrFree(b, s))) continue;
    if (pair && spans[a]!.type === 'PERSON') continue;
    if (!pair && b >= 0 && spans[b]!.type !== 'PERSON') continue;
    people ??= personWords(spans, tokens, doc);
    // "the US Bush administration" beside "George Bush": another given name is written with the surname.
    if (people.get(doc.word[s]!)?.some((given) => given !== tokens[i]!.text)) continue;
    const evidence =
      people.has(doc.word[s]!) ||
      (!pair && b >= 0) ||
      (i > 0 && PERSON_BEFORE.test(tokens[i - 1]!.text) && !doc.initial[i]) ||
      // A pair the model called a firm needs more than a neighbour ("Emily Eavis and BBC Radio 2").
      (!pair && besidePerson(spans, owner, tokens, i, s));
    if (!evidence) continue;
    if (pair) {
      spans[a]!.type = 'PERSON';
      continue;
    }
    if (a >= 0) dropped.add(a);
    if (b >= 0) dropped.add(b);
    added.push({ type: 'PERSON', first: i, last: s });
    owner.fill(-2, i, s + 1);
  }
  if (added.length === 0) return spans;
  return [...spans.filter((_, k) => !dropped.has(k)), ...added].sort((x, y) => x.first - y.first);
}

/**
 * Whether the name is one of a pair of people ("John Magnier and JP McManus") or a person's clause follows
 * it ("JP McManus, who own").
 */
function besidePerson(spans: TokenSpan[], owner: Int32Array, tokens: Token[], i: number, s: number): boolean {
  const fullPerson = (at: number) => {
    const k = owner[at] ?? -1;
    return k >= 0 && spans[k]!.type === 'PERSON' && spans[k]!.last > spans[k]!.first;
  };
  const before = tokens[i - 1]?.text;
  const after = tokens[s + 1]?.text;
  if ((before === 'and' || before === '&') && fullPerson(i - 2)) return true;
  if ((after === 'and' || after === '&') && fullPerson(s + 2)) return true;
  return after === ',' && tokens[s + 2]?.text === 'who';
}

/**
 * Words the document uses as a person's surname: the last word of a person's name of two words or more,
 * or a person's name after an honorific ("Mr McManus").
 */
function personWords(spans: TokenSpan[], tokens: Token[], doc: DocumentFeatures): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const s of spans) {
    if (s.type !== 'PERSON') continue;
    if (s.last === s.first && !(s.first > 0 && isHonorific(tokens[s.first - 1]!.text))) continue;
    const given = out.get(doc.word[s.last]!) ?? [];
    if (s.last > s.first) given.push(tokens[s.first]!.text);
    out.set(doc.word[s.last]!, given);
  }
  return out;
}
