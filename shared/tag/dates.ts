import { type ParsedResult, parse as parseDates } from 'chrono-node/en';
import type { DateMention } from '../article/schema';

// chrono is the slowest step of tagging when it reads the whole body; it only needs the sentences that
// can hold a date at all, which this finds cheaply.
const CANDIDATE =
  /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:today|tonight|yesterday|tomorrow|ago|noon|midnight|weekend)\b|\b(?:last|next|this|coming|previous|past)\s+(?:week|month|year|spring|summer|autumn|fall|winter|morning|afternoon|evening|night)\b/i;
const SENTENCE = /[^.!?\n]+(?:[.!?]+|\n|$)/g;
const CANDIDATES = new RegExp(CANDIDATE.source, 'gi');
// Enough words either side of a cue for chrono to read "on Sunday", "December 19, 2023 at 5pm".
const REACH = 32;

/** Stretches of text around date cues, within one sentence, cut at spaces and merged where they touch. */
function candidateWindows(text: string): [number, number][] {
  const windows: [number, number][] = [];
  for (const sentence of text.matchAll(SENTENCE)) {
    const s0 = sentence.index;
    const s1 = s0 + sentence[0].length;
    for (const cue of sentence[0].matchAll(CANDIDATES)) {
      let from = Math.max(s0, s0 + cue.index - REACH);
      let to = Math.min(s1, s0 + cue.index + cue[0].length + REACH);
      while (from > s0 && !/\s/.test(text[from - 1]!)) from--;
      while (to < s1 && !/\s/.test(text[to]!)) to++;
      const last = windows[windows.length - 1];
      if (last && from <= last[1]) last[1] = Math.max(last[1], to);
      else windows.push([from, to]);
    }
  }
  return windows;
}

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
  for (const [from, to] of candidateWindows(text)) {
    for (const r of parseDates(text.slice(from, to), reference)) {
      if (/^(?:now|right now)$/i.test(r.text)) continue;
      if (!instant && !relative && !r.start.isCertain('year')) continue;
      const start = from + r.index;
      out.push({ text: r.text, start, end: start + r.text.length, value: isoValue(r, zoneMinutes) });
    }
  }
  return out;
}
