import { describe, expect, it } from 'vitest';
import { resolveTime } from '../../../shared/parse/dates';

describe('publication times', () => {
  it.each([
    ['2019-11-19T10:00:00-05:00', '2019-11-19T10:00:00-05:00', false],
    ['2019-11-19T15:00:00.123Z', '2019-11-19T15:00:00.123Z', false],
    ['20021203T070000Z', '2002-12-03T07:00:00Z', false],
    ['Mon, 15 Dec 2025 14:46:00 GMT', '2025-12-15T14:46:00Z', false],
    ['Dec. 3, 2024 5:10 p.m. ET', '2024-12-03T17:10:00-05:00', false],
    ['July 3, 2024 5:10 PM ET', '2024-07-03T17:10:00-04:00', false],
    ['November 19, 2019 at 10:04 am EST', '2019-11-19T10:04:00-05:00', false],
    ['15 December 2025, 02:46 PM', '2025-12-15T14:46:00Z', true],
    ['2019-11-19 10:00:00', '2019-11-19T10:00:00Z', true],
  ])('reads %s', (raw, iso, assumed) => {
    expect(resolveTime(raw)).toEqual({ iso, assumedZone: assumed });
  });

  it('keeps a calendar day without a time as a date, with no zone to assume', () => {
    expect(resolveTime('19 Nov 2019')).toEqual({ iso: '2019-11-19', assumedZone: false });
    expect(resolveTime('2019-11-19')).toEqual({ iso: '2019-11-19', assumedZone: false });
  });

  it('uses the default zone with its daylight saving offset', () => {
    expect(resolveTime('15 July 2025, 02:46 PM', 'Europe/London')?.iso).toBe('2025-07-15T14:46:00+01:00');
    expect(resolveTime('15 January 2025, 02:46 PM', 'Europe/London')?.iso).toBe('2025-01-15T14:46:00Z');
    expect(resolveTime('1 March 2026, 11:00 PM', 'Asia/Kolkata')?.iso).toBe('2026-03-01T23:00:00+05:30');
  });

  it('guesses nothing: relative, partial and impossible dates are absent', () => {
    for (const raw of [
      'yesterday',
      '3 hours ago',
      'Tuesday',
      'March 5',
      '31 February 2026',
      '2026-13-01',
      '',
    ])
      expect(resolveTime(raw)).toBeUndefined();
  });

  it('falls back to UTC for an unknown default zone rather than failing', () => {
    expect(resolveTime('2026-01-01 12:00', 'Not/AZone')).toEqual({
      iso: '2026-01-01T12:00:00Z',
      assumedZone: true,
    });
  });
});
