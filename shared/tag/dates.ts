import { type ParsedResult, parse as parseDates } from 'chrono-node/en';
import type { DateMention } from '../article/schema';
import type { DateAnchor } from './date-anchor';

// chrono is the slowest step of tagging when it reads the whole body; it only needs the sentences that
// can hold a date at all, which this finds cheaply.
// Case matters: "May", "March" and "Sunday" name dates when capitalised; "may", "march" and "market" do not.
const CANDIDATE = new RegExp(
  [
    String.raw`\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b`,
    String.raw`\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b`,
    String.raw`\b(?:[Tt]oday|[Tt]onight|[Yy]esterday|[Tt]omorrow|ago|noon|midnight|weekend)\b`,
    String.raw`\b(?:[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|[Pp]revious|[Pp]ast)\s+(?:week|month|year|spring|summer|autumn|fall|winter|morning|afternoon|evening|night)\b`,
    String.raw`\b\d{1,2}(?::\d\d|\s?(?:am|pm|a\.m\.|p\.m\.))`,
    String.raw`\b\d{1,4}[/-]\d{1,2}[/-]\d{1,4}\b`,
  ].join('|'),
);
/** [.!?\n], by character code: these scans run per character around every cue. */
const endsSentence = (c: number) => c === 46 || c === 33 || c === 63 || c === 10;
/** What /\s/ matches, by character code. */
const isSpace = (c: number) =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;
const SEPARATOR = ' ¶¶ ';
const NUMBER_RANGE = /^[\d\s,.]+(?:to|and|-|–)[\d\s,.]+$/;
const CANDIDATES = new RegExp(CANDIDATE.source, 'g');
// Enough words either side of a cue for chrono to read "on Sunday", "December 19, 2023 at 5pm".
const REACH = 32;

/** Stretches of text around date cues, within one sentence, cut at spaces and merged where they touch. */
function candidateWindows(text: string): [number, number][] {
  const windows: [number, number][] = [];
  for (const cue of text.matchAll(CANDIDATES)) {
    const at = cue.index;
    const cueEnd = at + cue[0].length;
    let from = at;
    const floor = Math.max(0, at - REACH);
    while (from > floor && !endsSentence(text.charCodeAt(from - 1))) from--;
    let to = cueEnd;
    const ceiling = Math.min(text.length, cueEnd + REACH);
    while (to < ceiling && !endsSentence(text.charCodeAt(to))) to++;
    // Whole words only: step back or on to the nearest space inside the sentence.
    while (
      from > 0 &&
      from < at &&
      !isSpace(text.charCodeAt(from - 1)) &&
      !endsSentence(text.charCodeAt(from - 1))
    )
      from++;
    while (
      to < text.length &&
      to > cueEnd &&
      !isSpace(text.charCodeAt(to)) &&
      !endsSentence(text.charCodeAt(to))
    )
      to--;
    const last = windows[windows.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else windows.push([from, to]);
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

// A date that writes its own year ("March 2005", "12/03/2004") needs no anchor; "last year", "on
// Sunday" and "31 December" do, even where chrono marks the year it inferred as certain.
const OWN_YEAR = /\b(?:1\d{3}|2\d{3})\b|\b\d{1,2}[/-]\d{1,2}[/-]\d{2}\b/;

/**
 * Dates and times in text, normalised to ISO 8601. Relative dates are resolved against `anchor` and
 * say so; without an anchor they are dropped: nothing is ever resolved against the epoch.
 */
export function findDates(text: string, anchor?: DateAnchor): DateMention[] {
  return scan(text, anchor).flatMap(({ result, start, text: found }) => {
    const relative = !OWN_YEAR.test(result.text);
    if (relative && !anchor) return [];
    const zone = offsetMinutes(anchor?.instant);
    const mention: DateMention = {
      text: found,
      start,
      end: start + found.length,
      value: isoValue(result, zone),
    };
    if (relative && anchor) mention.anchor = anchor.kind;
    return [mention];
  });
}

/** Every date span in text, relative or not, without values: the `articles entities` contract. */
export function findDateSpans(text: string): { text: string; start: number; end: number }[] {
  return scan(text, undefined).map(({ text: found, start }) => ({
    text: found,
    start,
    end: start + found.length,
  }));
}

interface Found {
  result: ParsedResult;
  start: number;
  text: string;
}

function scan(text: string, anchor: DateAnchor | undefined): Found[] {
  // Without an anchor the reference only helps chrono read the spans; findDates drops what it resolves.
  const reference = {
    instant: anchor ? new Date(anchor.instant) : new Date(),
    timezone: offsetMinutes(anchor?.instant),
  };
  const out: Found[] = [];
  // One chrono call over all windows (its cost is mostly per call), joined by a separator no date
  // pattern reads across; a result that would span one is dropped.
  const windows = candidateWindows(text);
  if (windows.length === 0) return out;
  const starts: number[] = [];
  let joined = '';
  for (const [from, to] of windows) {
    if (joined.length > 0) joined += SEPARATOR;
    starts.push(joined.length);
    joined += text.slice(from, to);
  }
  let w = 0;
  for (const r of parseDates(joined, reference)) {
    while (w + 1 < starts.length && starts[w + 1]! <= r.index) w++;
    const [from, to] = windows[w]!;
    const start = from + r.index - starts[w]!;
    if (r.index < starts[w]! || start + r.text.trimEnd().length > to) continue;
    if (/^(?:now|right now)$/i.test(r.text)) continue;
    // "from 96,000 to 133,000": a range of numbers that chrono reads as hours.
    if (NUMBER_RANGE.test(r.text)) continue;
    // chrono's weekday pattern swallows a following comma or bracket.
    const trimmed = r.text.replace(/[\s,;:)）]+$/u, '');
    out.push({ result: r, start, text: trimmed });
  }
  return out;
}
