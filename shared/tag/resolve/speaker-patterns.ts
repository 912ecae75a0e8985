/**
 * How news English attributes speech: the verbs, the words that may stand between a speaker and the verb,
 * descriptions that stand for a speaker ("the firm", "the 23-year-old"), and where a sentence starts. Text
 * patterns only; speakers.ts decides with them who speaks.
 */
import { isTitleWord } from '../titles';

const SPEECH =
  'said|says|saying|told|tells|added|adds|stressed|warned|warns|wrote|writes|asked|insisted|insists|noted|notes|' +
  'telling|explained|explains|argued|argues|claimed|declared|stated|announced|continued|replied|responded|recalled|' +
  'admitted|acknowledged|urged|posted|tweeted|confirmed|commented|suggested|predicted|conceded|remarked|agreed|' +
  'agrees|cautioned|believes|thinks|observed|reported|estimated|complained|joked|laughed|laughs|revealed|' +
  'maintained|maintains|concluded|intimated|echoed|vowed|vows|pledged|promised|shouted|quipped|retorted|' +
  'countered|boasted|protested|emphasised|emphasized|asserted|hit back|recounted|testified|elaborated|mused|' +
  'sighed|enthused|gushed|chimed in|assured|' +
  // The present of feature writing ("…," he concedes), but no form that is as often a noun ("the claims").
  'concedes|admits|declares|responds|acknowledges|predicts|confirms|observes|reckons|concludes|reveals|' +
  'announces|complains|continues|pointed out|points out|according to';

export const SPEECH_VERB = new RegExp(`\\b(?:${SPEECH})\\b`);

/** "…," he later said; not "it also said", where "it" is as often a report as the last organisation. */
const PRONOUN_BEFORE = /\b(?:(he|she|He|She)\s+(?:later\s+|also\s+|then\s+|\p{Ll}+ly\s+)?|(it|It)\s+)$/u;

/** Where the words after "said" stop naming the speaker: "said Kyle Cooper, at Citigroup". */
const PHRASE_END = /[,.;:!?\n"“”(]|\s(?:at|of|for|from|in|on|who|which|adding|when|after|before|and)\s/;

/** "Ernst and Young's": a capitalised word either side of "and", the second a possessive. */
const AND_IN_NAME = /^\sand\s\p{Lu}[\p{L}-]*['’]s\s/u;

/** The last word before a phrase break: a title there does not end the phrase ("economist, Steve Radley"). */
const LAST_WORD = /([\p{L}.\u2024-]+)\s*$/u;

/**
 * What may stand between a speaker's name and the verb: a few words ("Sean Dudas said", "Mr Bello
 * explained"), an appositive ("Sarah Mukasa, the play's organiser, told"; "Mr Bez - himself a former
 * Porsche man - said"), or one a writer left open ("Matt Williams, a fund manager at Perpetual said"), or
 * where the speaker works ("David Graham from the FDA's Office of Drug Safety told"); not a clause ("Willis does not seek damages, the lawsuit noted") nor a dash alone.
 */
export const SUBJECT_GAP =
  /^(?:\s*|\s*,\s*|\s+(?:[\p{L}\p{N}'’.\u2024-]*[\p{L}\p{N}\u2024],?\s+){0,2}|\s*,(?:[^.!?]|\.\d)*,\s*|\s+[-–—]\s[^.!?"“”]{0,80}\s[-–—]\s+|\s*,\s+an?\s(?:[^.!?,"“”]|,\s\p{Lu}){0,100}\s|\)?\s*,\s+(?:who|which)\s+(?:also\s+|later\s+|has\s+|had\s+)?|\s+(?:of|from|at)\s+(?:the\s+)?\p{Lu}[^.!?,;:"“”]{0,50}\s)$/u;

/**
 * A name right before or after a speech verb ("Dortmund has warned", "Mr Blair also said"): the subject of
 * speech, which a pronoun most likely means.
 */
export const SPOKE_AFTER = new RegExp(
  `^(?:\\s*,[^.!?"“”]{0,80},|\\s*,\\s+who(?:\\s+also)?)?\\s+(?:(?:has|have|had|also|later|then|earlier)\\s+){0,2}(?:${SPEECH}|described|called)\\b`,
);

/** A name that is itself the appositive: "her lawyer, Perry Wander, said". */
export const SPOKE_AS_APPOSITIVE = new RegExp(`^\\s*,\\s+(?:${SPEECH})\\b`);

// "said X", not "told X", "asked X" or "said to X": there X is spoken to; nor "said it was better than X", a clause.
export const SPOKE_BEFORE = new RegExp(
  `\\b(?:${SPEECH.replace(/\|?(?:told|tells|telling|asked|urged)\b/g, '')})\\s+(?!(?:it|he|she|they|we|I|you|to)\\s)(?:\\S+\\s+){0,4}$`,
);

/** "said Kyle Cooper, at Citigroup." speaks; "said Charles was one of his heroes" reports what Charles was. */
export const ENDS_CLAUSE = /^(?:['’]s?)?\s*(?:[,.;:!?)\n"“”]|$|(?:at|of|from|for|in|on|with)\s)/;

const ORGANISATION_NOUN =
  'firm|company|group|bank|report|study|survey|statement|magazine|newspaper|paper|airline|carrier|retailer|' +
  'watchdog|regulator|agency|organisation|organization|ministry|department|broadcaster|network|studio|label|' +
  'subsidiary|council|committee|commission';

/** Offices a person holds: "the prime minister" is only whom the text gives that office, or no one. */
const OFFICE_NOUN =
  'judge|senator|chairman|chairwoman|boss|manager|coach|captain|skipper|leader|president|minister|' +
  'chancellor|secretary|executive|mayor|governor|premier|MP';

/** "…," the Swede added: sports reporting names a player or a coach by nationality. */
const NATIONAL =
  'Englishman|Frenchman|Frenchwoman|Scot|Welshman|Irishman|Dutchman|Swede|Dane|Norwegian|Finn|Spaniard|' +
  'Portuguese|Italian|German|Brazilian|Argentine|Argentinian|Australian|American|Canadian|South African|' +
  'New Zealander|Kiwi|Russian|Croat|Serb|Czech|Pole|Belgian|Swiss|Austrian|Nigerian|Cameroonian|Ivorian';

const PERSON_NOUN =
  'singer|star|actor|actress|comedian|rapper|musician|director|author|writer|novelist|presenter|host|' +
  'economist|player|striker|midfielder|defender|goalkeeper|batsman|bowler|champion|frontman|guitarist|' +
  `drummer|producer|designer|founder|winner|nominee|peer|veteran|youngster|teenager|${NATIONAL}|${OFFICE_NOUN}|\\d+-year-old`;

export const OFFICE = new RegExp(`^(?:${OFFICE_NOUN})$`, 'i');

/** A description's words: an organisation's noun, or a person's noun and the words qualifying it. */
const DESCRIPTION = `[Tt]he\\s+(?:(?:[\\p{L}-]+\\s+)?(?<organisation>${ORGANISATION_NOUN})(?:['’]s\\s+[\\p{L}-]+)?|(?<qualifier>(?:[\\p{L}-]+\\s+){0,3})(?<person>${PERSON_NOUN}))`;

/**
 * "the firm", "the US magazine", "the 23-year-old", "the Black Sabbath singer", "the council's ruling", "the
 * actress, who won in 2000,": right before the verb; not "the China Daily newspaper", a name.
 */
export const DESCRIPTION_BEFORE = new RegExp(`\\b${DESCRIPTION}(?:\\s*,(?:[^.!?"“”]|\\.\\d)*,)?\\s+$`, 'iu');

/** "…," said the mayor / "…," says the London mayor: the whole phrase after the verb. */
export const DESCRIPTION_AFTER = new RegExp(`^\\s+${DESCRIPTION}\\s*$`, 'iu');

export const SCARE_IN_SENTENCE = /["“](?:[^\s"“”]+\s){0,2}[^\s"“”]+["”]/g;

/** Where the name after a speech verb ends (see PHRASE_END): not at a comma or "of" right after a title. */
export function endOfPhrase(text: string, from: number, limit: number): number {
  let at = from;
  for (;;) {
    const end = PHRASE_END.exec(text.slice(at, limit));
    if (!end) return limit;
    const stop = at + end.index;
    const last = LAST_WORD.exec(text.slice(from, stop));
    // "said EEF chief economist, Steve Radley" / "said UK Chancellor of the Exchequer Gordon Brown".
    if (/^(?:,|\sof\s)$/.test(end[0]) && last && isTitleWord(last[1]!)) {
      at = stop + end[0].length;
      continue;
    }
    // "said U.S. Attorney Nealy Cox": the stop of an initial.
    if (end[0] === '.' && ENDS_IN_INITIAL.test(text.slice(from, stop))) {
      at = stop + 1;
      continue;
    }
    // "added Ernst and Young's Sanjay Mehta": an "and" inside a name that a possessive closes.
    if (
      end[0] === ' and ' &&
      last &&
      STARTS_UPPER.test(last[1]!) &&
      AND_IN_NAME.test(text.slice(stop, limit))
    ) {
      at = stop + end[0].length;
      continue;
    }
    return stop;
  }
}

export const ADDRESSED = /^(?:told|tells|telling|asked|urged)$/;

/** Verbs that quote by characterising: "X described the film as "…"", "X branded the plan "…"". */
const DESCRIBING =
  /\b(?:described|describes|calls|called|branded|brands|labelled|labeled|dubbed|accused|accuses|praised|praises|attacked|attacks|criticised|criticized|condemned|hailed|thanked)\b/;

/** The same verb in the passive ("Barley is described as "…"") names no speaker. */
const PASSIVE = /\b(?:is|was|are|were|be|been|being)\s+(?:\p{L}+ly\s+)?$/u;

export function activeDescribing(sentence: string): RegExpExecArray | null {
  const verb = DESCRIBING.exec(sentence);
  return verb && !PASSIVE.test(sentence.slice(0, verb.index)) ? verb : null;
}

export const PARTICIPLE = /^(?:saying|adding|telling)$/;

// Unicode-property patterns are module constants: esbuild turns a \p{...} literal into `new RegExp(...)`,
// which would then be rebuilt on every call (see names.ts).
const STARTS_UPPER = /^\p{Lu}/u;
const STARTS_LOWER = /^\p{Ll}/u;
/** "said U.S. Attorney Nealy Cox": text ending in the letter of an initial. */
const ENDS_IN_INITIAL = /(?:^|[\s.\u2024])\p{Lu}$/u;
/** "The Guardian's": an owner. */
const OWNER = /^\p{Lu}[\p{L}-]*['’]s$/u;

/** A second verb of the sentence's subject: "… but added", "… and said". */
export const JOINED = /,?\s+(?:and|but)\s+(?:also\s+|then\s+)?$/;

/** A name after a preposition is no subject: "chairman of The Island Group", "published in the journal JAMA". */
export const OBJECT_OF =
  /\b(?:of|at|for|with|from|by|to|in)\s+(?:[Tt]he\s+(?:journal|magazine|newspaper)\s+)?(?:[Tt]he\s+)?(?:\p{Lu}[\p{L}&'’-]*\s+){0,3}$/u;

const SPOKESMAN = 'spokes(?:wo)?man|spokesperson|spokespeople|statement|report|survey|study';

export const SPOKESMAN_AFTER = new RegExp(`^(?:['’]s?)?\\s+(?:${SPOKESMAN})s?\\b`);

export const SPOKESMAN_BEFORE = new RegExp(`\\b(?:${SPOKESMAN})s?\\s+(?:for|at|from)\\s+(?:the\\s+)?$`, 'i');

/** Where the sentence holding `at` starts: after a terminal mark (and a closing quote) and a space, or a line break. */
export function sentenceStartBefore(text: string, at: number): number {
  for (let i = at - 1; i > 0; i--) {
    if (text[i] === '\n') return i + 1;
    if (!SPACE.test(text[i]!)) continue;
    const mark = /["”]/.test(text[i - 1]!) ? i - 2 : i - 1;
    if (mark >= 0 && /[.!?]/.test(text[mark]!)) return i + 1;
  }
  return 0;
}

const SPACE = /\s/;

/** The pronoun standing right before a verb, or undefined. */
export function pronounBefore(head: string): string | undefined {
  const m = PRONOUN_BEFORE.exec(head);
  return m ? (m[1] ?? m[2]) : undefined;
}

export const SPOKESPERSON = /\bspokes(?:(wo)?man|person)\b/g;

export const POSSESSIVE = /^['’]s?/;

/** Words that never stand in the few words before a subject: function words and verbs. */
const NOT_LEAD = new RegExp(
  `^(?:he|she|it|they|we|i|you|with|to|by|for|from|of|at|in|on|and|or|but|that|as|than|who|whom|which|when|while|after|before|against|over|between|into|about|under|is|was|were|are|has|had|have|be|been|will|would|could|can|may|not|${SPEECH.replace(/ out/, '')})$`,
  'i',
);

/** A sentence's opening adverbial ("On Wednesday, ") and conjunction ("But "), before its subject. */
const LEAD_IN =
  /^(?:(?:But|And|So|Yet|Now|Meanwhile|However|Also|Still|Instead|Earlier|Later)\b,?\s+)?(?:(?:On|In|At|After|Before|During|Since|Until|Last|This|Speaking|Asked|Like|Unlike|As|With|Despite|According|\p{Lu}\p{Ll}+ing)\b[^,"“”]{0,40},\s+)?/u;

export function leadsSentence(text: string, start: number): boolean {
  let at = start;
  const floor = Math.max(0, start - 200);
  while (at > floor && !'.!?\n'.includes(text[at - 1]!)) at--;
  if (at === floor && floor > 0) return false;
  const lead = text.slice(at, start).replace(/^["”’'\s]+/, '');
  if (/["“”]/.test(lead)) return false;
  const words = lead
    .replace(LEAD_IN, '')
    .split(/\s+/)
    .filter((w) => w !== '');
  if (words.length > 4 || !words.every((w) => !NOT_LEAD.test(w) && !w.endsWith(','))) return false;
  // "The lawsuit names Calvin Broadus": after an article, lower-case words end in a title or a verb.
  const lower = words.filter((w) => STARTS_LOWER.test(w));
  // "The Guardian's film critic Peter Bradshaw": after an owner, lower-case words describe the person.
  return (
    !/^(?:The|A|An)$/.test(words[0] ?? '') ||
    lower.length < 2 ||
    isTitleWord(lower.at(-1)!) ||
    OWNER.test(words[1] ?? '')
  );
}
