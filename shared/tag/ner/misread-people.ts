import { isTitleWord } from '../titles';
import type { DocumentFeatures } from './document-features';
import { sequenceHash } from './hash';
import { COMPANY_BEFORE } from './heads';
import { isHonorific } from './honorifics';
import { AGE, PERSON_BEFORE } from './lone-names';
import type { NerModel } from './model';
import type { TokenSpan } from './spans';
import { listedWithPeople } from './tails';
import type { Token } from './tokenize';

// Gazetteer bit (training/gazetteers.ts order) of an English given name.
const FIRST_NAME = 128;
/** A one-word name then these is a person's: "Stephens said he", "Moreno, who". */
const PERSON_AFTER = /^(?:said (?:he|she)|says (?:he|she)|, who|who \S+)$/;
/** Jobs in the plural before a list of names: "comedy stars Victoria Wood and David Jason". */
const PEOPLE_BEFORE = /^(?:stars|singers|actors|actresses|comedians|presenters|djs|dj|musicians|artists)$/i;
/** Words of a firm's or a place's name that no person's name has. */
const NOT_A_PERSON =
  /^(?:Bank|Group|Corp|Inc|Ltd|plc|PLC|Co|Company|Motors?|Holdings|Energy|Airlines?|Airways|Records|Studios|Films|Pictures|Fund|Trust|Partners|Associates|Securities|Capital|Council|Party|University|Club|United|City|Street|Road|International|Media|News|Radio|TV|Times|Post|Journal|Sachs|Lynch|Stanley)$/;

/**
 * A name of two or three words read as an organisation or a place is a person's where the text says so.
 * A strong sign: a person's job, title or honorific right before ("comedy stars Victoria Wood"), "who"
 * right after ("Catalina Sandino Moreno, who took best actress"), an age (", 57,"), its last word marked
 * as a person's elsewhere ("Mr Williams", "Stephens said he"). A weak one: a list beside people's full
 * names, its last word a person's in any other way. It takes a strong sign and an English given name
 * first or one more sign ("Kenneth Williams" beside "Mr Williams"); never a name the text calls a firm
 * ("Glasgow group Franz Ferdinand"). Every span of the same words then is the person. Never a name with a word no person's
 * name has ("Morgan Stanley", "Victoria Street").
 */
export function firmsThatArePeople(
  spans: TokenSpan[],
  tokens: Token[],
  doc: DocumentFeatures,
  model: NerModel,
): TokenSpan[] {
  const givenName = (i: number) => model.gazetteer.get(sequenceHash(doc.word, i, i + 1)) & FIRST_NAME;
  const lower = (i: number) => tokens[i]?.text.toLowerCase() ?? '';
  const surface = (s: TokenSpan) => {
    let key = '';
    for (let i = s.first; i <= s.last; i++) key += `${doc.word[i]} `;
    return key;
  };
  // Last word -> how the document gives a person that word: 'mr' where it marks the person ("Mr
  // Williams", "Stephens said he"), the words of a longer name, '' for a one-word person.
  let surnames: Map<number, Set<string>> | undefined;
  const surnamesOf = () => {
    const out = new Map<number, Set<string>>();
    for (const o of spans) {
      if (o.type !== 'PERSON') continue;
      const marked =
        (o.first > 0 && isHonorific(tokens[o.first - 1]!.text)) ||
        (o.first === o.last && PERSON_AFTER.test(`${lower(o.last + 1)} ${lower(o.last + 2)}`));
      const key = marked ? 'mr' : o.last > o.first ? surface(o) : '';
      let set = out.get(doc.word[o.last]!);
      if (!set) {
        set = new Set();
        out.set(doc.word[o.last]!, set);
      }
      set.add(key);
    }
    return out;
  };
  const named = new Set<string>();
  // Names the text calls a firm somewhere ("Glasgow group Franz Ferdinand").
  const firms = new Set<string>();
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k]!;
    const words = s.last - s.first + 1;
    if ((s.type !== 'ORGANIZATION' && s.type !== 'LOCATION') || words < 2 || words > 3) continue;
    let capitalised = true;
    for (let i = s.first; i <= s.last; i++)
      capitalised &&= doc.capital[i] === 1 && !NOT_A_PERSON.test(tokens[i]!.text);
    if (!capitalised) continue;
    surnames ??= surnamesOf();
    const before = tokens[s.first - 1]?.text ?? '';
    const after = lower(s.last + 1) === ',' ? s.last + 2 : s.last + 1;
    const key = surface(s);
    const names = [...(surnames.get(doc.word[s.last]!) ?? [])].filter((n) => n !== key);
    const surname = names.includes('mr');
    const strong =
      Number(
        isHonorific(before) ||
          isTitleWord(before) ||
          PERSON_BEFORE.has(lower(s.first - 1)) ||
          PEOPLE_BEFORE.test(before),
      ) +
      Number(lower(after) === 'who') +
      Number(lower(s.last + 1) === ',' && AGE.test(lower(s.last + 2)) && lower(s.last + 3) === ',') +
      Number(surname);
    const weak = Number(listedWithPeople(spans, tokens, k, s.first, givenName)) + Number(names.length > 0);
    const given = givenName(s.first) !== 0;
    if (COMPANY_BEFORE.test(lower(s.first - 1))) firms.add(key);
    if (strong > 0 && (given || strong + weak >= 2)) named.add(key);
  }
  for (const key of firms) named.delete(key);
  if (named.size > 0)
    for (const s of spans) if (s.type !== 'PERSON' && named.has(surface(s))) s.type = 'PERSON';
  return spans;
}
