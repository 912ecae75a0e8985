import type { EntityType } from '../../article/schema';
import { B, I, L, OUTSIDE, positionOf, TYPES, typeOf, U } from './labels';
import type { Token } from './tokenize';

export interface TypedSpan {
  type: EntityType;
  start: number;
  end: number;
}

/** For each token, the index of the span covering it, or -1. */
export function spanOwners(spans: readonly TokenSpan[], tokenCount: number): Int32Array {
  const owner = new Int32Array(tokenCount).fill(-1);
  for (let k = 0; k < spans.length; k++) owner.fill(k, spans[k]!.first, spans[k]!.last + 1);
  return owner;
}

/** Whether tokens a and b (a before b) are written with exactly one space between them. */
export function oneSpaceApart(text: string, tokens: readonly Token[], a: number, b: number): boolean {
  return text.slice(tokens[a]!.end, tokens[b]!.start) === ' ';
}

/** An entity over tokens first..last (inclusive). */
export interface TokenSpan {
  type: EntityType;
  first: number;
  last: number;
}

/** Well-formed BILOU labels -> token spans; a span left open by an unexpected label is dropped. */
export function tokenSpans(labels: ArrayLike<number>): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let open = -1;
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i]!;
    if (y === OUTSIDE) {
      open = -1;
      continue;
    }
    const p = positionOf(y);
    const type = TYPES[typeOf(y)]!;
    if (p === U) spans.push({ type, first: i, last: i });
    else if (p === B) open = i;
    else if (p === L && open >= 0) {
      spans.push({ type, first: open, last: i });
      open = -1;
    } else if (p !== I) open = -1;
  }
  return spans;
}

/** Well-formed BILOU labels over tokens -> character spans. */
export function labelsToSpans(tokens: Token[], labels: ArrayLike<number>): TypedSpan[] {
  return tokenSpans(labels).map(({ type, first, last }) => ({
    type,
    start: tokens[first]!.start,
    end: tokens[last]!.end,
  }));
}

/** Character spans -> BILOU labels over tokens (a token belongs to a span it overlaps). */
export function spansToLabels(tokens: Token[], spans: TypedSpan[]): Int32Array {
  const labels = new Int32Array(tokens.length);
  let k = 0;
  for (const span of spans) {
    while (k < tokens.length && tokens[k]!.end <= span.start) k++;
    let last = k;
    while (last < tokens.length && tokens[last]!.start < span.end) last++;
    const t = TYPES.indexOf(span.type);
    const count = last - k;
    for (let j = k; j < last; j++) {
      const p = count === 1 ? U : j === k ? B : j === last - 1 ? L : I;
      labels[j] = 1 + t * 4 + p;
    }
    k = last;
  }
  return labels;
}
