import type { EntityType, Mention } from '../../article/schema';
import type { OutsideMention } from './mentions';

/** The mentions of one real thing, while an article is being resolved. */
export interface Cluster {
  type: EntityType;
  /** Body mentions of its name, in text order once sorted. */
  mentions: Mention[];
  /** Body mentions by description ("the prime minister"): counted, never aliases. */
  descriptions: Mention[];
  outside: OutsideMention[];
  /** Titles the text gives it, in the order found ("BA chairman", "prime minister"). */
  titles: string[];
  /** The first honorific written before it ("Mr"). */
  honorific?: string;
  gender?: 'female' | 'male';
  /** Folded keys (and for people, the folded forms) it answers to. */
  keys: Set<string>;
  /** For people: the distinct full names (two words or more), folded. */
  fullNames: string[];
  /** Forms that are aliases but never the name: a stage name's real name ("Shawn Carter" of Jay-Z). */
  aliasOnly: Set<string>;
}

export function newCluster(type: EntityType, key: string): Cluster {
  return {
    type,
    mentions: [],
    descriptions: [],
    outside: [],
    titles: [],
    keys: new Set([key]),
    fullNames: [],
    aliasOnly: new Set(),
  };
}

/** Moves everything `from` knows into `into`. */
export function absorb(into: Cluster, from: Cluster): void {
  // One by one: spreading an unbounded list into push's arguments can exhaust the stack.
  for (const m of from.mentions) into.mentions.push(m);
  for (const d of from.descriptions) into.descriptions.push(d);
  for (const o of from.outside) into.outside.push(o);
  for (const t of from.titles) if (!into.titles.includes(t)) into.titles.push(t);
  into.honorific ??= from.honorific;
  into.gender ??= from.gender;
  for (const k of from.keys) into.keys.add(k);
  for (const f of from.fullNames) if (!into.fullNames.includes(f)) into.fullNames.push(f);
  for (const a of from.aliasOnly) into.aliasOnly.add(a);
}

/** The last and first words of a folded name (single spaces between words). */
export function lastWord(folded: string): string {
  return folded.slice(folded.lastIndexOf(' ') + 1);
}

export function firstWord(folded: string): string {
  const space = folded.indexOf(' ');
  return space < 0 ? folded : folded.slice(0, space);
}
