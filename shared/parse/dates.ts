import { strict as chrono } from 'chrono-node/en';

/** A publication time as ISO 8601: with the source's offset, or in the default zone and flagged. */
export interface ResolvedTime {
  iso: string;
  /** True when the source gave no zone and the configured default zone was applied. */
  assumedZone: boolean;
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  millisecond?: number;
  /** Minutes east of UTC, when the source states it. */
  offset?: number;
  /** IANA zone implied by a zone name such as ET or CEST-less "Eastern Time". */
  zone?: string;
}

const months: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** Zone abbreviations a news site prints; fixed ones become offsets, ambiguous ones (IST, CST in Asia) are left out. */
const fixedZones: Record<string, number> = {
  z: 0,
  utc: 0,
  gmt: 0,
  ut: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  akst: -540,
  akdt: -480,
  hst: -600,
  bst: 60,
  cet: 60,
  cest: 120,
  eet: 120,
  eest: 180,
  wet: 0,
  west: 60,
  msk: 180,
  jst: 540,
  kst: 540,
  aest: 600,
  aedt: 660,
  acst: 570,
  awst: 480,
  nzst: 720,
  nzdt: 780,
  sgt: 480,
  hkt: 480,
  pkt: 300,
  bdt: 360,
  npt: 345,
  wib: 420,
};
const namedZones: Record<string, string> = {
  et: 'America/New_York',
  ct: 'America/Chicago',
  mt: 'America/Denver',
  pt: 'America/Los_Angeles',
};

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

function formatOffset(minutes: number): string {
  if (minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.trunc(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

const formatters = new Map<string, Intl.DateTimeFormat | undefined>();

function formatterFor(zone: string): Intl.DateTimeFormat | undefined {
  if (!formatters.has(zone)) {
    try {
      formatters.set(
        zone,
        new Intl.DateTimeFormat('en-US', {
          timeZone: zone,
          hourCycle: 'h23',
          year: 'numeric',
          month: 'numeric',
          day: 'numeric',
          hour: 'numeric',
          minute: 'numeric',
          second: 'numeric',
        }),
      );
    } catch {
      formatters.set(zone, undefined);
    }
  }
  return formatters.get(zone);
}

/** Minutes east of UTC of `zone` at the instant `utcMillis`. */
function zoneOffsetAt(zone: string, utcMillis: number): number {
  const formatter = formatterFor(zone);
  if (!formatter) return 0;
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(utcMillis))) parts[part.type] = Number(part.value);
  const asUtc = Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
    parts.second!,
  );
  return Math.round((asUtc - Math.floor(utcMillis / 1000) * 1000) / 60_000);
}

/** The offset a wall-clock time has in `zone` (two passes settle it across DST changes). */
function wallTimeOffset(zone: string, wall: WallTime): number {
  const asUtc = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour ?? 0,
    wall.minute ?? 0,
    wall.second ?? 0,
  );
  const first = zoneOffsetAt(zone, asUtc);
  return zoneOffsetAt(zone, asUtc - first * 60_000);
}

function validWall(wall: WallTime): boolean {
  const { year, month, day, hour = 0, minute = 0, second = 0 } = wall;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59)
    return false;
  if (second > 60) return false;
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCDate() === day;
}

function format(wall: WallTime, defaultZone: string): ResolvedTime | undefined {
  if (!validWall(wall)) return undefined;
  const date = `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
  // A date without a time is a calendar day: it has no zone to assume.
  if (wall.hour === undefined) return { iso: date, assumedZone: false };
  const ms = wall.millisecond ? `.${pad(wall.millisecond, 3)}` : '';
  const time = `${pad(wall.hour)}:${pad(wall.minute ?? 0)}:${pad(wall.second ?? 0)}${ms}`;
  if (wall.offset !== undefined)
    return { iso: `${date}T${time}${formatOffset(wall.offset)}`, assumedZone: false };
  const zone = wall.zone ?? defaultZone;
  const offset = wallTimeOffset(zone, wall);
  return { iso: `${date}T${time}${formatOffset(offset)}`, assumedZone: wall.zone === undefined };
}

const isoPattern =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

function parseOffset(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (t in fixedZones) return fixedZones[t];
  const m = t.match(/^(?:gmt|utc)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

function parseIso(text: string): WallTime | undefined {
  const m = text.match(isoPattern);
  if (!m) return undefined;
  const wall: WallTime = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (m[4] !== undefined) {
    wall.hour = Number(m[4]);
    wall.minute = Number(m[5]);
    wall.second = m[6] ? Number(m[6]) : 0;
    if (m[7]) wall.millisecond = Math.round(Number(`0.${m[7]}`) * 1000) % 1000;
    if (m[8]) wall.offset = parseOffset(m[8]);
  }
  return wall;
}

const monthName = '(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\\.?';
const timePart =
  '(?:[,\\s]+(?:at\\s+)?(\\d{1,2})[:.](\\d{2})(?::(\\d{2}))?\\s*([ap])?\\.?\\s*m?\\.?)?(?:\\s*\\(?([a-z]{1,5}(?:\\s*[+-]\\d{1,2}(?::?\\d{2})?)?|[+-]\\d{2}:?\\d{2})\\)?)?';
const dayMonthYear = new RegExp(
  `^(?:[a-z]+,?\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+${monthName},?\\s+(\\d{4})${timePart}$`,
  'i',
);
const monthDayYear = new RegExp(
  `^(?:[a-z]+,?\\s+)?${monthName}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${timePart}$`,
  'i',
);

function applyTime(wall: WallTime, m: RegExpMatchArray, from: number): WallTime | undefined {
  const [hour, minute, second, meridiem, zone] = m.slice(from, from + 5);
  if (hour !== undefined) {
    let h = Number(hour);
    if (meridiem) {
      if (h < 1 || h > 12) return undefined;
      h = (h % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
    }
    wall.hour = h;
    wall.minute = Number(minute);
    wall.second = second ? Number(second) : 0;
  }
  if (zone && wall.hour !== undefined) {
    const key = zone.toLowerCase();
    if (key in namedZones) wall.zone = namedZones[key];
    else {
      const offset = parseOffset(zone);
      if (offset === undefined) return wall;
      wall.offset = offset;
    }
  }
  return wall;
}

function parseWritten(text: string): WallTime | undefined {
  let m = text.match(dayMonthYear);
  if (m) {
    const month = months[m[2]!.toLowerCase().slice(0, 3)];
    if (!month) return undefined;
    return applyTime({ year: Number(m[3]), month, day: Number(m[1]) }, m, 4);
  }
  m = text.match(monthDayYear);
  if (m) {
    const month = months[m[1]!.toLowerCase().slice(0, 3)];
    if (!month) return undefined;
    return applyTime({ year: Number(m[3]), month, day: Number(m[2]) }, m, 4);
  }
  return undefined;
}

/** Anything else a person might write; only accepted when chrono is certain of the calendar day. */
function parseWithChrono(text: string): WallTime | undefined {
  const result = chrono.parse(text, new Date(Date.UTC(2000, 0, 1)))[0];
  if (!result) return undefined;
  const c = result.start;
  // Relative phrases ("3 hours ago") are certain only relative to the reference day, which is no source.
  if (!/\b\d{4}\b/.test(result.text)) return undefined;
  // A date inside a sentence is not a timestamp line.
  if (result.text.length < text.length * 0.6) return undefined;
  if (!c.isCertain('year') || !c.isCertain('month') || !c.isCertain('day')) return undefined;
  const wall: WallTime = { year: c.get('year')!, month: c.get('month')!, day: c.get('day')! };
  if (c.isCertain('hour')) {
    wall.hour = c.get('hour')!;
    wall.minute = c.get('minute') ?? 0;
    wall.second = c.get('second') ?? 0;
    if (c.isCertain('timezoneOffset')) wall.offset = c.get('timezoneOffset') ?? undefined;
  }
  return wall;
}

/**
 * Reads a publication time as a source prints it (ISO 8601, "15 December 2025, 02:46 PM",
 * "Dec. 3, 2024 5:10 p.m. ET", RFC 2822, ...). Returns undefined rather than guessing a day.
 */
export function resolveTime(raw: string | undefined, defaultZone = 'UTC'): ResolvedTime | undefined {
  if (!raw) return undefined;
  const text = raw.replace(/\s+/g, ' ').trim();
  if (text.length < 6 || text.length > 120) return undefined;
  const wall =
    parseIso(text) ??
    parseWritten(text) ??
    parseRfc2822(text) ??
    parseTimeFirst(text) ??
    parseWithChrono(text);
  return wall ? format(wall, defaultZone) : undefined;
}

/** "Fri 6:45 PM, Feb 16, 2018" and "11:04 AM ET, Tue November 19, 2019": the time before the day. */
function parseTimeFirst(text: string): WallTime | undefined {
  const m = text.match(
    /^(?:[a-z]{3,9}\.?,?\s+)?(\d{1,2})[:.](\d{2})\s*(?:([ap])\.?\s*m\.?)?\s*([a-z]{2,5})?\s*,?\s+(.+)$/i,
  );
  if (!m) return undefined;
  const day = parseWritten(m[5]!);
  if (!day || day.hour !== undefined) return undefined;
  const hourMatch = ['', m[1], m[2], undefined, m[3], m[4]] as unknown as RegExpMatchArray;
  return applyTime(day, hourMatch, 1);
}

function parseRfc2822(text: string): WallTime | undefined {
  const m = text.match(
    /^(?:[a-z]{3},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*([a-z]{1,5}|[+-]\d{4})?$/i,
  );
  if (!m) return undefined;
  const month = months[m[2]!.toLowerCase()];
  if (!month) return undefined;
  const wall: WallTime = {
    year: Number(m[3]),
    month,
    day: Number(m[1]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6] ?? 0),
  };
  if (m[7]) wall.offset = parseOffset(m[7]);
  return wall;
}
