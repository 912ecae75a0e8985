import { describe, expect, it } from 'vitest';
import { dateAnchor } from '../../../shared/tag/date-anchor';
import { findDateSpans, findDates } from '../../../shared/tag/dates';

describe('findDates', () => {
  const text =
    'The talks on Sunday ended. A deal signed on March 3, 2024 at 5pm expires in December 2026. Now then.';
  const published = { instant: '2025-12-15T14:46:00+02:00', kind: 'published' } as const;

  it('normalises to ISO 8601 relative to the anchor, at the precision the text gives', () => {
    const dates = findDates(text, published);
    expect(dates.map((d) => [d.text, d.value, d.anchor])).toEqual([
      ['on Sunday', '2025-12-14', 'published'],
      ['March 3, 2024 at 5pm', '2024-03-03T17:00:00+02:00', undefined],
      ['December 2026', '2026-12', undefined],
    ]);
    for (const d of dates) expect(text.slice(d.start, d.end)).toBe(d.text);
  });

  it('drops relative dates without an anchor instead of resolving them against the epoch', () => {
    const news =
      'Profits rose last year and will rise next month, the firm said on Friday. In March 2005 too.';
    const dates = findDates(news);
    expect(dates.map((d) => [d.text, d.value])).toEqual([['March 2005', '2005-03']]);
    expect(findDates(text).map((d) => d.text)).toEqual(['March 3, 2024 at 5pm', 'December 2026']);
  });

  it('anchors "last year" and "next month" to the upload time, flagged as such', () => {
    const news = 'Profits rose last year and will rise next month.';
    const dates = findDates(news, { instant: '2005-02-10T09:00:00.000Z', kind: 'uploaded' });
    expect(dates.map((d) => [d.text, d.value, d.anchor])).toEqual([
      ['last year', '2004', 'uploaded'],
      ['next month', '2005-03', 'uploaded'],
    ]);
    for (const d of dates) expect(Number(d.value.slice(0, 4))).toBeGreaterThan(1971);
  });

  it('reads no time into a range of numbers', () => {
    const news = 'Payrolls rose from 96,000 to 133,000 in January 2005.';
    expect(findDates(news, published).map((d) => d.text)).toEqual(['January 2005']);
  });

  it('lists every date span for the entities contract, relative or not', () => {
    expect(findDateSpans(text).map((d) => d.text)).toEqual([
      'on Sunday',
      'March 3, 2024 at 5pm',
      'December 2026',
    ]);
  });
});

describe('dateAnchor', () => {
  const origin = { revision: '2005-02-10T09:00:00.000Z#000000000000000000000000000000A1' };

  it('prefers the publication time, then the upload time in the revision, else none', () => {
    expect(dateAnchor({ publishedAt: '2005-02-09T08:00:00Z', origin })).toEqual({
      instant: '2005-02-09T08:00:00Z',
      kind: 'published',
    });
    expect(dateAnchor({ origin })).toEqual({ instant: '2005-02-10T09:00:00.000Z', kind: 'uploaded' });
    expect(dateAnchor({ origin: { revision: 'garbage' } })).toBeUndefined();
  });
});
