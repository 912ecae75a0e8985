import { roleBefore } from './roles';
import type { PreparedMention } from './spans';

/**
 * A person's two-word name that a repair found in the body where a recognizer did not ("Charles
 * Williams" before "Mr Williams", 'Marion "Suge" Knight'), with the title written before it.
 */
export function addedPerson(body: string, start: number, end: number, folded: string): PreparedMention {
  const m: PreparedMention = { type: 'PERSON', start, end, text: body.slice(start, end), folded, length: 2 };
  const title = roleBefore(body, start);
  if (title) {
    m.title = title;
    m.role = title;
  }
  return m;
}

/** The mentions with the added people in place of whatever they overlap, in body order. */
export function withAddedPeople(prepared: PreparedMention[], added: PreparedMention[]): PreparedMention[] {
  if (added.length === 0) return prepared;
  const kept = prepared.filter((m) => !added.some((a) => m.start < a.end && a.start < m.end));
  return [...kept, ...added].sort((a, b) => a.start - b.start);
}
