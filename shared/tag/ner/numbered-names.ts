import type { DocumentFeatures } from './document-features';
import type { TokenSpan } from './spans';
import type { Token } from './tokenize';

const SMALL_NUMBER = /^\d{1,2}$/;

/**
 * A stage name that opens with a number ("50 Cent") is one name: the model takes "Cent" alone as a
 * person. Only where the name is written at least twice and every time after the same number, so a count
 * before a name ("20 Jonesboro ministers", "12 Oscar nominations") stays out.
 */
export function numberedNames(spans: TokenSpan[], tokens: Token[], doc: DocumentFeatures): TokenSpan[] {
  // Most articles have no one-word person right after a small number: nothing to count then.
  const afterNumber = (i: number) =>
    i > 0 && SMALL_NUMBER.test(tokens[i - 1]!.text) && tokens[i]!.start === tokens[i - 1]!.end + 1;
  if (!spans.some((s) => s.type === 'PERSON' && s.last === s.first && afterNumber(s.first))) return spans;
  const numbered = new Map<number, boolean>();
  const occurrences = new Map<number, number>();
  for (let i = 0; i < tokens.length; i++) {
    const w = doc.word[i]!;
    occurrences.set(w, (occurrences.get(w) ?? 0) + 1);
    const number = afterNumber(i);
    const before = number ? tokens[i - 1]!.text : '';
    const seen = numbered.get(w);
    numbered.set(w, seen === undefined ? number : seen && number && sameNumber(tokens, doc, i, before));
  }
  for (const span of spans) {
    const i = span.first;
    if (span.type !== 'PERSON' || span.last !== i || i === 0) continue;
    const w = doc.word[i]!;
    if (numbered.get(w) && (occurrences.get(w) ?? 0) >= 2) span.first = i - 1;
  }
  return spans;
}

/** Whether the number before token `i` is the one before the first occurrence of the same word. */
function sameNumber(tokens: Token[], doc: DocumentFeatures, i: number, number: string): boolean {
  const w = doc.word[i]!;
  for (let j = 1; j < i; j++) if (doc.word[j] === w) return tokens[j - 1]!.text === number;
  return false;
}
