import type { Entity, Mention as QuoteSpan } from '../../article/schema';
import { isTitleWord } from '../titles';
import { pronounGender } from './honorifics';

const SPEECH =
  'said|says|saying|told|tells|added|adds|stressed|warned|warns|wrote|writes|asked|insisted|insists|noted|notes|' +
  'explained|explains|argued|argues|claimed|declared|stated|announced|continued|replied|responded|recalled|' +
  'admitted|acknowledged|urged|posted|tweeted|confirmed|commented|suggested|predicted|conceded|remarked|agreed|' +
  'agrees|cautioned|believes|thinks|observed|reported|estimated|complained|joked|laughed|laughs|revealed|' +
  'maintained|concluded';
const SPEECH_VERB = new RegExp(`\\b(?:${SPEECH})\\b`);
/** A pronoun standing right before the verb: "…," he said / She said: "…". */
const PRONOUN_BEFORE = /\b(he|she|He|She|it|It)\s+$/;
/** Where the words after "said" stop naming the speaker: "said Kyle Cooper, at Citigroup". */
const PHRASE_END = /[,.;:!?\n"“”(]|\s(?:at|of|for|from|in|on|who|which|adding|when|after|before|and)\s/;
/** The last word before a phrase break: a title there does not end the phrase ("economist, Steve Radley"). */
const LAST_WORD = /([\p{L}.-]+)\s*$/u;
/**
 * What may stand between a speaker's name and the verb: a few words ("Sean Dudas said", "Mr Bello
 * explained") or an appositive ("Sarah Mukasa, the play's organiser, told"); not a clause ("Willis does
 * not seek damages, the lawsuit noted").
 */
const SUBJECT_GAP = /^(?:\s*|\s*,\s*|\s+(?:\S+\s+){0,2}|\s*,[^.!?]*,\s*)$/;
/** A name right before or after a speech verb: the subject of speech, which a pronoun most likely means. */
const SPOKE_AFTER = new RegExp(`^(?:\\s*,[^.!?"“”]{0,80},)?\\s+(?:${SPEECH})\\b`);
// "said X", not "told X" or "asked X": there X is spoken to.
const SPOKE_BEFORE = new RegExp(
  `\\b(?:${SPEECH.replace(/\|?(?:told|tells|asked|urged)\b/g, '')})\\s+(?:\\S+\\s+){0,4}$`,
);
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
 * paragraph that goes on with a quote left open). Pronouns go to the last person of their gender named
 * before.
 */
export function attributeSpeakers(
  text: string,
  spans: QuoteSpan[],
  entities: Entity[],
): (Entity | undefined)[] {
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
  };
  const speakers = spans.map((q, k) =>
    // X said: "…" names its speaker first; otherwise the attribution after a quote is the common form.
    introducedByColon(text, q)
      ? (speakerBefore(context, q) ?? speakerAfter(context, q, k))
      : (speakerAfter(context, q, k) ?? speakerBefore(context, q)),
  );
  dropNamedInside(spans, speakers);
  for (let k = 1; k < spans.length; k++) {
    const previous = speakers[k - 1];
    if (!speakers[k] && previous && continues(context, spans[k - 1]!, spans[k]!, previous))
      speakers[k] = previous;
  }
  // A quote left open at the end of a paragraph goes on in the next one, where its attribution may be.
  for (let k = spans.length - 2; k >= 0; k--) {
    const next = speakers[k + 1];
    if (!speakers[k] && next && runsOn(context, spans[k]!, spans[k + 1]!)) speakers[k] = next;
  }
  spans.forEach((q, k) => {
    speakers[k] ??= speakerOfSentenceBefore(context, q);
  });
  dropNamedInside(spans, speakers);
  return speakers;
}

/** Whoever a quote names is what it talks about: a speaker found elsewhere who is named inside is wrong. */
function dropNamedInside(spans: QuoteSpan[], speakers: (Entity | undefined)[]): void {
  spans.forEach((q, k) => {
    if (speakers[k]?.mentions.some((m) => m.start >= q.start && m.end <= q.end)) speakers[k] = undefined;
  });
}

function introducedByColon(text: string, q: QuoteSpan): boolean {
  return /:\s*["“]?\s*$/.test(text.slice(Math.max(0, q.start - 4), q.start));
}

interface Context {
  text: string;
  spans: QuoteSpan[];
  people: NameMention[];
  organisations: NameMention[];
  /** spokeAt per name mention: every pronoun asks again about each name before it. */
  spoke: Map<NameMention, boolean>;
}

/** “…,” Pistorius said / “…,” said GM chief executive Rick Wagoner / “…,” he said / “…,” the OECD said. */
function speakerAfter(c: Context, q: QuoteSpan, k: number): Entity | undefined {
  // "…in here." Jeremy Edwards said he…: a quote closed by a full stop ends its sentence.
  if (q.text.endsWith('.')) return undefined;
  const from = q.end + 1;
  const next = c.spans[k + 1];
  const limit = Math.min(c.text.length, from + REACH, next ? next.start - 1 : c.text.length);
  const sentence = /^[^.!?\n]*/.exec(c.text.slice(from, limit))![0];
  const verb = SPEECH_VERB.exec(sentence);
  if (!verb) return undefined;
  const verbAt = from + verb.index;
  const verbEnd = verbAt + verb[0].length;
  const subject = subjectOf(c, from, verbAt);
  if (subject) return subject;
  const pronoun = PRONOUN_BEFORE.exec(c.text.slice(from, verbAt));
  if (pronoun) return antecedent(c, q.start, pronoun[1]!);
  // "said Fiat chief executive Sergio Marchionne": the last person of the phrase after the verb.
  const phraseEnd = endOfPhrase(c.text, verbEnd, from + sentence.length);
  const after = c.people.filter((p) => p.start >= verbEnd && p.end <= phraseEnd);
  if (after.length > 0) return after[after.length - 1]!.entity;
  return organisationAt(c, from, verbAt, verbEnd);
}

/** Where the name after a speech verb ends (see PHRASE_END): not at a comma or "of" right after a title. */
function endOfPhrase(text: string, from: number, limit: number): number {
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
    return stop;
  }
}

/** The person standing as the subject of a verb at `verbAt`, named after `from`. */
function subjectOf(c: Context, from: number, verbAt: number): Entity | undefined {
  const before = c.people.filter((p) => p.start >= from && p.end <= verbAt);
  const last = before[before.length - 1];
  return last && SUBJECT_GAP.test(c.text.slice(last.end, verbAt)) ? last.entity : undefined;
}

/** "…," the OECD said / "…," said Highfield: an organisation right next to the verb. */
function organisationAt(c: Context, from: number, verbAt: number, verbEnd: number): Entity | undefined {
  const before = c.organisations.filter((o) => o.start >= from && o.end <= verbAt);
  const last = before[before.length - 1];
  if (last && /^\s*$/.test(c.text.slice(last.end, verbAt))) return last.entity;
  const after = c.organisations.find(
    (o) => o.start >= verbEnd && /^\s*(?:the\s+)?$/i.test(c.text.slice(verbEnd, o.start)),
  );
  return after?.entity;
}

/** X said “…” / X said he was seeking a “dignified” peace / She said: “…”. */
function speakerBefore(c: Context, q: QuoteSpan): Entity | undefined {
  const open = q.start - 1;
  const paragraphStart = c.text.lastIndexOf('\n', open) + 1;
  const head = c.text.slice(paragraphStart, open);
  // Only the sentence the quote sits in: after the last terminal mark (a backwards scan; the regular
  // expression /[^.!?]*$/ this replaces retried from every position, quadratic in the paragraph).
  let sentenceStart = head.length;
  while (sentenceStart > 0) {
    const ch = head.charCodeAt(sentenceStart - 1);
    if (ch === 46 || ch === 33 || ch === 63) break;
    sentenceStart--;
  }
  const from = paragraphStart + sentenceStart;
  const verb = SPEECH_VERB.exec(c.text.slice(from, open));
  if (!verb) return undefined;
  const verbAt = from + verb.index;
  const subject = subjectOf(c, from, verbAt);
  if (subject) return subject;
  const pronoun = PRONOUN_BEFORE.exec(c.text.slice(from, verbAt));
  if (pronoun) return antecedent(c, from, pronoun[1]!);
  // "The Muslim Council of Britain said in a statement: "…"".
  const organisations = c.organisations.filter((o) => o.start >= from && o.end <= verbAt);
  const last = organisations[organisations.length - 1];
  return last && SUBJECT_GAP.test(c.text.slice(last.end, verbAt)) ? last.entity : undefined;
}

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
  const sentenceStart = Math.max(
    c.text.lastIndexOf('. ', end - 2),
    c.text.lastIndexOf('\n', end - 2),
    c.text.lastIndexOf('? ', end - 2),
    c.text.lastIndexOf('! ', end - 2),
  );
  const from = sentenceStart + 1;
  const sentence = c.text.slice(from, end);
  if (/["“”]/.test(sentence)) return undefined;
  const verb = SPEECH_VERB.exec(sentence);
  if (!verb) return undefined;
  const verbAt = from + verb.index;
  const subject = subjectOf(c, from, verbAt);
  if (subject) return subject;
  const pronoun = PRONOUN_BEFORE.exec(c.text.slice(from, verbAt));
  return pronoun && !/^it$/i.test(pronoun[1]!) ? antecedent(c, from, pronoun[1]!) : undefined;
}

/**
 * Whether quote `q` goes on with `p`'s speaker: in the same paragraph with no other person named
 * between ("…," said X. "…"), or opening the next paragraph when `p` was left open at the end of its own.
 */
function continues(c: Context, p: QuoteSpan, q: QuoteSpan, speaker: Entity): boolean {
  const gap = c.text.slice(p.end, q.start);
  if (gap.length > REACH) return false;
  // Another person who speaks in between takes the floor; one merely named ("told the BBC's X") does not.
  const others = c.people.some(
    (m) => m.start >= p.end && m.end <= q.start && m.entity !== speaker && spokeAt(c, m),
  );
  if (others) return false;
  // "…" But Sky denied it. A spokesperson said: "…": someone else speaks after the attribution.
  const laterSentences = gap
    .split(/[.!?]\s+/)
    .slice(1)
    .join(' ');
  if (SPEECH_VERB.test(laterSentences)) return false;
  if (!/\n/.test(gap)) return true;
  // A new paragraph: only when the last one ended inside the quote, and this one opens with it.
  const [endOfLast, startOfThis] = [gap.slice(0, gap.indexOf('\n')), gap.slice(gap.lastIndexOf('\n') + 1)];
  return /^\s*$/.test(endOfLast) && /^\s*["“]?$/.test(startOfThis);
}

/** Whether `p` was left open at the end of its paragraph and `q` opens the next one. */
function runsOn(c: Context, p: QuoteSpan, q: QuoteSpan): boolean {
  const gap = c.text.slice(p.end, q.start);
  const breakAt = gap.indexOf('\n');
  return breakAt >= 0 && /^\s*$/.test(gap.slice(0, breakAt)) && /\n\s*["“]?$/.test(gap);
}

/**
 * What a pronoun before `offset` stands for: "it", the last organisation that spoke; "he" and "she", the
 * last person of that gender (or of no known gender) who spoke, else the last one named at all.
 */
function antecedent(c: Context, offset: number, pronoun: string): Entity | undefined {
  const spoke = (m: NameMention) => spokeAt(c, m);
  if (/^it$/i.test(pronoun)) return lastWhere(c.organisations, offset, spoke);
  const gender = pronounGender(pronoun);
  const fits = (m: NameMention) => !gender || !m.entity.gender || m.entity.gender === gender;
  const same = (m: NameMention) => m.entity.gender === gender;
  return (
    lastWhere(c.people, offset, (m) => fits(m) && spoke(m)) ??
    lastWhere(c.people, offset, same) ??
    lastWhere(c.people, offset, fits)
  );
}

/** Whether a name stands as the subject of speech: "X said", "X, the Y, told", "said X". */
function spokeAt(c: Context, m: NameMention): boolean {
  let spoke = c.spoke.get(m);
  if (spoke === undefined) {
    spoke =
      SPOKE_AFTER.test(c.text.slice(m.end, m.end + 100)) ||
      SPOKE_BEFORE.test(c.text.slice(Math.max(0, m.start - 60), m.start));
    c.spoke.set(m, spoke);
  }
  return spoke;
}

/**
 * The entity of the last name passing `test` among those before the first name that ends past `offset`.
 * Searched backwards from there, so that `test` (a regular expression or two) runs on few names.
 */
function lastWhere(
  names: NameMention[],
  offset: number,
  test: (m: NameMention) => boolean,
): Entity | undefined {
  let before = 0;
  while (before < names.length && names[before]!.end <= offset) before++;
  for (let k = before - 1; k >= 0; k--) if (test(names[k]!)) return names[k]!.entity;
  return undefined;
}
