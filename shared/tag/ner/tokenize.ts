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

// Unicode-property patterns are module constants: esbuild (tsx, and the bundle at target node20) turns a
// \p{...} literal into `new RegExp(...)`, which would then be rebuilt on every call.
const DOTTED = /^(?:\p{L}\.)+\p{L}$/u;
const SINGLE_UPPER = /^\p{Lu}$/u;
const STARTS_SENTENCE = /^[\p{Lu}\p{N}"“‘'(]/u;

function takesPeriod(word: string): boolean {
  if (ABBREVIATIONS.has(word.toLowerCase())) return true;
  // "U.S" + "." and initials such as "J" + "." in "J. K. Rowling".
  return DOTTED.test(word) || SINGLE_UPPER.test(word);
}

// Character classes of the ASCII code units (what nearly all news text is made of): the Unicode-aware
// regular expressions above are only run where a non-ASCII character is involved.
const ASCII_WORD = new Uint8Array(128);
const ASCII_SPACE = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  ASCII_WORD[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
  ASCII_SPACE[c] = c === 32 || (c >= 9 && c <= 13) ? 1 : 0;
}
const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * The end of the WORD match at i when it only involves ASCII characters, -1 when there is no match, and
 * -2 when a non-ASCII character could change the answer (the caller then runs WORD itself).
 */
function asciiWordEnd(text: string, i: number): number {
  const n = text.length;
  let c = text.charCodeAt(i);
  if (c >= 128) return -2;
  if (!ASCII_WORD[c]) return -1;
  let j = i + 1;
  for (;;) {
    while (j < n && ASCII_WORD[text.charCodeAt(j)]) j++;
    if (j >= n) return j;
    c = text.charCodeAt(j);
    if (c >= 128 && c !== 0x2019) return -2;
    // [-.&'’] followed by a word character continues the word.
    if (c === 45 || c === 46 || c === 38 || c === 39 || c === 0x2019) {
      const d = text.charCodeAt(j + 1);
      if (d >= 128) return -2;
      if (ASCII_WORD[d]) {
        j += 2;
        continue;
      }
      return j;
    }
    // ",ddd" not followed by another digit continues a number, and ends the word's letters.
    if (c === 44) {
      let k = j + 1;
      while (k < j + 4 && k < n && isDigit(text.charCodeAt(k))) k++;
      if (k === j + 4 && !isDigit(text.charCodeAt(k))) {
        j = k;
        c = text.charCodeAt(j);
        if (j >= n) return j;
        // After a digit group only another connector or digit group may follow, not more letters.
        if (c === 44 || c === 45 || c === 46 || c === 38 || c === 39 || c === 0x2019) continue;
        return c >= 128 ? -2 : j;
      }
    }
    return j;
  }
}

/** Splits raw text into tokens the way the tagger was trained to see them. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (ASCII_SPACE[c]) {
        i++;
        while (i < n && ASCII_SPACE[text.charCodeAt(i)]) i++;
        continue;
      }
    } else {
      SPACE.lastIndex = i;
      if (SPACE.test(text)) {
        i = SPACE.lastIndex;
        continue;
      }
    }
    let wordEnd = asciiWordEnd(text, i);
    if (wordEnd === -2) {
      WORD.lastIndex = i;
      wordEnd = WORD.exec(text) ? WORD.lastIndex : -1;
    }
    if (wordEnd >= 0) {
      let end = wordEnd;
      let word = text.slice(i, end);
      if (text.charCodeAt(end) === 46 /* . */ && takesPeriod(word)) {
        word += '.';
        end += 1;
      }
      const len = word.length;
      const last = word.charCodeAt(len - 1);
      const apostrophe = word.charCodeAt(len - 2);
      // A possessive "’s" / "'s" is its own token after a word of at least one character.
      if (len >= 3 && (last === 115 || last === 83) && (apostrophe === 39 || apostrophe === 0x2019)) {
        const stem = word.slice(0, len - 2);
        tokens.push({ text: stem, start: i, end: i + stem.length });
        tokens.push({ text: word.slice(len - 2), start: i + stem.length, end });
      } else {
        tokens.push({ text: word, start: i, end });
      }
      i = end;
      continue;
    }
    let pieceEnd: number;
    if (c < 128) {
      // RUN_PUNCT: a run of periods or of hyphens, else one character.
      pieceEnd = i + 1;
      if (c === 46 || c === 45) while (pieceEnd < n && text.charCodeAt(pieceEnd) === c) pieceEnd++;
    } else {
      RUN_PUNCT.lastIndex = i;
      // A lone surrogate or other odd code unit still becomes a token so that the loop always advances.
      pieceEnd = RUN_PUNCT.exec(text) ? RUN_PUNCT.lastIndex : i + 1;
    }
    tokens.push({ text: text.slice(i, pieceEnd), start: i, end: pieceEnd });
    i = pieceEnd;
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
      for (let c = previous.end; c < token.start; c++) {
        if (text.charCodeAt(c) === 10) {
          flush();
          break;
        }
      }
    }
    current.push(token);
    // Most tokens are longer than any terminal or start with another character: no set lookup for them.
    const first = token.text.charCodeAt(0);
    if (
      token.text.length <= 3 &&
      (first === 46 || first === 33 || first === 63 || first === 0x2026) &&
      TERMINAL.has(token.text)
    ) {
      while (k + 1 < tokens.length) {
        const next = tokens[k + 1]!;
        if (next.start === current[current.length - 1]!.end && CLOSERS.has(next.text)) {
          current.push(next);
          k++;
        } else break;
      }
      const next = tokens[k + 1];
      if (!next || STARTS_SENTENCE.test(next.text)) flush();
    }
  }
  flush();
  return sentences;
}
