/** A token of raw text: offsets are JS string indices into the text it came from. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

/** Tokens of one sentence, plus whether a line break (headline, paragraph) preceded it. */
export interface Sentence {
  tokens: Token[];
}

// Words keep internal hyphens, periods, ampersands and apostrophes ("Soviet-era", "U.S", "AT&T", "O'Brien")
// and digit groups ("1,000", "3.5"), because that is how the CoNLL annotators saw them.
const WORD = /[\p{L}\p{N}\p{M}]+(?:[-.&'’][\p{L}\p{N}\p{M}]+|,\d{3}(?!\d))*/uy;
const RUN_PUNCT = /\.{2,}|-{2,}|[^\s\p{L}\p{N}\p{M}]/uy;
const SPACE = /\s+/y;

// Abbreviations whose final period is part of the word rather than the end of a sentence.
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof gen lt col maj capt sgt sen rep gov pres st jr sr inc corp co ltd bros no vs etc ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mt ft rev hon adm cmdr gov supt ave blvd dept est fig'
  ).split(' '),
);

const POSSESSIVE = /^(.+?)(['’][sS])$/u;

function takesPeriod(word: string): boolean {
  if (ABBREVIATIONS.has(word.toLowerCase())) return true;
  // "U.S" + "." and initials such as "J" + "." in "J. K. Rowling".
  return /^(?:\p{L}\.)+\p{L}$/u.test(word) || /^\p{Lu}$/u.test(word);
}

/** Splits raw text into tokens the way the tagger was trained to see them. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    SPACE.lastIndex = i;
    if (SPACE.test(text)) {
      i = SPACE.lastIndex;
      continue;
    }
    WORD.lastIndex = i;
    const w = WORD.exec(text);
    if (w) {
      let word = w[0];
      let end = i + word.length;
      if (text.charCodeAt(end) === 46 /* . */ && takesPeriod(word)) {
        word += '.';
        end += 1;
      }
      const possessive = POSSESSIVE.exec(word);
      if (possessive) {
        const stem = possessive[1]!;
        tokens.push({ text: stem, start: i, end: i + stem.length });
        tokens.push({ text: possessive[2]!, start: i + stem.length, end });
      } else {
        tokens.push({ text: word, start: i, end });
      }
      i = end;
      continue;
    }
    RUN_PUNCT.lastIndex = i;
    const p = RUN_PUNCT.exec(text);
    // A lone surrogate or other odd code unit still becomes a token so that the loop always advances.
    const piece = p ? p[0] : text[i]!;
    tokens.push({ text: piece, start: i, end: i + piece.length });
    i += piece.length;
  }
  return tokens;
}

const TERMINAL = new Set(['.', '!', '?', '…', '...']);
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»']);

/**
 * Groups tokens into sentences: a line break always ends one; a terminal mark ends one when the next
 * token starts a new sentence (capital letter, digit, opening quote), after absorbing closing quotes.
 */
export function splitSentences(text: string, tokens: Token[]): Token[][] {
  const sentences: Token[][] = [];
  let current: Token[] = [];
  const flush = () => {
    if (current.length > 0) sentences.push(current);
    current = [];
  };
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k]!;
    if (current.length > 0) {
      const previous = current[current.length - 1]!;
      if (text.slice(previous.end, token.start).includes('\n')) flush();
    }
    current.push(token);
    if (TERMINAL.has(token.text)) {
      while (k + 1 < tokens.length) {
        const next = tokens[k + 1]!;
        if (next.start === current[current.length - 1]!.end && CLOSERS.has(next.text)) {
          current.push(next);
          k++;
        } else break;
      }
      const next = tokens[k + 1];
      if (!next || /^[\p{Lu}\p{N}"“‘'(]/u.test(next.text)) flush();
    }
  }
  flush();
  return sentences;
}
