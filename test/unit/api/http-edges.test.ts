import { describe, expect, it } from 'vitest';
import { CursorCodec } from '../../../shared/api/cursor';
import { listArticlesQuery, trendingQuery } from '../../../shared/api/params';
import { createApi } from '../../../shared/api/router';
import { fakeReads } from '../../../support/fake-reads';

/** Edges of the read API found by an adversarial run (issue 11, item 11). */
describe('query numbers', () => {
  it('accept decimal digits only', () => {
    expect(listArticlesQuery.safeParse({ limit: '10' })).toMatchObject({
      success: true,
      data: { limit: 10 },
    });
    for (const limit of ['1e1', '0x10', '0b11', '0o7', ' 10', '+5', '10 ', '', 'Infinity']) {
      expect(listArticlesQuery.safeParse({ limit }).success, limit).toBe(false);
    }
  });
});

describe('the default /trending window', () => {
  const trendingReader = fakeReads('not read by /trending', {
    trending: async () => [{ id: 'per-ada', type: 'PERSON', name: 'Ada', articles: 3 }],
  });

  it('is whole days, so the same request reads the same window', async () => {
    const first = trendingQuery.parse({});
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(trendingQuery.parse({})).toEqual(first);
    expect(first.to).toMatch(/T23:59:59\.999Z$/);
    expect(first.from).toMatch(/T00:00:00\.000Z$/);
  });

  it('answers the same ETag twice, and 304 to it', async () => {
    const api = createApi({ reader: trendingReader, cursors: new CursorCodec('k') });
    const request = { method: 'GET', path: '/trending', query: {}, headers: {} };
    const first = await api(request);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await api(request);
    expect(first.statusCode).toBe(200);
    expect(second.headers.etag).toBe(first.headers.etag);
    const again = await api({ ...request, headers: { 'if-none-match': first.headers.etag } });
    expect(again.statusCode).toBe(304);
  });
});
