import { describe, expect, it } from 'vitest';
import { listArticlesQuery, searchEntitiesQuery, trendingQuery } from '../../../shared/api/params';

describe('query validation', () => {
  it('reads dates as whole UTC days and date-times in UTC', () => {
    expect(listArticlesQuery.parse({ from: '2025-03-01', to: '2025-03-02' })).toMatchObject({
      from: '2025-03-01T00:00:00.000Z',
      to: '2025-03-02T23:59:59.999Z',
      limit: 20,
    });
    expect(listArticlesQuery.parse({ from: '2025-03-01T10:00:00+02:00' }).from).toBe(
      '2025-03-01T08:00:00.000Z',
    );
  });

  it('refuses dates that do not exist and date-times without a zone', () => {
    expect(listArticlesQuery.safeParse({ from: '2025-02-29' }).success).toBe(false);
    expect(listArticlesQuery.safeParse({ from: '2024-02-29' }).success).toBe(true);
    expect(listArticlesQuery.safeParse({ from: '2025-03-01T10:00:00' }).success).toBe(false);
  });

  it('bounds the page size', () => {
    expect(listArticlesQuery.safeParse({ limit: '100' }).success).toBe(true);
    expect(listArticlesQuery.safeParse({ limit: '101' }).success).toBe(false);
    expect(listArticlesQuery.safeParse({ limit: '1.5' }).success).toBe(false);
  });

  it('needs two letters of prefix after folding and reads types case-insensitively', () => {
    expect(searchEntitiesQuery.safeParse({ prefix: ' é ' }).success).toBe(false);
    expect(searchEntitiesQuery.parse({ prefix: 'Zé', type: 'person' })).toMatchObject({ type: 'PERSON' });
  });

  it('defaults the trending window to the last seven days and caps it at a year', () => {
    const parsed = trendingQuery.parse({ to: '2025-03-31' });
    expect(parsed.from).toBe('2025-03-25T00:00:00.000Z');
    expect(trendingQuery.safeParse({ from: '2025-03-01', to: '2025-04-01' }).success).toBe(true);
    expect(trendingQuery.safeParse({ from: '2024-01-01', to: '2024-12-31' }).success).toBe(true);
    expect(trendingQuery.safeParse({ from: '2024-01-01', to: '2025-01-01' }).success).toBe(false);
  });
});
