import { describe, expect, it } from 'vitest';
import { findDates } from '../../../shared/tag/dates';

describe('findDates', () => {
  const text =
    'The talks on Sunday ended. A deal signed on March 3, 2024 at 5pm expires in December 2026. Now then.';

  it('normalises to ISO 8601 relative to the publication time, at the precision the text gives', () => {
    const dates = findDates(text, '2025-12-15T14:46:00+02:00');
    expect(dates.map((d) => [d.text, d.value])).toEqual([
      ['on Sunday', '2025-12-14'],
      ['March 3, 2024 at 5pm', '2024-03-03T17:00:00+02:00'],
      ['December 2026', '2026-12'],
    ]);
    for (const d of dates) expect(text.slice(d.start, d.end)).toBe(d.text);
  });

  it('keeps only self-contained dates without a publication time, unless asked for every span', () => {
    expect(findDates(text).map((d) => d.text)).toEqual(['March 3, 2024 at 5pm', 'December 2026']);
    expect(findDates(text, undefined, true).map((d) => d.text)).toEqual([
      'on Sunday',
      'March 3, 2024 at 5pm',
      'December 2026',
    ]);
  });
});
