import { describe, expect, it } from 'vitest';
import { articleHref, entityHref, href, parseRoute } from '../../web/src/route';
import { mentionsPerDay } from '../../web/src/timeline';
import { trendingWindow } from '../../web/src/trending-window';

describe('reading room routes', () => {
  it('reads each page and its query from the hash', () => {
    expect(parseRoute('')).toEqual({ page: 'home', query: {} });
    expect(parseRoute('#/?section=Business&from=2026-01-01&source=')).toEqual({
      page: 'home',
      query: { section: 'Business', from: '2026-01-01' },
    });
    expect(parseRoute('#/articles/abc123')).toEqual({ page: 'article', id: 'abc123', query: {} });
    expect(parseRoute('#/entities/per-volodymyr-zelenskyy?limit=2&cursor=x.y')).toEqual({
      page: 'entity',
      id: 'per-volodymyr-zelenskyy',
      query: { limit: '2', cursor: 'x.y' },
    });
    expect(parseRoute('#/trending?days=31&type=PERSON')).toEqual({
      page: 'trending',
      query: { days: '31', type: 'PERSON' },
    });
    expect(parseRoute('#/articles')).toMatchObject({ page: 'not-found', path: '/articles' });
  });

  it('writes hrefs that read back as the same page', () => {
    const cursor = 'eyJ2IjoxfQ.a+b/c=';
    const link = entityHref('loc-são-paulo', { cursor, limit: undefined });
    expect(parseRoute(link)).toEqual({ page: 'entity', id: 'loc-são-paulo', query: { cursor } });
    expect(parseRoute(articleHref('x1'))).toEqual({ page: 'article', id: 'x1', query: {} });
    expect(href('/', { section: '', source: 'AFP' })).toBe('#/?source=AFP');
  });
});

describe('timeline figures', () => {
  it('adds mentions per UTC day, oldest first', () => {
    expect(
      mentionsPerDay([
        { date: '2026-11-14T23:30:00.000Z', mentionCount: 2 },
        { date: '2026-11-10T01:00:00.000Z', mentionCount: 1 },
        { date: '2026-11-14T00:10:00.000Z', mentionCount: 3 },
        { date: 'not a date', mentionCount: 9 },
      ]),
    ).toEqual({ days: [Date.UTC(2026, 10, 10) / 1000, Date.UTC(2026, 10, 14) / 1000], mentions: [1, 5] });
  });
});

describe('trending window', () => {
  it('ends on the chosen day and spans the chosen number of days, 7 by default', () => {
    expect(trendingWindow({ days: '31', to: '2026-11-30' })).toEqual({
      days: 31,
      from: '2026-10-31',
      to: '2026-11-30',
    });
    expect(trendingWindow({ days: '5', to: 'soon' }, new Date('2026-12-01T15:00:00Z'))).toEqual({
      days: 7,
      from: '2026-11-25',
      to: '2026-12-01',
    });
  });
});
