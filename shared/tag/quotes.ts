import type { Entity, Quote } from '../article/schema';

/** A quoted passage: offsets of the words inside the quotation marks. */
export interface QuoteSpan {
  text: string;
  start: number;
  end: number;
}

/**
 * Direct quotes: “…” pairs, and "…" pairs alternating open/close within a paragraph. A quote that is
 * never closed runs to the end of its paragraph, as in news style where a quote continues into the next
 * paragraph with a fresh opening mark.
 */
export function findQuotes(text: string): QuoteSpan[] {
  const quotes: QuoteSpan[] = [];
  const push = (open: number, close: number) => {
    let start = open + 1;
    let end = close;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) quotes.push({ text: text.slice(start, end), start, end });
  };
  let paragraphStart = 0;
  for (const paragraph of text.split(/\n\s*\n/)) {
    const base = text.indexOf(paragraph, paragraphStart);
    paragraphStart = base + paragraph.length;
    let curly = -1;
    let straight = -1;
    for (let i = 0; i < paragraph.length; i++) {
      const ch = paragraph[i];
      if (ch === '“') curly = i;
      else if (ch === '”' && curly >= 0) {
        push(base + curly, base + i);
        curly = -1;
      } else if (ch === '"') {
        if (straight < 0) straight = i;
        else {
          push(base + straight, base + i);
          straight = -1;
        }
      }
    }
    if (curly >= 0) push(base + curly, base + paragraph.length);
    if (straight >= 0) push(base + straight, base + paragraph.length);
  }
  return quotes.sort((a, b) => a.start - b.start);
}

const SPEECH =
  'said|says|saying|told|tells|added|adds|stressed|warned|wrote|writes|asked|insisted|noted|explained|argued|' +
  'claimed|declared|stated|announced|continued|replied|responded|recalled|admitted|acknowledged|urged|posted|tweeted|' +
  'calling|called|describing|described';
const SPEECH_VERB = new RegExp(`\\b(?:${SPEECH})\\b`);
const PRONOUN = /^(?:he|she|they)$/i;

interface PersonMention {
  start: number;
  end: number;
  entity: Entity;
}

/**
 * Attributes each quote to a person entity: "…,” X said; X said “…”; “…,” he said (the nearest person
 * mentioned before it, outside any quote). Quotes whose speaker the text does not name stay unattributed.
 */
export function attributeQuotes(text: string, spans: QuoteSpan[], entities: Entity[]): Quote[] {
  const people: PersonMention[] = entities
    .filter((e) => e.type === 'PERSON')
    .flatMap((entity) => entity.mentions.map((m) => ({ start: m.start, end: m.end, entity })))
    .filter((p) => !spans.some((q) => p.start >= q.start && p.end <= q.end))
    .sort((a, b) => a.start - b.start);
  const lastPersonBefore = (offset: number) => {
    let found: PersonMention | undefined;
    for (const p of people) {
      if (p.end > offset) break;
      found = p;
    }
    return found;
  };
  return spans.map((q) => {
    const quote: Quote = { text: q.text, start: q.start, end: q.end };
    const speaker =
      speakerAfter(text, q, people, spans, lastPersonBefore) ??
      speakerBefore(text, q, people, lastPersonBefore);
    if (speaker) {
      quote.speakerId = speaker.id;
      quote.speaker = speaker.name;
    }
    return quote;
  });
}

/** “…,” Pistorius said / “…,” said Pistorius / “…,” he said / “…,” Lytvyn told reporters. */
function speakerAfter(
  text: string,
  q: QuoteSpan,
  people: PersonMention[],
  spans: QuoteSpan[],
  lastPersonBefore: (offset: number) => PersonMention | undefined,
): Entity | undefined {
  const after = q.end + 1;
  const next = spans.find((s) => s.start > q.end);
  const limit = Math.min(text.length, after + 120, next ? next.start - 1 : text.length);
  const tail = text.slice(after, limit);
  const sentence = /^[^.!?\n]*/.exec(tail)![0];
  if (!SPEECH_VERB.test(sentence)) return undefined;
  const person = people.find((p) => p.start >= after && p.end <= after + sentence.length);
  const words = sentence.replace(/^[\s,]+/, '').split(/\s+/);
  if (person) {
    // The person must be the one speaking: within the first few words, next to the verb.
    const offsetInSentence = text.slice(after, person.start).trim().split(/\s+/).filter(Boolean).length;
    if (offsetInSentence <= 2) return person.entity;
  }
  if (words[0] && PRONOUN.test(words[0])) return lastPersonBefore(q.start)?.entity;
  return undefined;
}

/** X said “…” / X said he was seeking a “dignified” peace / X warned …, saying “…”. */
function speakerBefore(
  text: string,
  q: QuoteSpan,
  people: PersonMention[],
  lastPersonBefore: (offset: number) => PersonMention | undefined,
): Entity | undefined {
  const open = q.start - 1;
  const paragraphStart = text.lastIndexOf('\n', open) + 1;
  const head = text.slice(paragraphStart, open);
  // Only the sentence the quote sits in: after the last terminal mark (a backwards scan; the regular
  // expression /[^.!?]*$/ this replaces retried from every position, quadratic in the paragraph).
  let sentenceStart = head.length;
  while (sentenceStart > 0) {
    const c = head.charCodeAt(sentenceStart - 1);
    if (c === 46 || c === 33 || c === 63) break;
    sentenceStart--;
  }
  const from = paragraphStart + sentenceStart;
  const sentence = text.slice(from, open);
  const verb = SPEECH_VERB.exec(sentence);
  if (!verb) return undefined;
  const verbAt = from + verb.index;
  let speaker: PersonMention | undefined;
  for (const p of people) {
    if (p.start >= from && p.end <= verbAt) speaker = p;
  }
  if (speaker) return speaker.entity;
  // “…,” he said, adding “…”: the pronoun stands for the last person named before the sentence.
  if (/\b(?:he|she)\s+$/i.test(text.slice(from, verbAt))) return lastPersonBefore(from)?.entity;
  return undefined;
}
