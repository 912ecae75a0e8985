import { articleSk, keys } from './items';
import type { Key } from './paged-query';

/**
 * Date ranges as sort-key bounds, and the checks that a page position handed back by a client lies
 * inside the query it continues (its partition, its item type, its date range).
 */

/** A cursor position that does not belong to the query it was handed to. */
export class InvalidPosition extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidPosition';
  }
}

export interface DateRange {
  /** Inclusive UTC instants, ISO 8601. */
  from?: string;
  to?: string;
}

export interface TimelinePosition {
  /** The month bucket the next page starts in. */
  m: string;
  /** Where in that bucket; absent means its newest item. */
  k?: Key;
}

const articlePkPrefix = keys.articlePk('');

export function sortRange(range: DateRange): { ':from': string; ':to': string } {
  return { ':from': range.from ?? '0', ':to': range.to ? `${range.to}#~` : '~' };
}

export function within(sortKey: string, range: DateRange): boolean {
  const { ':from': from, ':to': to } = sortRange(range);
  return sortKey >= from && sortKey <= to;
}

export function checkShape(key: Key, attributes: readonly string[]): void {
  const names = Object.keys(key).sort();
  const wanted = [...attributes].sort();
  const ok =
    names.length === wanted.length &&
    names.every((n, i) => n === wanted[i] && typeof key[n] === 'string' && key[n]!.length <= 1024);
  if (!ok) throw new InvalidPosition('cursor key has the wrong shape');
}

export function checkTimelineKey(key: Key, index: string, partition: string, range: DateRange): void {
  checkShape(key, ['pk', 'sk', `${index}pk`, `${index}sk`]);
  if (key[`${index}pk`] !== partition || key.sk !== articleSk || !key.pk!.startsWith(articlePkPrefix)) {
    throw new InvalidPosition('cursor does not belong to this query');
  }
  if (!within(key[`${index}sk`]!, range)) throw new InvalidPosition('cursor is outside the date range');
}
