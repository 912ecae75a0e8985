import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleRecord, itemBytes, sortDateOf, writeVersion } from '../../../shared/store/article-record';
import { cast, castId, syntheticArticle } from '../../../support/synthetic-corpus';

const [zelenskyy, leyen, nato] = [cast[0]!, cast[1]!, cast.find((m) => m.name === 'NATO')!];
const base = syntheticArticle({
  id: 'a1',
  revision: '2025-06-01T10:00:00.000Z#00000000000000000000000000000001',
  publishedAt: '2025-06-01T01:30:00-04:00',
  section: 'World News',
  source: 'Al Jazeera',
  members: [zelenskyy, leyen, nato],
  quoteBy: zelenskyy,
});

describe('articleRecord', () => {
  it('places the article in the month bucket of its UTC publication time, per facet', () => {
    const record = articleRecord(base);
    expect(record.article.sortDate).toBe('2025-06-01T05:30:00.000Z');
    expect(record.article.gsi1pk).toBe('TL#ALL#2025-06');
    expect(record.article.gsi2pk).toBe('TL#SECTION#world-news#2025-06');
    expect(record.article.gsi3pk).toBe('TL#SOURCE#al-jazeera#2025-06');
    expect(record.facets).toHaveLength(3);
  });

  it('has no section or source index entry for an article without them', () => {
    const record = articleRecord({ ...base, section: undefined, source: undefined });
    expect(record.article.gsi2pk).toBeUndefined();
    expect(record.article.gsi3pk).toBeUndefined();
    expect(record.facets).toEqual([{ kind: 'all' }]);
  });

  it('dates an article without publication time at its upload and says so', () => {
    expect(sortDateOf({ publishedAt: undefined, origin: base.origin })).toEqual({
      sortDate: '2025-06-01T10:00:00.000Z',
      assumed: true,
    });
    expect(sortDateOf({ publishedAt: 'not a date', origin: base.origin }).assumed).toBe(true);
  });

  it('writes one edge per entity with the other entities as co-entities, and quote items only for known speakers', () => {
    const record = articleRecord({
      ...base,
      quotes: [...base.quotes, { text: 'anonymous', start: 0, end: 9 }],
    });
    expect(record.edges.map((e) => e.entityId)).toEqual([zelenskyy, leyen, nato].map(castId));
    const edge = record.edges[0]!;
    expect(edge.coEntities).toEqual([castId(leyen), castId(nato)]);
    expect(edge.gsi1pk).toBe(`ENT#${castId(zelenskyy)}`);
    expect(record.quotes).toHaveLength(1);
    expect(record.quotes[0]!.gsi1pk).toBe(`SPK#${castId(zelenskyy)}`);
    expect(record.article.quotes).toHaveLength(2);
  });

  it('merges an entity listed twice into one edge', () => {
    const twice = {
      ...base,
      entities: [...base.entities, { ...base.entities[0]!, aliases: ['Zelensky', 'Z'] }],
    };
    const record = articleRecord(twice);
    expect(record.edges).toHaveLength(3);
    const merged = record.article.entities.find((e) => e.id === castId(zelenskyy))!;
    expect(merged.mentionCount).toBe(2);
    expect(merged.aliases.sort()).toEqual(['Z', 'Zelensky']);
  });

  it('orders versions by revision first, then by tagging time', () => {
    const later = {
      origin: { ...base.origin, revision: '2025-06-02T00:00:00.000Z#00000000000000000000000000000000' },
    };
    expect(writeVersion(later) > writeVersion(base, new Date('2030-01-01'))).toBe(true);
    expect(writeVersion(base, new Date('2025-06-02')) > writeVersion(base, new Date('2025-06-01'))).toBe(
      true,
    );
    expect(writeVersion(base, new Date('2025-06-01')) > writeVersion(base)).toBe(true);
  });

  it('keeps every article item under the size limit, trimming the body only when it must', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 600_000 }),
        fc.constantFrom('a', 'é', '日本', '🙂'),
        (length, unit) => {
          const body = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
          const { article } = articleRecord({ ...base, body });
          expect(itemBytes(article)).toBeLessThanOrEqual(350_000);
          expect(body.startsWith(article.body)).toBe(true);
          expect(article.bodyTruncated).toBe(article.body.length < body.length);
          expect(article.bodyLength).toBe(body.length);
        },
      ),
      { numRuns: 40 },
    );
  });
});
