// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are JSON asserted field by field
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CursorCodec, cursorScope } from '../../../shared/api/cursor';
import { routeFor } from '../../../shared/api/router';
import type { TaggedArticle } from '../../../shared/article/schema';
import { ArticleWriter } from '../../../shared/store/article-writer';
import { keys } from '../../../shared/store/items';
import { mapLimit } from '../../../shared/store/map-limit';
import { type ApiHandler, apiHandlerFor, httpEvent, lambdaContext } from '../../../support/api-events';
import { startTestTable, type TestTable } from '../../../support/dynalite-table';
import { syntheticCorpus } from '../../../support/synthetic-corpus';

const secret = 'test-cursor-secret';
let t: TestTable;
let handler: ApiHandler;
let corpus: TaggedArticle[];

beforeAll(async () => {
  t = await startTestTable();
  corpus = syntheticCorpus({
    count: 240,
    seed: 7,
    start: '2025-01-01T00:00:00Z',
    days: 200,
    undatedEvery: 17,
  });
  const writer = new ArticleWriter(t.db, t.table);
  await mapLimit(corpus, 4, (a) => writer.write(a));
  handler = apiHandlerFor(t.db, t.table, secret);
});
afterAll(() => t?.stop());

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: any;
}

async function get(path: string, query: Record<string, string> = {}, headers: Record<string, string> = {}) {
  return call('GET', path, query, headers);
}

async function call(
  method: string,
  path: string,
  query: Record<string, string> = {},
  headers = {},
): Promise<Answer> {
  const response = await handler(httpEvent(method, path, query, headers), lambdaContext);
  const text = response.body ?? '';
  if (response.statusCode === 200) {
    // Every answer must be what the OpenAPI document says it is.
    const route = routeFor(method, path);
    expect(route, `${method} ${path}`).toBeDefined();
    route!.response.parse(JSON.parse(text));
  }
  return {
    status: response.statusCode ?? 0,
    headers: (response.headers ?? {}) as Record<string, string>,
    body: text ? JSON.parse(text) : undefined,
  };
}

/** Follows nextCursor to the end; every page must be full except the last. */
async function walk(path: string, query: Record<string, string>, limit: number) {
  const items: any[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const answer = await get(path, { ...query, limit: String(limit), ...(cursor ? { cursor } : {}) });
    expect(answer.status).toBe(200);
    expect(answer.body.items.length).toBeLessThanOrEqual(limit);
    if (answer.body.nextCursor) expect(answer.body.items).toHaveLength(limit);
    for (const item of answer.body.items) items.push(item);
    cursor = answer.body.nextCursor;
    pages++;
  } while (cursor);
  return { items, pages };
}

const dateOf = (a: TaggedArticle) =>
  new Date(a.publishedAt ?? a.origin.revision.split('#')[0]!).toISOString();
const newestFirst = (a: TaggedArticle, b: TaggedArticle) => {
  const ka = `${dateOf(a)}#${a.id}`;
  const kb = `${dateOf(b)}#${b.id}`;
  return ka < kb ? 1 : ka > kb ? -1 : 0;
};
const mentions = (a: TaggedArticle, entityId: string) => a.entities.some((e) => e.id === entityId);
const zelenskyy = 'per-volodymyr-zelenskyy';

function expectProblem(answer: Answer, status: number) {
  expect(answer.status).toBe(status);
  expect(answer.headers['content-type']).toBe('application/problem+json');
  expect(answer.body).toMatchObject({
    status,
    type: expect.stringMatching(/^urn:/),
    title: expect.any(String),
  });
}

describe('GET /articles', () => {
  it('walks every article exactly once, newest first', async () => {
    const { items, pages } = await walk('/articles', {}, 7);
    expect(items.map((i) => i.id)).toEqual([...corpus].sort(newestFirst).map((a) => a.id));
    expect(pages).toBeGreaterThan(30);
  });

  it.each([
    [{ section: 'World' }, (a: TaggedArticle) => a.section === 'World'],
    [{ source: 'al jazeera' }, (a: TaggedArticle) => a.source === 'Al Jazeera'],
    [
      { section: 'business', source: 'Reuters' },
      (a: TaggedArticle) => a.section === 'Business' && a.source === 'Reuters',
    ],
    [
      { from: '2025-03-10', to: '2025-05-20' },
      (a: TaggedArticle) => dateOf(a) >= '2025-03-10' && dateOf(a) < '2025-05-21',
    ],
    [
      { from: '2025-02-01T00:00:00Z', to: '2025-04-15T12:00:00+02:00', section: 'Sport' },
      (a: TaggedArticle) =>
        a.section === 'Sport' && dateOf(a) >= '2025-02-01' && dateOf(a) <= '2025-04-15T10:00:00.000Z',
    ],
  ])('walks a filtered list %j exactly once, in order', async (query, keep) => {
    const expected = corpus
      .filter(keep)
      .sort(newestFirst)
      .map((a) => a.id);
    expect(expected.length).toBeGreaterThan(5);
    const { items } = await walk('/articles', query as Record<string, string>, 4);
    expect(items.map((i) => i.id)).toEqual(expected);
  });

  it('returns summaries, not bodies', async () => {
    const answer = await get('/articles', { limit: '1' });
    expect(Object.keys(answer.body.items[0]).sort()).toEqual(
      expect.arrayContaining(['id', 'title', 'date', 'section', 'source', 'authors']),
    );
    expect(answer.body.items[0].body).toBeUndefined();
  });
});

describe('GET /articles/{id}', () => {
  it('returns the article with body, entities with mentions, and quotes', async () => {
    const a = corpus.find((x) => x.quotes.length > 0)!;
    const answer = await get(`/articles/${a.id}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      id: a.id,
      title: a.title,
      body: a.body,
      section: a.section,
      source: a.source,
    });
    expect(answer.body.entities.map((e: any) => e.id).sort()).toEqual(a.entities.map((e) => e.id).sort());
    const first = answer.body.entities.find((e: any) => e.id === a.entities[0]!.id);
    expect(first.mentions).toEqual(a.entities[0]!.mentions);
    expect(a.body.slice(first.mentions[0].start, first.mentions[0].end)).toBe(a.entities[0]!.name);
    expect(answer.body.quotes).toEqual(a.quotes);
    expect(answer.body.pk).toBeUndefined();
  });

  it('answers 404 problem+json for an unknown id', async () => {
    expectProblem(await get('/articles/doesnotexist00'), 404);
  });
});

describe('GET /entities/{id} and its lists', () => {
  it('returns the entity with its article count and first and last appearance', async () => {
    const dates = corpus
      .filter((a) => mentions(a, zelenskyy))
      .map(dateOf)
      .sort();
    const answer = await get(`/entities/${zelenskyy}`);
    expect(answer.body).toEqual({
      id: zelenskyy,
      type: 'PERSON',
      name: 'Volodymyr Zelenskyy',
      aliases: ['Zelensky'],
      articleCount: dates.length,
      firstSeen: dates[0],
      lastSeen: dates.at(-1),
    });
  });

  it('walks the articles that mention an entity exactly once, newest first', async () => {
    const expected = corpus
      .filter((a) => mentions(a, zelenskyy))
      .sort(newestFirst)
      .map((a) => a.id);
    const { items } = await walk(`/entities/${zelenskyy}/articles`, {}, 6);
    expect(items.map((i) => i.id)).toEqual(expected);
  });

  it('filters an entity timeline by date', async () => {
    const keep = (a: TaggedArticle) =>
      mentions(a, 'loc-kyiv') && dateOf(a) >= '2025-02-01' && dateOf(a) < '2025-06-01';
    const { items } = await walk('/entities/loc-kyiv/articles', { from: '2025-02-01', to: '2025-05-31' }, 5);
    expect(items.map((i) => i.id)).toEqual(
      corpus
        .filter(keep)
        .sort(newestFirst)
        .map((a) => a.id),
    );
  });

  it('walks the quotes of a speaker exactly once, newest first', async () => {
    const expected = corpus
      .filter((a) => a.quotes.some((q) => q.speakerId === zelenskyy))
      .sort(newestFirst)
      .map((a) => a.id);
    expect(expected.length).toBeGreaterThan(3);
    const { items } = await walk(`/entities/${zelenskyy}/quotes`, {}, 3);
    expect(items.map((i) => i.articleId)).toEqual(expected);
    expect(items[0]).toMatchObject({ speakerId: zelenskyy, text: expect.stringContaining('agreement') });
  });

  it('ranks the entities that share most articles with an entity', async () => {
    const together = new Map<string, number>();
    for (const a of corpus.filter((x) => mentions(x, zelenskyy))) {
      for (const e of a.entities) if (e.id !== zelenskyy) together.set(e.id, (together.get(e.id) ?? 0) + 1);
    }
    const expected = [...together].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 5);
    const answer = await get(`/entities/${zelenskyy}/related`, { limit: '5' });
    expect(answer.body.items.map((i: any) => [i.id, i.articlesTogether])).toEqual(expected);
    expect(answer.body.items[0].name).toEqual(expect.any(String));
  });

  it.each(['', '/articles', '/related', '/quotes'])('answers 404 for an unknown entity%s', async (suffix) => {
    expectProblem(await get(`/entities/per-nobody-at-all${suffix}`), 404);
  });
});

describe('GET /entities?prefix', () => {
  it('finds Volodymyr Zelenskyy by "zel", by any word, and walks the matches once', async () => {
    const { items } = await walk('/entities', { prefix: 'zel' }, 1);
    // Zelenskyy matches by two words ("zelensky", "zelenskyy") and is listed once, at the first.
    expect(items.map((i) => [i.matched, i.id]).sort()).toEqual([
      ['zelda hart', 'per-zelda-hart'],
      ['zelensky', zelenskyy],
    ]);
    const byFirstName = await get('/entities', { prefix: 'Volodymyr Zel' });
    expect(byFirstName.body.items.map((i: any) => i.name)).toEqual(['Volodymyr Zelenskyy']);
  });

  it('ranks the matches by their number of articles, then by name, across pages', async () => {
    const articlesOf = (id: string) => corpus.filter((a) => mentions(a, id)).length;
    const { items } = await walk('/entities', { prefix: 'ka' }, 1);
    expect(items.length).toBeGreaterThan(1);
    for (const item of items) expect(item.articleCount).toBe(articlesOf(item.id));
    const expected = [...items].sort(
      (a, b) => b.articleCount - a.articleCount || a.name.localeCompare(b.name),
    );
    expect(items.map((i) => i.id)).toEqual(expected.map((i) => i.id));
  });

  it('filters by type and folds diacritics', async () => {
    const orgs = await walk('/entities', { prefix: 'ze', type: 'organization' }, 2);
    expect(orgs.items.map((i) => i.id)).toEqual(['org-zenith-motors']);
    const erdogan = await get('/entities', { prefix: 'erdoğ' });
    expect(erdogan.body.items.map((i: any) => i.id)).toContain('per-recep-tayyip-erdogan');
  });
});

describe('GET /trending', () => {
  it('ranks the entities mentioned in the most articles of the window', async () => {
    const inWindow = corpus.filter((a) => dateOf(a) >= '2025-03-01' && dateOf(a) < '2025-03-15');
    const counts = new Map<string, number>();
    for (const a of inWindow) for (const e of a.entities) counts.set(e.id, (counts.get(e.id) ?? 0) + 1);
    const expected = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 8);
    const answer = await get('/trending', { from: '2025-03-01', to: '2025-03-14', limit: '8' });
    expect(answer.body.items.map((i: any) => [i.id, i.articles])).toEqual(expected);
  });

  it('filters by type and refuses a window over a year', async () => {
    const people = await get('/trending', { from: '2025-03-01', to: '2025-03-14', type: 'PERSON' });
    expect(people.body.items.length).toBeGreaterThan(0);
    expect(people.body.items.every((i: any) => i.type === 'PERSON')).toBe(true);
    expectProblem(await get('/trending', { from: '2025-01-01', to: '2026-01-02' }), 400);
  });

  it.each([
    ['2025-01-01', '2025-12-31'],
    ['2025-01-17', '2025-06-09'],
    ['2024-12-20', '2025-02-28'],
  ])('counts a long window %s to %s from whole-month rollups and part months', async (from, to) => {
    const inWindow = corpus.filter((a) => dateOf(a) >= from && dateOf(a) < `${to}T24`);
    const counts = new Map<string, number>();
    for (const a of inWindow) for (const e of a.entities) counts.set(e.id, (counts.get(e.id) ?? 0) + 1);
    const expected = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 30);
    const answer = await get('/trending', { from, to, limit: '30' });
    expect(answer.status).toBe(200);
    expect(answer.body.items.map((i: any) => [i.id, i.articles])).toEqual(expected);
  });
});

describe('cursors', () => {
  async function firstCursor(query: Record<string, string>, path = '/articles') {
    const answer = await get(path, { ...query, limit: '3' });
    return answer.body.nextCursor as string;
  }

  it('refuses an edited cursor with 400 problem+json', async () => {
    const cursor = await firstCursor({});
    const [payload, signature] = cursor.split('.');
    const position = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    position.p.m = '2025-01';
    const edited = `${Buffer.from(JSON.stringify(position)).toString('base64url')}.${signature}`;
    expectProblem(await get('/articles', { cursor: edited }), 400);
    expectProblem(await get('/articles', { cursor: `${cursor.slice(0, -2)}xx` }), 400);
    expectProblem(await get('/articles', { cursor: 'not-a-cursor' }), 400);
  });

  it('refuses a cursor issued for other filters', async () => {
    const cursor = await firstCursor({ section: 'World' });
    expectProblem(await get('/articles', { section: 'Sport', cursor }), 400);
    const entityCursor = await firstCursor({}, `/entities/${zelenskyy}/articles`);
    expectProblem(await get('/entities/loc-kyiv/articles', { cursor: entityCursor }), 400);
  });

  it('refuses a signed position that points outside its query', async () => {
    // Even with the signing key, a position must lie in the query's own partition and range.
    const codec = new CursorCodec(secret);
    const scope = cursorScope('listEntityArticles', { id: zelenskyy }, { limit: 3 });
    const foreign = keys.entityArticlesPk('loc-kyiv');
    const cursor = codec.encode(scope, {
      pk: 'ART#x',
      sk: 'EDGE#loc-kyiv',
      gsi1pk: foreign,
      gsi1sk: '2025-01-01',
    });
    expectProblem(await get(`/entities/${zelenskyy}/articles`, { cursor }), 400);
  });

  it('lets the page size change between pages', async () => {
    const cursor = await firstCursor({});
    const answer = await get('/articles', { cursor, limit: '10' });
    expect(answer.status).toBe(200);
    expect(answer.body.items).toHaveLength(10);
  });
});

describe('HTTP behaviour', () => {
  it('answers 304 to a matching If-None-Match and 200 otherwise', async () => {
    const path = `/articles/${corpus[0]!.id}`;
    const first = await get(path);
    const etag = first.headers.etag!;
    expect(etag).toMatch(/^".+"$/);
    const again = await get(path, {}, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body).toBeUndefined();
    expect(again.headers.etag).toBe(etag);
    expect((await get(path, {}, { 'if-none-match': '"other"' })).status).toBe(200);
    expect(
      (
        await get(
          '/articles',
          { limit: '2' },
          { 'if-none-match': `W/${(await get('/articles', { limit: '2' })).headers.etag}` },
        )
      ).status,
    ).toBe(304);
  });

  it('sends CORS headers on answers and problems, and leaves preflight to API Gateway', async () => {
    expect((await get('/articles', { limit: '1' })).headers['access-control-allow-origin']).toBe('*');
    expect((await get('/articles/nope0')).headers['access-control-allow-origin']).toBe('*');
    // API Gateway answers OPTIONS from the HTTP API's corsPreflight; one reaching the function is refused.
    expectProblem(await call('OPTIONS', '/articles'), 405);
  });

  it.each([
    [{ limit: '0' }],
    [{ limit: '101' }],
    [{ limit: 'ten' }],
    [{ from: 'yesterday' }],
    [{ from: '2025-02-30' }],
    [{ from: '2025-05-01', to: '2025-04-01' }],
    [{ unknown: 'x' }],
  ])('refuses invalid query %j with 400 and says which input', async (query) => {
    const answer = await get('/articles', query);
    expectProblem(answer, 400);
    expect(answer.body.errors?.length ?? 0).toBeGreaterThan(0);
  });

  it('refuses a prefix shorter than two letters and an unknown type', async () => {
    expectProblem(await get('/entities', { prefix: 'z' }), 400);
    expectProblem(await get('/entities', { prefix: 'zel', type: 'planet' }), 400);
  });

  it('answers 404 for an unknown path and 405 for another method', async () => {
    expectProblem(await get('/nothing/here'), 404);
    expectProblem(await call('POST', '/articles'), 405);
  });

  it('serves an OpenAPI 3.1 document with every route', async () => {
    const answer = await get('/openapi.json');
    expect(answer.body.openapi).toBe('3.1.0');
    expect(Object.keys(answer.body.paths)).toContain('/entities/{id}/articles');
  });
});
