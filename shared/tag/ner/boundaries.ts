import type { DocumentFeatures } from './document-features';
import { isHonorific } from './honorifics';
import type { TokenSpan } from './spans';
import type { Token } from './tokenize';

/** Capitalised only because they open a sentence ("And Wenger added"): never the first word of a name. */
export const SENTENCE_WORDS =
  /^(?:And|But|Before|After|As|At|Although|Because|By|During|For|From|However|If|In|Meanwhile|On|Or|Since|Then|Though|Under|Until|When|While|With|Yet|Also|Despite|Following|Last|Now|Instead|Earlier|Later|Another)$/;

/** Lower-case words that may sit inside a name ("Bank of England", "Ludwig van Beethoven"). */
const CONNECTORS = new Set(
  'of the and for de du des la le van von der den y da di del dos das on upon in at on-line e al bin ibn wa ter ten zu'.split(
    ' ',
  ),
);
// Arabic particles joined to the next part of a name ("Zine al-Abidine Ben Ali", "Abdel Fattah el-Sisi").
const PARTICLE = /^(?:al|el|ad|ar|as|ash|at|az|bin|ibn|abu|d)[-'’]\p{Lu}/u;

/**
 * Words that are never a name on their own: abbreviations news writes in capitals ("on TV", which the
 * alias lexicon would otherwise read as Tuvalu's country code), and months, weekdays and holidays, which
 * are dates (dates.ts) and were read as people ("Before Christmas", "December's rise"). Not the months
 * that are also given names (April, May, June, August).
 */
const NOT_NAMES = new Set(
  (
    'TV TVs PC PCs DVD DVDs CD CDs MP MPs CEO GDP January February March July September October November ' +
    'December Monday Tuesday Wednesday Thursday Friday Saturday Sunday Christmas Easter Xmas Euros'
  ).split(' '),
);

// A name does not run across a list or a bracket: the pieces either side may be names of their own.
const BREAKS = new Set([',', ';', ':', '(', ')', '"', '“', '”', '-', '–', '—']);

const ALPHANUMERIC_TEXT = /[\p{L}\p{N}]/u;
const LOWER_TEXT = /^\p{Ll}/u;
const UPPER_TEXT = /^\p{Lu}/u;

// ASCII first: the Unicode classes above only run for a token that starts with another character.
const ALPHANUMERIC = {
  test(text: string): boolean {
    const c = text.charCodeAt(0);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
    return c >= 128 || text.length > 1 ? ALPHANUMERIC_TEXT.test(text) : false;
  },
};
const LOWER_START = {
  test(text: string): boolean {
    const c = text.charCodeAt(0);
    return c < 128 ? c >= 97 && c <= 122 : LOWER_TEXT.test(text);
  },
};
const UPPER_START = {
  test(text: string): boolean {
    const c = text.charCodeAt(0);
    return c < 128 ? c >= 65 && c <= 90 : UPPER_TEXT.test(text);
  },
};

/**
 * Clean span boundaries: no sentence-opening function word or honorific at the start, no punctuation or
 * lower-case words at the end, a span cut where a clause runs into it (a lower-case word that is no
 * name connector; a possessive "’s", a comma or a bracket between two names), and no bare "TV" or "PC". Spans that lose
 * every word are dropped.
 */
export function cleanBoundaries(spans: TokenSpan[], tokens: Token[], doc: DocumentFeatures): TokenSpan[] {
  const out: TokenSpan[] = [];
  for (const span of spans) {
    let { first } = span;
    while (
      first <= span.last &&
      ((isHonorific(tokens[first]!.text) && first < span.last && UPPER_START.test(tokens[first + 1]!.text)) ||
        (SENTENCE_WORDS.test(tokens[first]!.text) &&
          (doc.initial[first] === 1 ||
            first === span.last ||
            !ALPHANUMERIC.test(tokens[first - 1]?.text ?? ''))) ||
        !ALPHANUMERIC.test(tokens[first]!.text))
    ) {
      if (isHonorific(tokens[first]!.text)) span.type = 'PERSON';
      first++;
    }
    // An honorific inside the span starts the person's name ("Entrepreneur Sir Richard Branson").
    for (let k = span.last - 1; k > first; k--) {
      if (isHonorific(tokens[k]!.text) && UPPER_START.test(tokens[k + 1]!.text)) {
        first = k + 1;
        span.type = 'PERSON';
        break;
      }
    }
    let pieceStart = first;
    const close = (last: number) => {
      let end = last;
      while (
        end >= pieceStart &&
        // "$" ends currency names ("C$", "HK$").
        ((!ALPHANUMERIC.test(tokens[end]!.text) && tokens[end]!.text !== '$') ||
          (LOWER_START.test(tokens[end]!.text) && !PARTICLE.test(tokens[end]!.text)) ||
          (end > pieceStart && NOT_NAMES.has(tokens[end]!.text)))
      )
        end--;
      if (end < pieceStart) return;
      if (end === pieceStart && NOT_NAMES.has(tokens[end]!.text)) return;
      out.push({ type: span.type, first: pieceStart, last: end });
    };
    for (let i = first; i <= span.last; i++) {
      const text = tokens[i]!.text;
      const breaks = text === '’s' || text === "'s" || BREAKS.has(text);
      if (breaks || (LOWER_START.test(text) && !CONNECTORS.has(text) && !PARTICLE.test(text))) {
        close(i - 1);
        // After a possessive or a comma the rest may be a name of its own ("England’s Monetary Policy
        // Committee"); after any other lower-case word it is the clause the name ran into.
        if (!breaks) {
          pieceStart = span.last + 1;
          break;
        }
        pieceStart = i + 1;
      }
    }
    if (pieceStart <= span.last) close(span.last);
  }
  return out;
}
