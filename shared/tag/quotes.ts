import type { Entity, Quote } from '../article/schema';
import { attributeSpeakers } from './resolve/speakers';

/** A quoted passage: offsets of the words inside the quotation marks. */
export interface QuoteSpan {
  text: string;
  start: number;
  end: number;
}

const SPACE = /\s/;
/** After a closing mark: a space, punctuation or the end. */
const AFTER_CLOSE = /[\s,.;:!?)\]—–-]/;
/** Before an opening mark: a space, a bracket or a dash, or the start. */
const BEFORE_OPEN = /[\s([—–-]/;

/**
 * Direct quotes: “…” pairs, and "…" pairs within a paragraph, a straight mark read as opening or closing by
 * what stands either side of it ("… Olympics. "The amber light…" opens a new quote even though one is
 * open). A quote that is never closed runs to the end of its paragraph, as in news style where a quote
 * continues into the next paragraph with a fresh opening mark. Scare quotes ("cut", "noble savage") are
 * not quotes: see isScareQuote.
 */
export function findQuotes(text: string): QuoteSpan[] {
  const quotes: QuoteSpan[] = [];
  const push = (open: number, close: number) => {
    let start = open + 1;
    let end = close;
    while (start < end && SPACE.test(text[start]!)) start++;
    while (end > start && SPACE.test(text[end - 1]!)) end--;
    if (end > start && !isScareQuote(text.slice(start, end)))
      quotes.push({ text: text.slice(start, end), start, end });
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
        const mark = straightMark(paragraph, i);
        if (straight >= 0 && mark === 'open') {
          // A new quote opens before the last one closed: the last one ended here.
          push(base + straight, base + i);
          straight = i;
        } else if (straight >= 0) {
          push(base + straight, base + i);
          straight = -1;
        } else if (mark !== 'close') straight = i;
      }
    }
    if (curly >= 0) push(base + curly, base + paragraph.length);
    if (straight >= 0) push(base + straight, base + paragraph.length);
  }
  return quotes.sort((a, b) => a.start - b.start);
}

/** Whether a straight quotation mark at `i` can only open, only close, or either. */
function straightMark(paragraph: string, i: number): 'open' | 'close' | 'either' {
  const before = paragraph[i - 1];
  const after = paragraph[i + 1];
  const opens =
    (before === undefined || BEFORE_OPEN.test(before)) && after !== undefined && !SPACE.test(after);
  const closes =
    before !== undefined && !SPACE.test(before) && (after === undefined || AFTER_CLOSE.test(after));
  if (opens && !closes) return 'open';
  if (closes && !opens) return 'close';
  return 'either';
}

/**
 * One to three words that are not a sentence of their own ("cut", "economic aggression", "the noble
 * savage"): a word set apart, not speech. A short quote that ends as speech does ("No comment," / "We
 * won.") stays a quote.
 */
export function isScareQuote(quoted: string): boolean {
  const words = quoted.trim().split(/\s+/).length;
  return words <= 3 && !/[,.!?…]$/.test(quoted.trim());
}

/**
 * Attributes each quote to an entity of the article, only from attribution outside the quote: "…," X
 * said; X said: "…"; "…," he said (the last person of that gender named before); "…," the England captain
 * said (the article's person with that title). Quotes whose speaker the text does not name stay
 * unattributed.
 */
export function attributeQuotes(text: string, spans: QuoteSpan[], entities: Entity[]): Quote[] {
  const speakers = attributeSpeakers(text, spans, entities);
  return spans.map((q, k) => {
    const quote: Quote = { text: q.text, start: q.start, end: q.end };
    const speaker = speakers[k];
    if (speaker) {
      quote.speakerId = speaker.id;
      quote.speaker = speaker.name;
    }
    return quote;
  });
}
