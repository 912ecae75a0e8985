import { type ParsedResult, parse as parseDates } from 'chrono-node/en';
import type { DateMention } from '../article/schema';

// chrono is the slowest step of tagging when it reads the whole body; it only needs the sentences that
// can hold a date at all, which this finds cheaply.
const CANDIDATE =
  /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:today|tonight|yesterday|tomorrow|ago|noon|midnight|weekend)\b|\b(?:last|next|this|coming|previous|past)\s+(?:week|month|year|spring|summer|autumn|fall|winter|morning|afternoon|evening|night)\b/i;
const SENTENCE = /[^.!?\n]+(?:[.!?]+|\n|$)/g;

function offsetMinutes(iso: string | undefined): number {
  const m = iso ? /(?:([+-])(\d\d):?(\d\d)|Z)$/.exec(iso) : null;
  if (!m?.[1]) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** ISO 8601 at the precision the text gives: a year, a month, a day, or a moment. */
function isoValue(r: ParsedResult, zoneMinutes: number): string {
  const c = r.start;
  if (c.isCertain('hour')) {
    const shifted = new Date(c.date().getTime() + zoneMinutes * 60_000);
    const sign = zoneMinutes < 0 ? '-' : '+';
    const zone =
      zoneMinutes === 0
        ? 'Z'
        : `${sign}${pad(Math.floor(Math.abs(zoneMinutes) / 60))}:${pad(Math.abs(zoneMinutes) % 60)}`;
    return `${shifted.toISOString().slice(0, 19)}${zone}`;
  }
  const year = `${pad(c.get('year') ?? 0, 4)}`;
  if (!c.isCertain('day') && !c.isCertain('weekday')) {
    if (c.isCertain('month')) return `${year}-${pad(c.get('month') ?? 1)}`;
    if (c.isCertain('year')) return year;
  }
  return `${year}-${pad(c.get('month') ?? 1)}-${pad(c.get('day') ?? 1)}`;
}

/**
 * Dates and times in text, normalised to ISO 8601 relative to the publication time (with its zone).
 * Without a publication time only dates that name their own year are kept ("on Sunday" means nothing
 * alone) unless `relative` asks for every date span, as the `articles entities` contract does.
 */
export function findDates(text: string, publishedAt?: string, relative = false): DateMention[] {
  const instant = publishedAt ? new Date(publishedAt) : undefined;
  const zoneMinutes = offsetMinutes(publishedAt);
  const reference = { instant: instant ?? new Date(0), timezone: zoneMinutes };
  const out: DateMention[] = [];
  for (const sentence of text.matchAll(SENTENCE)) {
    if (!CANDIDATE.test(sentence[0])) continue;
    for (const r of parseDates(sentence[0], reference)) {
      if (/^(?:now|right now)$/i.test(r.text)) continue;
      if (!instant && !relative && !r.start.isCertain('year')) continue;
      const start = sentence.index + r.index;
      out.push({ text: r.text, start, end: start + r.text.length, value: isoValue(r, zoneMinutes) });
    }
  }
  return out;
}
