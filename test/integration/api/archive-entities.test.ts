// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are JSON asserted field by field
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeFor } from '../../../shared/api/router';
import { ArticleWriter } from '../../../shared/store/article-writer';
import { EntityEditor } from '../../../shared/store/entity-editor';
import { type ApiHandler, apiHandlerFor, httpEvent, lambdaContext } from '../../../support/api-events';
import { startTestTable, type TestTable } from '../../../support/dynalite-table';
import {
  commons,
  gordon,
  idOf,
  labour,
  london,
  mrBlair,
  type Named,
  namedArticle,
  tony,
} from '../store/entity-fixtures';

let t: TestTable;
let handler: ApiHandler;
const tonyB: Named = { name: 'Anthony Blair', gender: 'male' };
const blairite: Named = { name: 'Blairite Society', type: 'ORGANIZATION' };

beforeAll(async () => {
  t = await startTestTable();
  const writer = new ArticleWriter(t.db, t.table);
  // "Mr Blair" first, the full name after: the archive links them whichever comes first.
  for (const a of [
    namedArticle('mr1', 2, [mrBlair, london, gordon, labour]),
    namedArticle('mr2', 3, [mrBlair, labour, commons], { undated: true }),
    namedArticle('tb1', 1, [tony, labour, gordon, commons]),
    namedArticle('tb2', 4, [tony, gordon]),
    namedArticle('ab1', 5, [tonyB, gordon]),
    namedArticle('soc', 6, [blairite]),
  ])
    await writer.write(a);
  await new EntityEditor(t.db, t.table).merge(idOf(tonyB), idOf(tony));
  handler = apiHandlerFor(t.db, t.table, 'test-secret');
});
afterAll(() => t?.stop());

async function get(path: string, query: Record<string, string> = {}) {
  const response = await handler(httpEvent('GET', path, query), lambdaContext);
  const text = response.body ?? '';
  if (response.statusCode === 200) routeFor('GET', path)!.response.parse(JSON.parse(text));
  return {
    status: response.statusCode,
    headers: (response.headers ?? {}) as Record<string, string>,
    body: text ? JSON.parse(text) : undefined,
  };
}

describe('one entity across the archive, through the API', () => {
  it('lists Tony Blair first for prefix=blair, ranked by articles, without the merged id', async () => {
    const { body } = await get('/entities', { prefix: 'blair' });
    expect(body.items.map((i: any) => [i.id, i.articleCount])).toEqual([
      [idOf(tony), 5],
      [idOf(blairite), 1],
    ]);
  });

  it('includes the "Mr Blair" articles in his articles, the undated one flagged dateAssumed', async () => {
    const { body } = await get(`/entities/${idOf(tony)}/articles`);
    expect(body.items.map((i: any) => i.id).sort()).toEqual(['ab1', 'mr1', 'mr2', 'tb1', 'tb2']);
    const undated = body.items.find((i: any) => i.id === 'mr2');
    expect(undated.dateAssumed).toBe(true);
    expect(body.items.filter((i: any) => i.dateAssumed)).toHaveLength(1);
    const quotes = await get(`/entities/${idOf(tony)}/quotes`);
    expect(quotes.body.items.map((q: any) => q.articleId).sort()).toEqual([
      'ab1',
      'mr1',
      'mr2',
      'tb1',
      'tb2',
    ]);
    expect(quotes.body.items.every((q: any) => q.speakerId === idOf(tony))).toBe(true);
    const listed = await get('/articles', { limit: '100' });
    expect(listed.body.items.find((i: any) => i.id === 'mr2').dateAssumed).toBe(true);
    expect(listed.body.items.find((i: any) => i.id === 'mr1').dateAssumed).toBe(false);
  });

  it('shows one entity per person on the article, with how it was linked', async () => {
    const { body } = await get('/articles/mr1');
    const blair = body.entities.find((e: any) => e.id === idOf(tony));
    expect(blair).toMatchObject({
      name: 'Tony Blair',
      taggedIds: [idOf(mrBlair)],
      link: { status: 'linked' },
      gender: 'male',
      role: 'Mr',
    });
    expect(blair.aliases).toContain('Blair');
    expect(body.quotes[0].speakerId).toBe(idOf(tony));
  });

  it('never lists the entity itself, its aliases or merged ids as related', async () => {
    const { body } = await get(`/entities/${idOf(gordon)}/related`);
    expect(body.items.map((i: any) => [i.id, i.articlesTogether])).toEqual([
      [idOf(tony), 4],
      [idOf(labour), 2],
      [idOf(london), 1],
      [idOf(commons), 1],
    ]);
    const his = await get(`/entities/${idOf(tony)}/related`);
    const ids = his.body.items.map((i: any) => i.id);
    expect(ids).not.toContain(idOf(tony));
    expect(ids).not.toContain(idOf(tonyB));
    expect(ids).not.toContain(idOf(mrBlair));
    expect(ids.sort()).toEqual([idOf(commons), idOf(gordon), idOf(labour), idOf(london)].sort());
  });

  it.each(['', '/articles', '/related', '/quotes'])(
    'answers 301 with the survivor for a merged id%s',
    async (suffix) => {
      const answer = await get(`/entities/${idOf(tonyB)}${suffix}`, suffix ? { limit: '5' } : {});
      expect(answer.status).toBe(301);
      expect(answer.headers.location).toBe(`/entities/${idOf(tony)}${suffix}${suffix ? '?limit=5' : ''}`);
      expect(answer.body).toBeUndefined();
    },
  );

  it('counts a year of trending from the rollups, names from the summaries', async () => {
    const { body } = await get('/trending', { from: '2025-01-01', to: '2025-12-31', type: 'PERSON' });
    expect(body.items[0]).toEqual({ id: idOf(tony), type: 'PERSON', name: 'Tony Blair', articles: 5 });
  });
});
