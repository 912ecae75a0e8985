import type { RawDocument } from './conll';

// Honorifics and titles as British and American news write them; "Mr" most often, as in the news.
const HONORIFICS = [
  'Mr',
  'Mr',
  'Mr',
  'Mr.',
  'Mr.',
  'Mrs',
  'Mrs.',
  'Ms',
  'Ms.',
  'Dr',
  'Dr.',
  'Sir',
  'President',
  'Chancellor',
] as const;
const PREVIOUS_WORD = /(\S+)\s*$/;
const CAPITALISED = /^\p{Lu}/u;

/**
 * Teaches the convention CoNLL-2003 (Reuters, 1996) hardly has: an honorific or title before a person
 * ("Mr Blair", "Mr. Putin", "Mrs Hills"), kept outside the span. A share of the people not already after
 * a capitalised word get one; half of those written with more than one word are then called by their
 * surname alone, as British news does after the first mention. Deterministic for a given `random`.
 */
export function addHonorifics(doc: RawDocument, random: () => number, share: number): RawDocument {
  let text = '';
  let cursor = 0;
  const spans = [];
  for (const span of [...doc.spans].sort((a, b) => a.start - b.start)) {
    text += doc.text.slice(cursor, span.start);
    let surface = doc.text.slice(span.start, span.end);
    const previous = PREVIOUS_WORD.exec(doc.text.slice(Math.max(0, span.start - 40), span.start))?.[1] ?? '';
    if (span.type === 'PERSON' && !CAPITALISED.test(previous) && random() < share) {
      const honorific = HONORIFICS[Math.floor(random() * HONORIFICS.length)]!;
      const words = surface.split(' ');
      if (words.length > 1 && honorific !== 'Sir' && random() < 0.5) surface = words[words.length - 1]!;
      text += `${honorific} `;
    }
    spans.push({ type: span.type, start: text.length, end: text.length + surface.length });
    text += surface;
    cursor = span.end;
  }
  text += doc.text.slice(cursor);
  return { text, spans };
}
