import type { EntityType } from '../../article/schema';

/**
 * BILOU labels: 0 is O, then for each type B, I, L, U. Decoding only allows well-formed sequences, so a
 * span always closes with L and a one-token entity is U.
 */
export const TYPES: readonly EntityType[] = ['PERSON', 'ORGANIZATION', 'LOCATION', 'MISC'];
export const B = 0;
export const I = 1;
export const L = 2;
export const U = 3;
export const LABEL_COUNT = 1 + TYPES.length * 4;
export const OUTSIDE = 0;

export function label(typeIndex: number, position: number): number {
  return 1 + typeIndex * 4 + position;
}

export function typeOf(labelId: number): number {
  return labelId === 0 ? -1 : (labelId - 1) >> 2;
}

export function positionOf(labelId: number): number {
  return labelId === 0 ? -1 : (labelId - 1) & 3;
}

/** Whether `next` may follow `previous` (the label before the first token is O). */
export function allowed(previous: number, next: number): boolean {
  const pp = positionOf(previous);
  const np = positionOf(next);
  const inside = pp === B || pp === I;
  if (inside) return (np === I || np === L) && typeOf(previous) === typeOf(next);
  return next === OUTSIDE || np === B || np === U;
}

/** ALLOWED[previous * LABEL_COUNT + next]. */
export const ALLOWED: Uint8Array = (() => {
  const table = new Uint8Array(LABEL_COUNT * LABEL_COUNT);
  for (let p = 0; p < LABEL_COUNT; p++) {
    for (let n = 0; n < LABEL_COUNT; n++) table[p * LABEL_COUNT + n] = allowed(p, n) ? 1 : 0;
  }
  return table;
})();

/** Whether a sequence may end after `last`. */
export function canEnd(last: number): boolean {
  const p = positionOf(last);
  return p !== B && p !== I;
}
