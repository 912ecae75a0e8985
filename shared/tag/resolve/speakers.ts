import type { Entity, Mention as QuoteSpan } from '../../article/schema';
import { hideAbbreviationStops } from './abbreviation-stops';
import { pronounGender, roleGender } from './honorifics';
import {
  ADDRESSED,
  activeDescribing,
  DESCRIPTION_AFTER,
  DESCRIPTION_BEFORE,
  ENDS_CLAUSE,
  endOfPhrase,
  JOINED,
  leadsSentence,
  OBJECT_OF,
  OFFICE,
  PARTICIPLE,
  POSSESSIVE,
  pronounBefore,
  SCARE_IN_SENTENCE,
  SPEECH_VERB,
  SPOKE_AFTER,
  SPOKE_AS_APPOSITIVE,
  SPOKE_BEFORE,
  SPOKESMAN_AFTER,
  SPOKESMAN_BEFORE,
  SPOKESPERSON,
  SUBJECT_GAP,
  sentenceStartBefore,
} from './speaker-patterns';

/** How far a quote's attribution may run after it, or a continuation's gap. */
const REACH = 160;

interface NameMention {
  start: number;
  end: number;
  entity: Entity;
}

/**
 * The speaker of each quote, from attribution outside the quote only (a name inside a quote never speaks
 * it): the sentence after the quote ("…," X said / said X / he said), else the sentence it opens in
 * (X said: "…"), else the quote it continues (a further quote of the same speaker right after, or a new
 * paragraph that goes on with a quote left open), unless it has an attribution of its own. Pronouns and
 * descriptions ("the firm", "the singer") go to the last of their kind who spoke or led a sentence.
 */
export function attributeSpeakers(
  written: string,
  spans: QuoteSpan[],
  entities: Entity[],
): (Entity | undefined)[] {
  const text = hideAbbreviationStops(written);
  const inQuote = (m: { start: number; end: number }) =>
    spans.some((q) => m.start >= q.start && m.end <= q.end);
  // Loops rather than filter/flatMap chains: this runs for every article, and flatMap is slow in V8.
  const names = (type: Entity['type']) => {
    const out: NameMention[] = [];
    for (const entity of entities) {
      if (entity.type !== type) continue;
      for (const m of entity.mentions) if (!inQuote(m)) out.push({ start: m.start, end: m.end, entity });
    }
    return out.sort((a, b) => a.start - b.start);
  };
  const people = names('PERSON');
  const context: Context = {
    text,
    spans,
    people,
    organisations: names('ORGANIZATION'),
    spoke: new Map(),
    subject: new Map(),
    genders: new Map(),
    named: new Set(),
    asker: undefined,
  };
  const namedBy = spans.map((q) => namedIn(entities, q));
  const speakers = spans.map((q, k) => {
    context.named = namedBy[k]!;
    // X said: "…" names its speaker first; otherwise the attribution after a quote is the common form.
    const speaker = introducedByColon(text, q)
      ? (speakerBefore(context, q) ?? speakerAfter(context, q, k))
      : (speakerAfter(context, q, k) ?? speakerBefore(context, q));
    context.asker = ASKED.test(text.slice(q.end, q.end + 60)) && q.text.endsWith('?') ? speaker : undefined;
    return speaker;
  });
  dropNamedInside(speakers, namedBy);
  // A quote with its own attribution ("…," Rio Ferdinand told the BBC) that named no one we know is
  // someone else's: it takes no speaker from the quotes or the sentence around it.
  const open = spans.map((q) => !ownAttribution(context, q));
  for (let k = 1; k < spans.length; k++) {
    const previous = speakers[k - 1];
    if (open[k] && !speakers[k] && previous && continues(context, spans[k - 1]!, spans[k]!, previous))
      speakers[k] = previous;
  }
  // A quote left open at the end of a paragraph goes on in the next one, where its attribution may be.
  for (let k = spans.length - 2; k >= 0; k--) {
    const next = speakers[k + 1];
    const [p, q] = [spans[k]!, spans[k + 1]!];
    if (
      open[k] &&
      !speakers[k] &&
      next &&
      (runsOn(context, p, q) || sameSentence(context, p, q) || runsInto(context, p, q))
    )
      speakers[k] = next;
  }
  spans.forEach((q, k) => {
    context.named = namedBy[k]!;
    if (open[k]) speakers[k] ??= speakerOfSentenceBefore(context, q);
  });
  dropNamedInside(speakers, namedBy);
  return speakers;
}

/** The people and organisations a quote names. */
function namedIn(entities: Entity[], q: QuoteSpan): Set<Entity> {
  const named = new Set<Entity>();
  for (const e of entities) if (e.mentions.some((m) => m.start >= q.start && m.end <= q.end)) named.add(e);
  return named;
}

/** Whoever a quote names is what it talks about: a speaker found elsewhere who is named inside is wrong. */
function dropNamedInside(speakers: (Entity | undefined)[], namedBy: Set<Entity>[]): void {
  speakers.forEach((speaker, k) => {
    if (speaker && namedBy[k]!.has(speaker)) speakers[k] = undefined;
  });
}

function introducedByColon(text: string, q: QuoteSpan): boolean {
  return /:\s*["“]?\s*$/.test(text.slice(Math.max(0, q.start - 4), q.start));
}

// Unicode-property patterns are module constants: esbuild turns a \p{...} literal into `new RegExp(...)`,
// which would then be rebuilt on every call (see names.ts).
const HAS_LETTER = /\p{L}/u;
const STARTS_UPPER = /^\p{Lu}/u;
/** ""Where's the fun in that?" they pondered": a plural speaker, whatever the verb. */
const PLURAL_SPEAKER = /^\s*(?:they|we)\s+(?:\p{Ll}+ly\s+)?\p{Ll}+ed\b/u;
/** A capitalised word right after a name: the name is a fragment of a longer one. */
const NAME_GOES_ON = /^\s+\p{Lu}/u;
/** A verb in the past between two people ("also tipped"). */
const PAST_VERB_BETWEEN = /\s\p{Ll}+ed\s/u;
/** Not a title ("Keane frontman"), "X's sister" or a pair ("Howard and Kennedy"). */
const NO_OBJECT_GAP = /^(?:['’]s?\s|\s*(?:,|and\s|&))/u;
const LEADING_PRONOUN = /^\s*(?:\p{L}+,?\s+)?(he|she|it)\b/iu;

/** ", whose films include …, " or ", who …, " ending right before the verb. */
const RELATIVE_BEFORE_VERB = /,\s+(?:who|whose)\s[^"“”]*,\s*$/;

interface Context {
  /** The article's text with the full stops of abbreviations hidden ("Mr. Trump"; see abbreviation-stops). */
  text: string;
  spans: QuoteSpan[];
  people: NameMention[];
  organisations: NameMention[];
  /** spokeAt per name mention: every pronoun asks again about each name before it. */
  spoke: Map<NameMention, boolean>;
  /** subjectAt per name mention, for the same reason. */
  subject: Map<NameMention, boolean>;
  /** Genders the text gave people that resolution left without one: "…," she told reporters. */
  genders: Map<Entity, 'female' | 'male'>;
  /**
   * Who the quote being attributed names: what it talks about, so not whom a pronoun or description
   * after it means (""Tony Blair has been a great leader," he said": someone else).
   */
  named: Set<Entity>;
  /** Who asked the quote before ("Will you rule out tax rises?" Paxman asked): a "he said" next answers. */
  asker: Entity | undefined;
}

/** “…,” Pistorius said / “…,” said GM chief executive Rick Wagoner / “…,” he said / “…,” the OECD said. */
function speakerAfter(c: Context, q: QuoteSpan, k: number): Entity | undefined {
  // "…in here." Jeremy Edwards said he…: a quote closed by a full stop ends its sentence.
  if (q.text.endsWith('.')) return undefined;
  const from = q.end + 1;
  const next = c.spans[k + 1];
  const limit = Math.min(c.text.length, from + REACH, next ? next.start - 1 : c.text.length);
  // The stop of an initial ("U.S. Attorney Nealy Cox", "John F. Kennedy") does not end the sentence.
  const sentence = INITIAL_STOPS.exec(c.text.slice(from, limit))![0];
  // "…," he is quoted as saying by Germany's Manager Magazin: the subject speaks, not the paper.
  const quoted = QUOTED_AS.exec(sentence);
  if (quoted) {
    const at = from + quoted.index;
    const pronoun = pronounBefore(c.text.slice(from, at));
    return subjectOf(c, from, at) ?? (pronoun ? antecedent(c, q.start, pronoun, topicOf(c, q)) : undefined);
  }
  const verb = SPEECH_VERB.exec(sentence);
  if (!verb) return namedAlone(c, q, from, from + sentence.length);
  // "…," the IMF has said: the subject stands before the auxiliary.
  const verbAt = subjectEnd(c.text, from, from + verb.index);
  const verbEnd = from + verb.index + verb[0].length;
  const subject = subjectOf(c, from, verbAt);
  if (subject) return subject;
  const pronoun = pronounBefore(c.text.slice(from, verbAt));
  if (pronoun) {
    // "One dealer, who asked not to be named, told Reuters … "…," he said": "he" is whoever spoke in the
    // sentence before, though the text gives no name; not the last person named.
    if (/^(?:he|she)$/i.test(pronoun) && unnamedSpokeBefore(c, q)) return undefined;
    const meant = onlyNamedBefore(c, q, pronoun) ?? antecedent(c, q.start, pronoun, topicOf(c, q));
    // ""Will you rule out tax rises?" Paxman asked. "We will not," he said": not the one who asked.
    return meant === c.asker && !ASKED.test(verb[0]) ? undefined : meant;
  }
  const described = describedSpeaker(c, from, verbAt, verb[0]);
  if (described) return described;
  // "said Fiat chief executive Sergio Marchionne": the last person of the phrase after the verb.
  const phraseEnd = endOfPhrase(c.text, verbEnd, from + sentence.length);
  const after = c.people.filter((p) => p.start >= verbEnd && p.end <= phraseEnd);
  if (after.length > 0) return after[after.length - 1]!.entity;
  // "…," said the mayor.
  // "said the Factory Records founder, who …": the phrase may run on past a comma after a title word.
  const description = DESCRIPTION_AFTER.exec(c.text.slice(verbEnd, phraseEnd).replace(/,\s*$/, ''));
  if (description) return describedBy(c, verbEnd, phraseEnd, description.groups!, verb[0], false);
  // "…," and, according to Reuters, he once told: a source cited for what follows, not the quote's speaker.
  if (verb[0] === 'according to') return undefined;
  return organisationAt(c, from, verbAt, verbEnd, verb[0]) ?? spokesmanFor(c, from, verbAt);
}

const INITIAL_STOPS = /^(?:[^.!?\n]|(?<=(?:^|[\s.\u2024])\p{Lu})\.(?=\s\p{Lu}))*/u;

/**
 * "Mr Sullivan "made accounting decisions," he told the court": a person whose name the quote goes on
 * from, as the rest of that person's sentence, is what the quote is about; "he" is someone else.
 */
function topicOf(c: Context, q: QuoteSpan): Entity | undefined {
  const floor = Math.max(0, q.start - 6);
  for (let k = c.people.length - 1; k >= 0; k--) {
    const m = c.people[k]!;
    if (m.end > q.start) continue;
    if (m.end < floor) return undefined;
    return /^\s*["“]\s*$/.test(c.text.slice(m.end, q.start)) ? m.entity : undefined;
  }
  return undefined;
}

/** Where the subject before a verb at `verbAt` ends: before an auxiliary ("the Tory leader has said"). */
function subjectEnd(text: string, from: number, verbAt: number): number {
  const aux = AUXILIARY.exec(text.slice(Math.max(from, verbAt - 30), verbAt));
  return aux ? verbAt - aux[0].length + 1 : verbAt;
}

const ASKED = /^["”]?\s*(?:[^.!?"“”]{0,40}\s)?(?:asked|asks)\b/;

const QUOTED_AS = /\b(?:is|was|are|were|has been|had been)\s+(?:\p{Ll}+ly\s+)?quoted\b/u;

const AUXILIARY = /\s(?:has|have|had)\s+(?:(?:also|now|since|previously|already)\s+)?$/;

/**
 * "…," Mr Bootle. / "…," AG Edwards' Thayer.: a quote that closes on a comma and a sentence that is only a
 * name (after a possessive at most), the writer having left out "said".
 */
function namedAlone(c: Context, q: QuoteSpan, from: number, end: number): Entity | undefined {
  if (!q.text.endsWith(',') || c.text[end] !== '.') return undefined;
  const person = c.people.find(
    (p) => p.start >= from && p.end <= end && /^\s*$/.test(c.text.slice(p.end, end)),
  );
  return person && NAME_ONLY_BEFORE.test(c.text.slice(from, person.start)) ? person.entity : undefined;
}

/** What may stand before that name: a closing mark, a possessive of up to four capitalised words, a honorific. */
const NAME_ONLY_BEFORE =
  /^["”]?\s*(?:(?:\p{Lu}[\p{L}&.\u2024-]*\s+){0,3}\p{Lu}[\p{L}&.\u2024-]*['’]s?\s+)?(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Dame)[.\u2024]?\s+)?$/u;

/** The sentence that ends right before a quote's opening mark (its end just past the stop), if one does. */
function sentenceBeforeQuote(c: Context, q: QuoteSpan): { from: number; end: number } | undefined {
  const open = q.start - 1;
  const lead = SENTENCE_END_BEFORE.exec(c.text.slice(Math.max(0, open - 8), open));
  if (!lead) return undefined;
  const end = open - lead[0].length + 1;
  return { from: sentenceStartBefore(c.text, end - 1), end };
}

const SENTENCE_END_BEFORE = /[.!?]["”]?\s+$/;

/**
 * "But that was not enough for Mr Sarkozy. "…," he said.": the one person the sentence before names,
 * when that sentence neither speaks nor has a pronoun or quote of its own, is whom "he" or "she" means.
 */
function onlyNamedBefore(c: Context, q: QuoteSpan, pronoun: string): Entity | undefined {
  const gender = pronounGender(pronoun);
  const before = sentenceBeforeQuote(c, q);
  if (!gender || !before) return undefined;
  const { from, end } = before;
  const sentence = c.text.slice(from, end);
  if (/["“”]/.test(sentence) || SPEECH_VERB.test(sentence) || STARTS_WITH_PRONOUN.test(sentence))
    return undefined;
  const named = new Set<Entity>();
  for (const m of c.people) if (m.start >= from && m.end <= end) named.add(m.entity);
  const [only] = named;
  const genderOf = only && (only.gender ?? c.genders.get(only));
  return named.size === 1 && genderOf === gender ? only : undefined;
}

/**
 * Whether the sentence right before quote `q` has someone speak whom no name, pronoun or description
 * resolves: "One dealer, who asked not to be named, told Reuters …", "In an interview, [a rapper the
 * recognizer missed] described some of 50 Cent's rivals as "my friends" and said …" (a possessive, an
 * object, is not who speaks).
 */
function unnamedSpokeBefore(c: Context, q: QuoteSpan): boolean {
  const before = sentenceBeforeQuote(c, q);
  if (!before) return false;
  const { from, end } = before;
  // Words inside quotes are not the sentence's own: blank them, keeping offsets.
  const sentence = c.text.slice(from, end).replace(/["“][^"“”]*["”]/g, (m) => ' '.repeat(m.length));
  const verb = SPEECH_VERB.exec(sentence);
  if (!verb || verb[0] === 'according to') return false;
  const verbAt = subjectEnd(c.text, from, from + verb.index);
  // ""…," said X." (the last quote's own attribution) or "The 41-year-old chart-topper told": someone known.
  const subject = sentence.slice(0, verbAt - from);
  if (!HAS_LETTER.test(subject) || DEFINITE_SUBJECT.test(subject)) return false;
  if (subjectOf(c, from, verbAt) || pronounBefore(c.text.slice(from, verbAt))) return false;
  // "Alain Levy, chairman of EMI Music, described it as "…", but added": whoever leads the sentence.
  if (sentenceSubject(c, from, verbAt)) return false;
  const verbEnd = from + verb.index + verb[0].length;
  return (
    !c.people.some((p) => p.start >= verbEnd && p.end <= end && spokeAt(c, p)) &&
    !organisationAt(c, from, verbAt, verbEnd, verb[0]) &&
    !spokesmanFor(c, from, verbAt) &&
    !describedSpeaker(c, from, verbAt, verb[0])
  );
}

const DEFINITE_SUBJECT = /^\s*(?:(?:But|And|However|Meanwhile),?\s+)?(?:[Tt]he|[Hh]is|[Hh]er)\s+[\p{Ll}\d]/u;

const STARTS_WITH_PRONOUN = /^\s*(?:\p{L}+,?\s+)?(?:he|she|they|we|i|it|his|her|their)\b/iu;

/** Whether a speech verb follows the quote in its own sentence, as speakerAfter reads it. */
function ownAttribution(c: Context, q: QuoteSpan): boolean {
  if (q.text.endsWith('.')) return false;
  const after = c.text.slice(q.end + 1, q.end + 1 + 80);
  const sentence = /^[^.!?\n"“”]*/.exec(after)![0];
  // ""Where's the fun in that?" they pondered": a plural speaker, whatever the verb, is no one's before.
  return SPEECH_VERB.test(sentence) || PLURAL_SPEAKER.test(sentence);
}

/** The person standing as the subject of a verb at `verbAt`, named after `from`. */
function subjectOf(c: Context, from: number, verbAt: number): Entity | undefined {
  // "The Oscar-nominated actor, whose films include … Michael Collins …, said": names in a relative
  // clause that closes right before the verb are what it says of the subject, not the subject.
  const relative = RELATIVE_BEFORE_VERB.exec(c.text.slice(from, verbAt));
  const until = relative ? from + relative.index : verbAt;
  const before = c.people.filter((p) => p.start >= from && p.end <= until);
  const last = before[before.length - 1];
  if (!last) return undefined;
  // With the clause left out, what stays between the name and the verb is an appositive closed by its comma.
  const fits = SUBJECT_GAP.test(
    relative ? `${c.text.slice(last.end, until)}, ` : c.text.slice(last.end, verbAt),
  );
  // "Zack Clement, a lawyer for Yukos, told" / "Roderick Lindblom, one of Ms Clarkson's lawyers, said": a
  // name inside the appositive (after a preposition, or a possessive) is not who speaks; the name before it is.
  const inner =
    !fits || possessive(c, last) || OBJECT_OF.test(c.text.slice(Math.max(from, last.start - 40), last.start));
  if (inner) {
    for (let k = before.length - 2; k >= 0; k--) {
      const gap = c.text.slice(before[k]!.end, verbAt);
      if (/^\s*,/.test(gap) && SUBJECT_GAP.test(gap)) return before[k]!.entity;
    }
  }
  // "Ryan Crabbe and Gordon Rennie, who observed": two people say it, neither alone.
  const pair = before[before.length - 2];
  if (pair && pair.entity !== last.entity && /^\s+and\s+$/.test(c.text.slice(pair.end, last.start)))
    return undefined;
  return fits ? last.entity : undefined;
}

/** "…," the OECD said / "…," said Highfield: an organisation right next to the verb. */
function organisationAt(
  c: Context,
  from: number,
  verbAt: number,
  verbEnd: number,
  verb: string,
): Entity | undefined {
  const before = c.organisations.filter((o) => o.start >= from && o.end <= verbAt);
  const last = before[before.length - 1];
  // "the International Monetary Fund (IMF) said".
  if (last && /^\)?\s*$/.test(c.text.slice(last.end, verbAt))) return last.entity;
  // "told Reuters": whom the words are told to does not say them.
  if (ADDRESSED.test(verb)) return undefined;
  // "said the OECD" / "said a Vodafone spokesman".
  const after = c.organisations.find(
    (o) =>
      o.start >= verbEnd &&
      // "wrote analysts from Citigroup Smith Barney", "said a report from Kotak Institutional Equities".
      (/^\s*(?:the\s+|(?:an?\s+)?(?:analysts?|report|note)\s+(?:at|from|with|by)\s+(?:the\s+)?)?$/i.test(
        c.text.slice(verbEnd, o.start),
      ) ||
        (/^\s*an?\s+$/.test(c.text.slice(verbEnd, o.start)) &&
          SPOKESMAN_AFTER.test(c.text.slice(o.end, o.end + 20)))),
  );
  return after?.entity;
}

/** X said “…” / X said he was seeking a “dignified” peace / She said: “…” / X described it as “…”. */
function speakerBefore(c: Context, q: QuoteSpan): Entity | undefined {
  const open = q.start - 1;
  const paragraphStart = c.text.lastIndexOf('\n', open) + 1;
  const head = c.text.slice(paragraphStart, open);
  // Only the sentence the quote sits in: after the last terminal mark (a backwards scan; the regular
  // expression /[^.!?]*$/ this replaces retried from every position, quadratic in the paragraph).
  let sentenceStart = head.length;
  while (sentenceStart > 0) {
    const ch = head.charCodeAt(sentenceStart - 1);
    // Not the point in "£24.5m".
    if ((ch === 46 && !/\d/.test(head[sentenceStart] ?? '')) || ch === 33 || ch === 63) break;
    sentenceStart--;
  }
  const from = paragraphStart + sentenceStart;
  const sentence = c.text.slice(from, open);
  const verb = SPEECH_VERB.exec(sentence) ?? activeDescribing(sentence);
  if (!verb) return introducedByColon(c.text, q) ? colonSubject(c, from, open) : undefined;
  const verbAt = subjectEnd(c.text, from, from + verb.index);
  // "Weitz said he had visited Pullman, who had told him that the Authority could "…"": words reported
  // inside what the subject said are the relative clause's speaker's.
  const nested = relativeSpeakerAfter(c, verbAt + verb[0].length, open);
  if (nested) return nested;
  // "Blanchett paid tribute to Martin Scorsese, telling him": a participle after a comma is the subject's.
  const clause = PARTICIPLE.test(verb[0]) && /,\s*$/.test(c.text.slice(from, verbAt));
  const subject = (clause ? sentenceSubject(c, from, verbAt) : undefined) ?? subjectOf(c, from, verbAt);
  if (subject) return subject;
  const pronoun = pronounBefore(c.text.slice(from, verbAt));
  if (pronoun) return leadBefore(c, from, verbAt, pronoun) ?? antecedent(c, from, pronoun);
  // "The Muslim Council of Britain said in a statement: "…""; not "X, chairman of The Island Group, said".
  const relative = RELATIVE_BEFORE_VERB.exec(c.text.slice(from, verbAt));
  const clauseAt = relative ? from + relative.index : verbAt;
  const organisations = c.organisations.filter((o) => o.start >= from && o.end <= clauseAt);
  const last = organisations[organisations.length - 1];
  if (
    last &&
    SUBJECT_GAP.test(relative ? `${c.text.slice(last.end, clauseAt)}, ` : c.text.slice(last.end, verbAt)) &&
    !OBJECT_OF.test(c.text.slice(Math.max(from, last.start - 40), last.start))
  )
    return last.entity;
  // "Nike, whose shoes are endorsed by Tiger Woods among others, said": the name before the appositive.
  for (let k = organisations.length - 2; k >= 0; k--) {
    const gap = c.text.slice(organisations[k]!.end, verbAt);
    if (/^\s*,/.test(gap) && SUBJECT_GAP.test(gap)) return organisations[k]!.entity;
  }
  const spokesman = spokesmanFor(c, from, verbAt);
  if (spokesman) return spokesman;
  const described = describedSpeaker(c, from, verbAt, verb[0]);
  if (described) return described;
  // "Vivendi has rejected the charge, saying …" / "Mr Strauss doubted it, but added: …": the subject of
  // the sentence says it.
  const joined = PARTICIPLE.test(verb[0]) || JOINED.test(c.text.slice(from, verbAt));
  return joined ? sentenceSubject(c, from, verbAt) : undefined;
}

/**
 * "Carlineo was arrested for a call he made, in which he said he'd put a "…"": the person who leads the
 * pronoun's own sentence, and whose gender fits, is whom it means.
 */
function leadBefore(c: Context, from: number, verbAt: number, pronoun: string): Entity | undefined {
  const gender = pronounGender(pronoun);
  if (!gender) return undefined;
  const first = c.people.find((p) => p.start >= from && p.end <= verbAt);
  // Not 'Mr Sullivan "made accounting decisions," he told': a name a quote goes on from is its topic.
  if (!first || !subjectAt(c, first) || c.named.has(first.entity)) return undefined;
  if (/["“”]/.test(c.text.slice(first.end, verbAt))) return undefined;
  const genderOf = first.entity.gender ?? c.genders.get(first.entity);
  return !genderOf || genderOf === gender ? first.entity : undefined;
}

/** The last person between `from` and `to` who speaks in a relative clause (", who had told him"). */
function relativeSpeakerAfter(c: Context, from: number, to: number): Entity | undefined {
  for (let k = c.people.length - 1; k >= 0; k--) {
    const m = c.people[k]!;
    if (m.end > to) continue;
    if (m.start < from) return undefined;
    const rest = c.text.slice(m.end, to);
    if (RELATIVE_SPEECH.test(rest) && !/[.!?"“”]/.test(rest)) return m.entity;
  }
  return undefined;
}

const RELATIVE_SPEECH = new RegExp(
  `^\\s*,\\s+who\\s+(?:(?:also|later|had|has|have)\\s+){0,2}${SPEECH_VERB.source}`,
);

/**
 * "He also praised the film director: "…"" / "Ms Ray thanked her fans: "…"": a sentence that leads into a
 * quote with a colon, its subject a person or "he"/"she", is that person's, whatever the verb.
 */
function colonSubject(c: Context, from: number, open: number): Entity | undefined {
  const pronoun = COLON_PRONOUN.exec(c.text.slice(from, open));
  if (pronoun) return antecedent(c, from, pronoun[1]!);
  const first = c.people.find((p) => p.start >= from && p.end <= open);
  return first && subjectAt(c, first) ? first.entity : undefined;
}

const COLON_PRONOUN = /^\s*(?:(?:But|And|Also|Later|Then)\s+)?(He|She)\s/;

/** The name, pronoun or description that leads the sentence from `from`, up to the verb at `verbAt`. */
function sentenceSubject(c: Context, from: number, verbAt: number): Entity | undefined {
  const first = [...c.people, ...c.organisations]
    .filter((m) => m.start >= from && m.end <= verbAt && subjectAt(c, m))
    .sort((a, b) => a.start - b.start)[0];
  if (first) return first.entity;
  const pronoun = LEADING_PRONOUN.exec(c.text.slice(from, verbAt));
  return pronoun ? antecedent(c, from, pronoun[1]!) : undefined;
}

/**
 * "A Treasury spokesperson said", "a Capital Economics statement said", "a spokesman for BP said": BP;
 * "Mr Tanzi's statement said": Mr Tanzi.
 */
function spokesmanFor(c: Context, from: number, verbAt: number): Entity | undefined {
  for (const o of c.organisations) {
    if (o.start < from || o.end > verbAt) continue;
    const after = c.text.slice(o.end, verbAt);
    const before = c.text.slice(from, o.start);
    const gap = SPOKESMAN_AFTER.exec(after);
    if (gap && SUBJECT_GAP.test(after.slice(gap[0].length))) return o.entity;
    if (SPOKESMAN_BEFORE.test(before) && SUBJECT_GAP.test(after)) return o.entity;
  }
  // "Mr Tanzi's statement said": a person's own written words (a person's spokesman is someone else).
  for (const p of c.people) {
    if (p.start < from || p.end > verbAt) continue;
    const gap = STATEMENT_OF.exec(c.text.slice(p.end, verbAt));
    if (gap && SUBJECT_GAP.test(c.text.slice(p.end + gap[0].length, verbAt))) return p.entity;
  }
  return undefined;
}

const STATEMENT_OF = /^['’]s?\s+(?:(?:written|prepared|own)\s+)?statement\b/;

/**
 * A quote that starts a sentence with no attribution of its own, right after a sentence in which someone
 * speaks: "Mr Cartagena said the industry would grow. "With these investments…"".
 */
function speakerOfSentenceBefore(c: Context, q: QuoteSpan): Entity | undefined {
  const open = q.start - 1;
  const before = c.text.slice(Math.max(0, open - 400), open);
  const lead = /(?:^|[.!?"”]\s+)$|\n\s*$/.exec(before);
  if (!lead) return undefined;
  // The sentence before: from the terminal mark before it to where this quote's sentence starts.
  const end = open - lead[0].length + (lead[0].match(/^[.!?"”]/) ? 1 : 0);
  const from = sentenceStartBefore(c.text, end - 1);
  const sentence = c.text.slice(from, end);
  // Quote marks end the search, but for a scare quote ("agendas") inside the sentence.
  if (/["“”]/.test(sentence.replace(SCARE_IN_SENTENCE, ''))) return undefined;
  const verb = SPEECH_VERB.exec(sentence);
  if (!verb) return undefined;
  const verbAt = subjectEnd(c.text, from, from + verb.index);
  const subject = subjectOf(c, from, verbAt);
  if (subject) return subject;
  const pronoun = pronounBefore(c.text.slice(from, verbAt));
  if (pronoun) return /^it$/i.test(pronoun) ? undefined : antecedent(c, from, pronoun);
  return spokesmanFor(c, from, verbAt);
}

/**
 * Whether quote `q` goes on with `p`'s speaker: in the same paragraph with no other person named
 * between ("…," said X. "…"), or opening the next paragraph when `p` was left open at the end of its own.
 */
function continues(c: Context, p: QuoteSpan, q: QuoteSpan, speaker: Entity): boolean {
  const gap = c.text.slice(p.end, q.start);
  if (gap.length > REACH) return false;
  // Another person who speaks in between takes the floor; one merely named ("told the BBC's X") does not.
  // "…" Best actor Foxx could not make it, but … "…": another person leading a sentence does too.
  const others = c.people.some(
    (m) => m.start >= p.end && m.end <= q.start && m.entity !== speaker && (spokeAt(c, m) || subjectAt(c, m)),
  );
  if (others) return false;
  // "…" But Sky denied it. A spokesperson said: "…": someone else speaks after the attribution.
  // A quote closed by its own full stop has no attribution after it: the whole gap is later sentences
  // (""…zone." However, one dealer, who asked not to be named, told Reuters …"); "He added" goes on.
  const laterSentences = /\.$/.test(p.text)
    ? gap.replace(
        /(?:^["”]?\s*|[.!?]["”]?\s+)(?:He|She)\s+(?:(?:also|later|then)\s+)?(?:added|continued|went on)\b/g,
        ' ',
      )
    : gap
        .split(/[.!?]\s+/)
        .slice(1)
        .join(' ');
  if (SPEECH_VERB.test(laterSentences)) return false;
  if (!/\n/.test(gap)) return true;
  // A new paragraph that opens with the quote: only when the last one ended inside the quote, or with
  // no more than the quote's own attribution ("…," he added.).
  const [endOfLast, startOfThis] = [gap.slice(0, gap.indexOf('\n')), gap.slice(gap.lastIndexOf('\n') + 1)];
  if (!/^\s*["“]?$/.test(startOfThis)) return false;
  // "X said the band were "fed up".⏎"We want …"": a partial quote that ends its paragraph goes on.
  return (
    /^\s*$/.test(endOfLast) ||
    /^["”]\s[^.!?"“”]*[.!?]\s*$/.test(endOfLast) ||
    /^["”][.!?]\s*$/.test(endOfLast)
  );
}

/** Whether `p` and `q` stand in one sentence ("…" without turning it into "…", he said), nobody else speaking. */
function sameSentence(c: Context, p: QuoteSpan, q: QuoteSpan): boolean {
  if (/[.!?]$/.test(p.text)) return false;
  const gap = c.text.slice(p.end + 1, q.start - 1);
  return gap.length <= 100 && !/[.!?\n"“”]/.test(gap) && !SPEECH_VERB.test(gap);
}

/**
 * Whether `p` was never closed, a fresh opening mark starting `q` ("…today. "But I think…"): a quote
 * going on into what was a new paragraph, which the text no longer breaks.
 */
function runsInto(c: Context, p: QuoteSpan, q: QuoteSpan): boolean {
  return /[.!?]$/.test(p.text) && /^\s+["“]\s*$/.test(c.text.slice(p.end, q.start));
}

/** Whether `p` was left open at the end of its paragraph and `q` opens the next one. */
function runsOn(c: Context, p: QuoteSpan, q: QuoteSpan): boolean {
  const gap = c.text.slice(p.end, q.start);
  const breakAt = gap.indexOf('\n');
  return breakAt >= 0 && /^\s*$/.test(gap.slice(0, breakAt)) && /\n\s*["“]?$/.test(gap);
}

/**
 * What a pronoun before `offset` stands for: "it", the last organisation that spoke or led a sentence;
 * "he" and "she", the last person of that gender (or of no known gender) who spoke or led a sentence
 * ("Swank … paid tribute to Clint Eastwood. "…," she said": Swank), else the last one named at all.
 */
function antecedent(c: Context, offset: number, pronoun: string, skip?: Entity): Entity | undefined {
  const gender = pronounGender(pronoun);
  const found = antecedentOf(c, offset, /^it$/i.test(pronoun) ? 'it' : gender, skip);
  // The pronoun tells the gender of whom it stands for: later pronouns of the other gender pass them by.
  if (found && gender && !found.gender) c.genders.set(found, gender);
  return found;
}

function antecedentOf(
  c: Context,
  offset: number,
  gender: 'female' | 'male' | 'it' | undefined,
  skip?: Entity,
): Entity | undefined {
  const salient = (m: NameMention) => spokeAt(c, m) || subjectAt(c, m);
  // A firm names itself in its statements ("Renault intends to …," the company said): no passing it by.
  if (gender === 'it') return organisationMeant(c, offset, salient);
  const genderOf = (m: NameMention) => m.entity.gender ?? c.genders.get(m.entity);
  // "President Castro's chief aide said …. "…," he said": a person named only as whose someone is, is
  // not that someone; nor is the quote's topic (see topicOf).
  const fits = (m: NameMention) =>
    m.entity !== skip &&
    !c.named.has(m.entity) &&
    (!gender || !genderOf(m) || genderOf(m) === gender) &&
    !possessive(c, m);
  const same = (m: NameMention) => genderOf(m) === gender && fits(m);
  const last = lastMention(c.people, offset, (m) => fits(m) && salient(m));
  // "Weitz said he had visited Pullman, who had told him …. He added": the sentence's subject who spoke
  // goes on, not the speaker of its relative clause.
  const speaker =
    last && RELATIVE_SPEECH.test(c.text.slice(last.end, last.end + 60))
      ? (mainSpeaker(c, last, fits) ?? last)
      : last;
  // "A spokesman for the UK Film Council said: "…" He added: …": the spokesman, after whoever spoke before.
  const spokesman = spokesmanSince(c, speaker?.end ?? Math.max(0, offset - 400), offset, gender);
  if (spokesman) return spokesman;
  if (speaker) return speaker.entity;
  const gendered = gender ? lastMention(c.people, offset, same) : undefined;
  const any = lastMention(c.people, offset, fits);
  // "Oliver Sacks … ⏎Steenburgen's son, filmmaker Charlie McDowell, also remembers it. "…," he said": a
  // name of no known gender in the pronoun's own paragraph and the sentence before, before a gendered one
  // from an earlier paragraph.
  const paragraph = c.text.lastIndexOf('\n', offset - 1);
  const sentencesSince = (m: NameMention) =>
    (c.text.slice(m.end, offset).match(/[.!?]["”]?\s/g) ?? []).length;
  if (
    any &&
    gendered &&
    any.start > paragraph &&
    gendered.end < paragraph &&
    sentencesSince(any) <= 1 &&
    // Not a fragment of a longer capitalised name ("Do The Right Thing").
    !NAME_GOES_ON.test(c.text.slice(any.end, any.end + 3))
  )
    return any.entity;
  return gendered?.entity ?? any?.entity;
}

/** A person before `m` in its sentence who spoke as its subject ("X said … Y, who told"). */
function mainSpeaker(c: Context, m: NameMention, fits: (m: NameMention) => boolean): NameMention | undefined {
  const from = sentenceStartBefore(c.text, m.start);
  return c.people.find(
    (p) =>
      p.start >= from &&
      p.end <= m.start &&
      p.entity !== m.entity &&
      fits(p) &&
      spokeAt(c, p) &&
      !RELATIVE_SPEECH.test(c.text.slice(p.end, p.end + 60)),
  );
}

/**
 * "it": the last organisation that spoke or led a sentence, unless a person spoke since ("Wimpey said the
 * market was "challenging". "…," it added", Wimpey typed a person): "it" then reaches past the speaker.
 */
function organisationMeant(
  c: Context,
  offset: number,
  salient: (m: NameMention) => boolean,
): Entity | undefined {
  const found = lastMention(c.organisations, offset, salient);
  if (!found) return undefined;
  const spokeSince = c.people.some((p) => p.start >= found.end && p.end <= offset && spokeAt(c, p));
  return spokeSince ? undefined : found.entity;
}

/** A person's name followed by "'s": the owner of what follows. */
const possessive = (c: Context, m: NameMention) => POSSESSIVE.test(c.text.slice(m.end, m.end + 2));

/** The organisation of the last spokesperson written between `from` and `offset` whom `gender` fits. */
function spokesmanSince(
  c: Context,
  from: number,
  offset: number,
  gender: 'female' | 'male' | undefined,
): Entity | undefined {
  let found: Entity | undefined;
  for (const m of c.text.slice(from, offset).matchAll(SPOKESPERSON)) {
    const said = m[0].endsWith('man') ? (m[1] ? 'female' : 'male') : undefined;
    if (gender && said && said !== gender) continue;
    const [start, end] = [from + m.index, from + m.index + m[0].length];
    const org = c.organisations.find(
      (o) =>
        (o.end <= start && o.end >= start - 4 && /^(?:['’]s?)?\s+$/.test(c.text.slice(o.end, start))) ||
        (o.start >= end && /^\s+(?:for|at|from)\s+(?:the\s+)?$/i.test(c.text.slice(end, o.start))),
    );
    if (org) found = org.entity;
  }
  return found;
}

/** Whether a name stands as the subject of speech: "X said", "X, the Y, told", "said X". */
function spokeAt(c: Context, m: NameMention): boolean {
  let spoke = c.spoke.get(m);
  if (spoke === undefined) {
    // "declared Kasabian's singer Tom Meighan": a possessive is not who speaks.
    spoke =
      !possessive(c, m) &&
      ((SPOKE_AFTER.test(c.text.slice(m.end, m.end + 100)) && !objectOfSubject(c, m)) ||
        (SPOKE_AS_APPOSITIVE.test(c.text.slice(m.end, m.end + 30)) &&
          /,\s*$/.test(c.text.slice(Math.max(0, m.start - 3), m.start))) ||
        (SPOKE_BEFORE.test(c.text.slice(Math.max(0, m.start - 60), m.start)) &&
          ENDS_CLAUSE.test(c.text.slice(m.end, m.end + 8))));
    c.spoke.set(m, spoke);
  }
  return spoke;
}

/**
 * "William Corr of the Campaign for Tobacco-Free Kids urged": a name after a preposition, with another
 * person before it in the sentence, is part of that person's description, not who speaks ("chairman of
 * BA Martin Broughton said", no one before, still speaks).
 */
function objectOfSubject(c: Context, m: NameMention): boolean {
  if (!OBJECT_OF.test(c.text.slice(Math.max(0, m.start - 40), m.start))) return false;
  const from = sentenceStartBefore(c.text, m.start);
  return c.people.some((p) => p.start >= from && p.end < m.start && p.entity !== m.entity);
}

/**
 * Whether a name leads its sentence, where a subject stands: "Hoffman is in the UK", "British actor Owen
 * is hoping", "On Wednesday, Jacques Barrot said"; not "… patched things up with actress Brigitte Nielsen".
 */
function subjectAt(c: Context, m: NameMention): boolean {
  let subject = c.subject.get(m);
  if (subject === undefined) {
    // "Despite enjoying Dan Brown's theory, the Bishop said": a person's possessive is no subject; an
    // organisation's is its topic ("Manchester United's response … the club said").
    const owner = m.entity.type === 'PERSON' && possessive(c, m);
    subject = !owner && leadsSentence(c.text, m.start) && !objectOfPerson(c, m);
    c.subject.set(m, subject);
  }
  return subject;
}

/**
 * "Mr Jolin also tipped Phil Davis for a prize": a person after another person and a verb in the past
 * is the sentence's object; "Howard and Kennedy attacked", "Howard, the Tory leader, …" stay subjects.
 */
function objectOfPerson(c: Context, m: NameMention): boolean {
  if (m.entity.type !== 'PERSON') return false;
  const from = sentenceStartBefore(c.text, m.start);
  return c.people.some((p) => {
    if (p.start < from || p.end > m.start || p.entity === m.entity) return false;
    const gap = c.text.slice(p.end, m.start);
    // A verb in the past between them ("also tipped"); not a title ("Keane frontman") nor "X's sister".
    return PAST_VERB_BETWEEN.test(gap) && !NO_OBJECT_GAP.test(gap);
  });
}

/**
 * "…," the 23-year-old wrote / "…," the firm said: a description standing where a name would, and what it
 * stands for, as a pronoun would ("the actress" says her gender; "the firm" is an organisation).
 */
function describedSpeaker(c: Context, from: number, verbAt: number, verb: string): Entity | undefined {
  const d = DESCRIPTION_BEFORE.exec(c.text.slice(Math.max(from, verbAt - 120), verbAt));
  return d ? describedBy(c, verbAt - d[0].length, verbAt, d.groups!, verb) : undefined;
}

/** What the description at `at` (see DESCRIPTION in speaker-patterns) stands for. */
function describedBy(
  c: Context,
  at: number,
  end: number,
  d: Record<string, string | undefined>,
  verb: string,
  pronounLike = true,
): Entity | undefined {
  const noun = d.organisation;
  if (noun) {
    // "The Bank's minutes said": the organisation whose words they are; not "the Delta subsidiary said".
    const owner = c.organisations.find((o) => o.start >= at && o.end <= end && possessive(c, o));
    if (owner) return owner.entity;
    // "Rolling Stone magazine … the magazine reported", "sportswear firm Umbro … the firm said".
    const after = new RegExp(`^\\s+${noun}\\b`, 'i');
    const before = new RegExp(`\\b${noun}\\s+$`, 'i');
    const named = lastWhere(
      c.organisations,
      at,
      (m) =>
        after.test(c.text.slice(m.end, m.end + 20)) ||
        before.test(c.text.slice(Math.max(0, m.start - 20), m.start)),
    );
    if (named) return named;
    // "the Commission said" is a short name, for "the European Commission" (a name with that word, not one
    // the quote talks about); "the firm said", like "it", for the last firm that spoke. "…," according to
    // the magazine: a source after the verb is one the text has named with that word.
    const shortName = STARTS_UPPER.test(noun);
    const meant = pronounLike && !shortName ? antecedentOf(c, at, 'it') : undefined;
    // "the report warned" is no "World Business Report".
    if (meant || DOCUMENT.test(noun)) return meant;
    const word = new RegExp(`\\b${noun}\\b`, 'i');
    return lastWhere(c.organisations, at, (m) => word.test(m.entity.name) && !c.named.has(m.entity));
  }
  const role = d.person!;
  const holders = roleHolders(c, at, role, d.qualifier ?? '');
  if (holders.length === 1) return holders[0];
  // Two who hold it, neither told apart by the description's words: no one.
  if (holders.length > 1) return undefined;
  if (OFFICE.test(role)) return soleCandidate(c, at, role, CONTINUING.test(verb));
  return antecedentOf(c, at, roleGender(role));
}

/**
 * "the president told": the people before `at` the article gives that role, a former holder aside; "the
 * Tory leader" where the Lib Dem leader is named too: those whose title also has the description's
 * capitalised words.
 */
function roleHolders(c: Context, at: number, role: string, qualifier: string): Entity[] {
  const noun = new RegExp(`\\b${role}\\b`, 'i');
  const holders = new Set<Entity>();
  for (const m of c.people) {
    const title = m.entity.role;
    if (m.start < at && title && noun.test(title) && !/^former\b/i.test(title)) holders.add(m.entity);
  }
  const all = [...holders];
  const words = partyNames(qualifier)
    .split(/\s+/)
    .filter((w) => STARTS_UPPER.test(w));
  if (all.length < 2 || words.length === 0) return all;
  const wordPatterns = words.map((w) => new RegExp(`(?:^|\\s)${w}(?:\\s|$)`));
  return all.filter((h) => {
    const title = partyNames(h.role!);
    return wordPatterns.every((word) => word.test(title));
  });
}

/** British parties' short names written out, so that "the Tory leader" is the "Conservative leader". */
function partyNames(title: string): string {
  return title.replace(/\bTor(?:y|ies)\b/g, 'Conservative').replace(/\bLib\s+Dems?\b/g, 'Liberal Democrat');
}

/**
 * "the prime minister said", where no one is given that office: the one person named before it whose
 * title, if any, is not another office ("Tory leader Michael Howard" is no prime minister); with two or
 * more, the last speaker when the verb goes on from him ("added"), else the subject of the story's
 * first sentence right after it, else no one: guessing by recency gives the opposition's words to the
 * government.
 */
function soleCandidate(c: Context, at: number, role: string, continuing: boolean): Entity | undefined {
  const gender = roleGender(role);
  const office = new RegExp(`\\b${role}\\b`, 'i');
  const candidates = new Set<Entity>();
  for (const m of c.people) {
    if (m.end > at) break;
    const e = m.entity;
    const genderOf = e.gender ?? c.genders.get(e);
    if (gender && genderOf && genderOf !== gender) continue;
    if (e.role && !HONORIFIC_ROLE.test(e.role) && !office.test(e.role)) continue;
    if (!possessive(c, m) && !c.named.has(e)) candidates.add(e);
  }
  if (candidates.size === 1) return [...candidates][0];
  // "Michael Howard said: "…" "…," the Tory leader added": who adds is who spoke last.
  if (continuing) return lastWhere(c.people, at, (m) => candidates.has(m.entity) && spokeAt(c, m));
  // "Michael Howard has challenged Tony Blair to a debate.⏎The Tory leader said …": right after the
  // story's first sentence, a description goes on from its subject, the person the story is about.
  const subject = leadSubject(c, sentenceStartBefore(c.text, at));
  return subject && candidates.has(subject) ? subject : undefined;
}

/** The person who leads the story's first sentence, when the sentence from `start` comes right after it. */
function leadSubject(c: Context, start: number): Entity | undefined {
  let end = start;
  while (end > 0 && /\s/.test(c.text[end - 1]!)) end--;
  if (end === 0 || sentenceStartBefore(c.text, end) !== 0) return undefined;
  return c.people.find((m) => m.end <= end && subjectAt(c, m))?.entity;
}

const CONTINUING = /^(?:added|adds|continued|continues)$/;

const DOCUMENT = /^(?:report|study|survey|statement)$/i;

const HONORIFIC_ROLE = /^(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Dame|Baroness|Prof|Rev)\.?$/;

/**
 * The entity of the last name passing `test` among those before the first name that ends past `offset`.
 * Searched backwards from there, so that `test` (a regular expression or two) runs on few names.
 */
function lastWhere(
  names: NameMention[],
  offset: number,
  test: (m: NameMention) => boolean,
): Entity | undefined {
  return lastMention(names, offset, test)?.entity;
}

function lastMention(
  names: NameMention[],
  offset: number,
  test: (m: NameMention) => boolean,
): NameMention | undefined {
  let before = 0;
  while (before < names.length && names[before]!.end <= offset) before++;
  for (let k = before - 1; k >= 0; k--) if (test(names[k]!)) return names[k];
  return undefined;
}
