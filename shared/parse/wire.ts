import { titleCaseIfShouting } from './text-blocks';

export interface Dateline {
  place: string;
  /** ISO date, only when the dateline states the year. */
  date?: string;
}

/** "LONDON 1996-08-30" on a line of its own (Reuters RCV1 and CoNLL copy). */
export function separateDateline(line: string): Dateline | undefined {
  const m = line.match(/^(\p{Lu}[\p{Lu}\p{M} .,'’()-]{1,50}?)\s+(\d{4})-(\d{2})-(\d{2})$/u);
  if (!m) return undefined;
  const month = Number(m[3]);
  const day = Number(m[4]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return { place: titleCaseIfShouting(m[1]!.replace(/[,\s]+$/, '')), date: `${m[2]}-${m[3]}-${m[4]}` };
}

const upperWords = "\\p{Lu}[\\p{Lu}\\p{M}.'’-]*(?: \\p{Lu}[\\p{Lu}\\p{M}.'’-]*)*";
const inlinePattern = new RegExp(
  `^(${upperWords})(?:,\\s*(\\p{Lu}[\\p{L}.]+(?:\\s+\\p{Lu}[\\p{L}.]+)?))?` +
    `(?:,\\s*[A-Z][a-z]{2,8}\\.?\\s+\\d{1,2})?` +
    `\\s*(?:\\(([^)]{2,40})\\))?\\s*[-–—]{1,2}\\s+(?=\\S)`,
  'u',
);

/**
 * "WASHINGTON (Reuters) - …", "KYIV, Ukraine (AP) — …", "PARIS — …" at the start of the lede: the
 * place in capitals, an optional agency in brackets, a dash. The lede keeps its dateline in the body.
 */
export function inlineDateline(lede: string): (Dateline & { source?: string }) | undefined {
  // A dateline opens the lede: its first 300 characters hold it, and bound the pattern's backtracking.
  const m = lede.slice(0, 300).match(inlinePattern);
  if (!m) return undefined;
  const place = m[1]!;
  const source = m[3]?.trim();
  // A lone capitalised acronym before a dash ("NATO — the alliance …") is not a dateline.
  if (!source && !m[2] && place.replace(/[^\p{L}]/gu, '').length <= 4) return undefined;
  const dateline: Dateline & { source?: string } = { place: titleCaseIfShouting(place) };
  if (m[2]) dateline.place += `, ${m[2]}`;
  if (source) dateline.source = source;
  return dateline;
}
