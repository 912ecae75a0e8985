import { isTitleWord } from '../titles';
import type { DocumentFeatures } from './document-features';
import { sequenceHash } from './hash';
import { isHonorific } from './honorifics';
import type { NerModel } from './model';
import type { TokenSpan } from './spans';
import { listedWithPeople } from './tails';
import type { Token } from './tokenize';

/** Written right before a name, these say it is a person's ("singer Jamelia", "his brother Mukesh"). */
export const PERSON_BEFORE = new Set(
  (
    'singer rapper star actor actress presenter host comedian comic musician artist guitarist drummer ' +
    'bassist frontman frontwoman vocalist newcomer veteran player designer author writer novelist poet ' +
    'painter composer conductor dj model tycoon billionaire father mother brother sister uncle aunt ' +
    'cousin grandson granddaughter nephew niece boyfriend girlfriend fiance fiancee late'
  ).split(' '),
);
const PRONOUN = /^(?:he|she|his|her|him|himself|herself|who)$/i;
const POSSESSIVE = /^['’]s$/;
/** After a name ("Yukos shares", "Xstrata's attempt" is not one), these say it is a firm's. */
const FIRM_AFTER = new Set(
  'shares share stake chairman chairwoman boss chief executive executives profits profit subsidiary subsidiaries unit plant plants factory factories products brand brands'.split(
    ' ',
  ),
);
/** Before a name: "shares in Bosch", "owned by Agroflora", "a bid for Xstrata". */
const FIRM_BEFORE = /^(?:shares|stake|stakes|bid|takeover|subsidiary|unit|owned|acquired|drugmaker)$/;
const PREPOSITION = /^(?:in|of|for|by)$/;
/** The last word of an appositive that names a firm: "Wipro, India's third-biggest software firm,". */
const FIRM_NOUN =
  /^(?:firm|company|group|maker|carmaker|drugmaker|airline|carrier|bank|insurer|retailer|giant|manufacturer|producer|operator|supplier|conglomerate|chain|brewer|publisher|broadcaster|subsidiary|unit)$/;
/** Written right before a name, these make it a product: "drug Tysabri". */
const PRODUCT_BEFORE = /^(?:drug|drugs|medicine|painkiller|treatment)$/;
/** What a firm reports, a few words after its name: "Asahi is predicting profits", "Nike has reported its". */
const FIRM_RESULT = /^(?:profits?|revenues?|earnings|turnover|losses)$/;
// "won an Oscar", "its Iressa drug", "their Mangala field".
const ARTICLE = /^(?:a|an|its|their)$/;
export const AGE = /^\d{1,3}$/;
// Gazetteer bits (training/gazetteers.ts order): an English given name; a country, continent or country
// alias; a capital or city.
const FIRST_NAME = 128;
const LAND = 1 | 16 | 64;
const TOWN = 2 | 4 | 8;
const PLACE_BEFORE = /^(?:in|at|from|near|to|across|around)$/;
/** Awards called by one word ("an Oscar nomination", "Grammy winner"): as in CoNLL, MISC. */
const AWARDS = /^(?:Oscar|Oscars|Grammy|Grammys|Emmy|Emmys|Bafta|Baftas|Cesar|Cesars)$/;
/** "starred in Tootsie", "the star of Titanic", "a sequel to Shrek": the name is a work's. */
const WORK_BEFORE_IN =
  /^(?:starred|starring|starrer|appeared|appearing|role|roles|star|stars|cast|sequel|remake)$/;
/** "Sideways, starring ...", "Sideways, directed by ...", "Sideways stars ...". */
const WORK_AFTER = /^(?:starring|directed|stars|co-stars)$/;
/** A number right after ("Chapter 11", "Channel 4") or an ordinal before ("the 18th Century"): no person's name. */
const NUMBER = /^\d+$/;
/** Adverbs that open sentences ("Ideally,", "Unfortunately"): no surname ends so (Connolly, Daly, Kelly). */
const ADVERB = /^\p{Lu}\p{Ll}{2,}(?:ally|ately|ously|ently|antly|edly|ably|ibly|ingly|ively|fully)$/u;
const ORDINAL = /^\d+(?:st|nd|rd|th)$/;

/**
 * A one-word "person" that the document never treats as a person is a firm or a thing where the text says
 * so. A person: after an honorific, a title or a person's job or family word ("singer Jamelia", "his
 * brother Mukesh", "son, Alan"), with "he", "she" or "who" or an age right after it, part of a longer
 * person's name, or listed beside people's full names. A firm: "Novartis, which ...", "Wipro, India's
 * biggest software firm,", "Yukos shares", "shares in Bosch", "Amazon's Robin Terrell", "Nike has
 * reported its". A place: a country or continent ("And Australia said"), a city after "in", "to", "from"...
 * A thing: "won an Oscar", "a Grammy", "drug Tysabri", "starred in Tootsie", "Sideways, starring"; and a
 * sentence's first word that is an adverb ("Ideally,") is no name at all. One sign of a person anywhere keeps
 * every mention a person's; with no sign either way it stays one (a mononym, "Dido", reads like a film).
 */
export function loneNamesThatAreThings(
  spans: TokenSpan[],
  tokens: Token[],
  doc: DocumentFeatures,
  model: NerModel,
): TokenSpan[] {
  const bits = (i: number) => model.gazetteer.get(sequenceHash(doc.word, i, i + 1));
  const givenName = (i: number) => bits(i) & FIRST_NAME;
  const lower = (i: number) => tokens[i]?.text.toLowerCase() ?? '';
  const starts = new Map<number, TokenSpan>();
  for (const s of spans) starts.set(s.first, s);
  // The tokens of one sentence from i on, at most `count` of them.
  const within = (i: number, count: number, test: (j: number) => boolean) => {
    for (let j = i; j < Math.min(tokens.length, i + count) && !(j > i && doc.initial[j]); j++)
      if (test(j)) return true;
    return false;
  };
  const personSign = (k: number, s: TokenSpan) => {
    const before = tokens[s.first - 1]?.text ?? '';
    const before2 = lower(s.first - 2);
    // "the best actor Bafta", "her Oscar": only an honorific makes an award's name a person's.
    if (AWARDS.test(tokens[s.first]!.text)) return isHonorific(before);
    return (
      isHonorific(before) ||
      isTitleWord(before) ||
      PERSON_BEFORE.has(before.toLowerCase()) ||
      (before === ',' && (PERSON_BEFORE.has(before2) || isTitleWord(before2))) ||
      (lower(s.last + 1) === ',' && AGE.test(lower(s.last + 2)) && lower(s.last + 3) === ',') ||
      within(s.last + 1, 4, (j) => PRONOUN.test(tokens[j]!.text)) ||
      listedWithPeople(spans, tokens, k, s.first, givenName)
    );
  };
  const firmSign = (s: TokenSpan) => {
    const before = lower(s.first - 1);
    const possessive = POSSESSIVE.test(tokens[s.last + 1]?.text ?? '');
    const after = s.last + (possessive ? 2 : 1);
    const next = starts.get(after);
    return (
      FIRM_AFTER.has(lower(after)) ||
      (possessive && next !== undefined && next.type === 'PERSON' && next.last > next.first) ||
      FIRM_BEFORE.test(PREPOSITION.test(before) ? lower(s.first - 2) : before) ||
      (lower(s.last + 1) === ',' && (lower(s.last + 2) === 'which' || appositiveFirm(s.last + 2))) ||
      within(s.last + 1, 5, (j) => lower(j) === 'its' || FIRM_RESULT.test(lower(j)))
    );
  };
  // ", India's third-biggest software firm,": the appositive ends in a firm's noun.
  const appositiveFirm = (i: number) => {
    for (let j = i; j < Math.min(tokens.length, i + 7) && !doc.initial[j]; j++) {
      const t = tokens[j]!.text;
      if (t === ',' || t === '.' || t === ';') return j > i && FIRM_NOUN.test(lower(j - 1));
    }
    return false;
  };

  const placeSign = (s: TokenSpan) =>
    (bits(s.first) & LAND) !== 0 || ((bits(s.first) & TOWN) !== 0 && PLACE_BEFORE.test(lower(s.first - 1)));
  const thingSign = (s: TokenSpan) => {
    const before = lower(s.first - 1);
    const after = lower(s.last + 1) === ',' ? lower(s.last + 2) : lower(s.last + 1);
    return (
      ARTICLE.test(before) ||
      PRODUCT_BEFORE.test(before) ||
      AWARDS.test(tokens[s.first]!.text) ||
      ((before === 'in' || before === 'of' || before === 'to') && WORK_BEFORE_IN.test(lower(s.first - 2))) ||
      WORK_AFTER.test(after) ||
      // Not after a given name: "Andre 3000" is a person.
      (NUMBER.test(tokens[s.last + 1]?.text ?? '') &&
        tokens[s.last + 1]!.start === tokens[s.last]!.end + 1 &&
        !givenName(s.first)) ||
      ORDINAL.test(before)
    );
  };

  const person = new Set<number>();
  const firm = new Set<number>();
  const place = new Set<number>();
  const thing = new Set<number>();
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k]!;
    if (s.type !== 'PERSON') continue;
    if (s.last > s.first) {
      person.add(doc.word[s.first]!).add(doc.word[s.last]!);
      continue;
    }
    const w = doc.word[s.first]!;
    if (person.has(w)) continue;
    if (personSign(k, s)) person.add(w);
    else if (firmSign(s)) firm.add(w);
    else if (placeSign(s)) place.add(w);
    else if (thingSign(s)) thing.add(w);
  }
  let dropped = false;
  for (const s of spans) {
    if (s.type !== 'PERSON' || s.last !== s.first) continue;
    const w = doc.word[s.first]!;
    if (person.has(w)) continue;
    if (firm.has(w)) s.type = 'ORGANIZATION';
    else if (place.has(w)) s.type = 'LOCATION';
    else if (thing.has(w)) s.type = 'MISC';
    else if (doc.initial[s.first] && ADVERB.test(tokens[s.first]!.text) && !givenName(s.first)) {
      // "Ideally, the roof...": a sentence adverb, no name at all.
      s.last = -1;
      dropped = true;
    }
  }
  return dropped ? spans.filter((s) => s.last >= 0) : spans;
}
