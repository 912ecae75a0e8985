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
    const before = text.slice(Math.max(0, open - 30), open);
    if (end > start && !isScareQuote(text.slice(start, end), before, text.slice(close + 1, close + 40)))
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
 * won.") stays a quote, unless it sits inside a sentence (`before`, the text before its opening mark,
 * ends in a word) with no speech verb next to it (`after`, the text after its closing mark): American
 * style closes a quote on the sentence's own comma or stop, so 'called it “worst nightmare.”' and 'the
 * film “Fargo,” which' end as speech does, while 'Mr Sullivan "made the decisions," he told' is speech.
 */
export function isScareQuote(quoted: string, before = '', after = ''): boolean {
  const words = quoted.trim().split(/\s+/).length;
  if (words > 3) return false;
  if (!/[,.!?…]$/.test(quoted.trim())) return true;
  if (!ENDS_IN_WORD.test(before)) return false;
  return !SPEECH_BEFORE.test(before) && !SPEECH_AFTER.test(after);
}

/** Text ending in a word: the quote opens inside a sentence. A module constant: esbuild turns a \p{...}
 * literal into `new RegExp(...)`, rebuilt on every call. */
const ENDS_IN_WORD = /[\p{L}\p{N}]\s*$/u;

const SPEECH_VERBS =
  'said|says|told|tells|asked|asks|added|adds|replied|replies|wrote|writes|tweeted|posted|declared|answered|shouted|whispered|insisted';

/** 'said “We won.”': a verb right before the quote. */
const SPEECH_BEFORE = new RegExp(`\\b(?:${SPEECH_VERBS})\\s*$`, 'i');

/** '"made the decisions," he told the court': a verb within three words after the quote. */
const SPEECH_AFTER = new RegExp(`^\\s*(?:[\\p{L}.'’-]+\\s+){0,3}?(?:${SPEECH_VERBS})\\b`, 'iu');

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
