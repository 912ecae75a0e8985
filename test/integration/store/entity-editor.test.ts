// biome-ignore-all lint/suspicious/noExplicitAny: snapshots are JSON asserted field by field
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArchiveReader } from '../../../shared/store/archive-reader';
import { ArticleWriter } from '../../../shared/store/article-writer';
import { CountRepair } from '../../../shared/store/count-repair';
import { EditRefused, EntityEditor } from '../../../shared/store/entity-editor';
import { keys } from '../../../shared/store/items';
import { startTestTable, type TestTable } from '../../../support/dynalite-table';
import {
  gordon,
  idOf,
  labour,
  london,
  mrBlair,
  type Named,
  namedArticle,
  snapshot,
  tony,
} from './entity-fixtures';

let t: TestTable;
let reader: ArchiveReader;
let editor: EntityEditor;
const writer = () => new ArticleWriter(t.db, t.table);

beforeEach(async () => {
  t = await startTestTable();
  reader = new ArchiveReader(t.db, t.table);
  editor = new EntityEditor(t.db, t.table);
});
afterEach(() => t.stop());

const tonyB: Named = { name: 'Anthony Blair', gender: 'male' };
const articlesOf = async (id: string) =>
  (await reader.entityArticles(id, { limit: 100 })).items.map((i) => i.articleId as string).sort();

async function store(...articles: ReturnType<typeof namedArticle>[]) {
  const w = writer();
  for (const a of articles) await w.write(a);
}

describe('merge', () => {
  const a1 = namedArticle('a1', 1, [tonyB, labour]);
  const a2 = namedArticle('a2', 2, [tonyB, london]);
  const t1 = namedArticle('t1', 3, [tony, labour]);

  it('moves articles, counts, trends, quotes and names to the survivor, and redirects the old id', async () => {
    await store(a1, a2, t1);
    const outcome = await editor.merge(idOf(tonyB), idOf(tony));
    expect(outcome).toEqual({ entityId: idOf(tony), articlesMoved: 2 });
    const state = (await snapshot(t, reader, [idOf(tony), idOf(tonyB)])) as Record<string, any>;
    expect(state[idOf(tony)]).toMatchObject({
      articles: ['a1', 'a2', 't1'],
      quotes: ['a1', 'a2', 't1'].map((a) => `${a}:${idOf(tony)}`),
      juneTrend: 3,
      entity: { articleCount: 3, mergedIds: [idOf(tonyB)], aliases: ['Anthony Blair'] },
    });
    expect(state[idOf(tonyB)]).toMatchObject({ articles: [], quotes: [], juneTrend: 0 });
    expect(await reader.entity(idOf(tonyB))).toEqual({ mergedInto: idOf(tony) });
    const search = await reader.searchEntities({ prefix: 'anthony', limit: 10 });
    expect(search.items.map((i) => i.id)).toEqual([idOf(tony)]);
    const related = await reader.related(idOf(labour), { limit: 10 });
    expect(related.items.map((i) => [i.id, i.articlesTogether])).toEqual([[idOf(tony), 2]]);
  });

  it('survives redelivery and a re-tag of every article, and is idempotent', async () => {
    await store(a1, a2, t1);
    await editor.merge(idOf(tonyB), idOf(tony));
    const merged = await snapshot(t, reader, [idOf(tony), idOf(tonyB)]);
    expect(await editor.merge(idOf(tonyB), idOf(tony))).toEqual({ entityId: idOf(tony), articlesMoved: 0 });
    const retag = new Date('2025-07-01T00:00:00Z');
    for (const a of [a1, a2, t1]) await writer().write(a, retag);
    await store(namedArticle('a3', 4, [tonyB]));
    expect(await articlesOf(idOf(tony))).toEqual(['a1', 'a2', 'a3', 't1']);
    expect(await articlesOf(idOf(tonyB))).toEqual([]);
    const after = (await snapshot(t, reader, [idOf(tony), idOf(tonyB)])) as Record<string, any>;
    expect(after[idOf(tonyB)]).toEqual((merged as Record<string, any>)[idOf(tonyB)]);
  });

  it('refuses what cannot be merged, with the reason', async () => {
    await store(a1, t1);
    await expect(editor.merge(idOf(tonyB), idOf(labour))).rejects.toThrow(
      /is a PERSON and .* a ORGANIZATION/,
    );
    await expect(editor.merge('per-nobody', idOf(tony))).rejects.toThrow(EditRefused);
    await expect(editor.merge(idOf(tony), idOf(tony))).rejects.toThrow(/already/);
  });
});

describe('split', () => {
  it('takes a linked "Mr Blair" article off Tony Blair, for good', async () => {
    const mr = namedArticle('mr', 2, [mrBlair, london, labour, gordon]);
    await store(namedArticle('full', 1, [tony, london, labour, gordon]), mr);
    expect(await articlesOf(idOf(tony))).toEqual(['full', 'mr']);
    expect(await editor.split(idOf(tony), ['mr'])).toEqual({ entityId: idOf(mrBlair), articlesMoved: 1 });
    expect(await articlesOf(idOf(tony))).toEqual(['full']);
    expect(await articlesOf(idOf(mrBlair))).toEqual(['mr']);
    const stored = await reader.article('mr');
    expect(stored?.entities.find((e) => e.id === idOf(mrBlair))?.link).toEqual({
      status: 'corrected',
      reason: `split from ${idOf(tony)} by an editor`,
    });
    await writer().write(mr, new Date('2025-07-01T00:00:00Z'));
    expect(await articlesOf(idOf(mrBlair))).toEqual(['mr']);
    expect(await reader.entity(idOf(tony))).toMatchObject({ articleCount: 1 });
  });

  it('splits into a new named entity, and refuses a split the tagger made impossible', async () => {
    await store(namedArticle('g1', 1, [gordon]), namedArticle('g2', 2, [gordon, labour]));
    await expect(editor.split(idOf(gordon), ['g2'])).rejects.toThrow(/give --into NAME/);
    await expect(editor.split(idOf(gordon), ['nope'])).rejects.toThrow(/no article nope/);
    const outcome = await editor.split(idOf(gordon), ['g2'], 'Gordon Brown (footballer)');
    expect(outcome.entityId).toBe('per-gordon-brown-footballer');
    expect(await articlesOf('per-gordon-brown-footballer')).toEqual(['g2']);
    expect(await reader.entity('per-gordon-brown-footballer')).toMatchObject({
      name: 'Gordon Brown (footballer)',
      articleCount: 1,
    });
    expect(await reader.entity(idOf(gordon))).toMatchObject({ articleCount: 1 });
  });
});

describe('rename', () => {
  it('shows the new name everywhere at once, keeps the old one searchable, and survives a re-tag', async () => {
    const g = namedArticle('g1', 1, [gordon, labour]);
    await store(g);
    await editor.rename(idOf(gordon), 'James Gordon Brown');
    const check = async () => {
      expect(await reader.entity(idOf(gordon))).toMatchObject({ name: 'James Gordon Brown' });
      const found = await reader.searchEntities({ prefix: 'james', limit: 5 });
      expect(found.items.map((i) => [i.id, i.name])).toEqual([[idOf(gordon), 'James Gordon Brown']]);
      const old = await reader.searchEntities({ prefix: 'gordon', limit: 5 });
      expect(old.items.map((i) => i.id)).toEqual([idOf(gordon)]);
      const trending = await reader.trending({ from: '2025-06-01', to: '2025-06-30', limit: 5 });
      expect(trending.find((i) => i.id === idOf(gordon))?.name).toBe('James Gordon Brown');
      const article = await reader.article('g1');
      expect(article?.entities.find((e) => e.id === idOf(gordon))?.resolvedName).toBe('James Gordon Brown');
    };
    await check();
    await writer().write(g, new Date('2025-07-01T00:00:00Z'));
    await check();
  });
});

describe('repair-counts', () => {
  it('puts back a count and trend counters a crash lost, and then finds nothing to fix', async () => {
    await store(namedArticle('g1', 1, [gordon]), namedArticle('g2', 2, [gordon, labour]));
    // A crash between the edge Put and its count updates: the edge is there, the +1s are not.
    await t.db.send(
      new UpdateCommand({
        TableName: t.table,
        Key: keys.entity(idOf(gordon)),
        UpdateExpression: 'ADD articleCount :minus',
        ExpressionAttributeValues: { ':minus': -1 },
      }),
    );
    for (const key of [
      keys.trendDay('2025-06-02', 'PERSON', idOf(gordon)),
      keys.trendMonth('2025-06-02', 'PERSON', idOf(gordon)),
    ])
      await t.db.send(
        new UpdateCommand({
          TableName: t.table,
          Key: key,
          UpdateExpression: 'ADD articles :minus',
          ExpressionAttributeValues: { ':minus': -1 },
        }),
      );
    const repair = new CountRepair(t.db, t.table);
    const report = await repair.run();
    expect(report.countsFixed).toEqual([{ id: idOf(gordon), was: 1, now: 2 }]);
    expect(report.trendsFixed).toBe(2);
    expect(await reader.entity(idOf(gordon))).toMatchObject({ articleCount: 2 });
    const day = await t.db.send(
      new GetCommand({ TableName: t.table, Key: keys.trendDay('2025-06-02', 'PERSON', idOf(gordon)) }),
    );
    expect(day.Item?.articles).toBe(1);
    const trending = await reader.trending({
      from: '2025-06-01',
      to: '2025-06-30',
      type: 'PERSON',
      limit: 5,
    });
    expect(trending).toEqual([{ id: idOf(gordon), type: 'PERSON', name: 'Gordon Brown', articles: 2 }]);
    const again = await repair.run();
    expect(again).toMatchObject({ countsFixed: [], trendsFixed: 0, mergesFinished: 0 });
    expect(again.entitiesChecked).toBe(report.entitiesChecked);
  });

  it('finishes a merge whose article moves were cut short', async () => {
    await store(namedArticle('a1', 1, [tonyB]), namedArticle('t1', 2, [tony]));
    await editor.merge(idOf(tonyB), idOf(tony));
    // An article stored by a writer that read the summary just before the redirect was written.
    await t.db.send(
      new UpdateCommand({
        TableName: t.table,
        Key: keys.entity(idOf(tonyB)),
        UpdateExpression: 'REMOVE mergedInto',
      }),
    );
    await store(namedArticle('a2', 3, [tonyB]));
    await t.db.send(
      new UpdateCommand({
        TableName: t.table,
        Key: keys.entity(idOf(tonyB)),
        UpdateExpression: 'SET mergedInto = :into',
        ExpressionAttributeValues: { ':into': idOf(tony) },
      }),
    );
    expect(await articlesOf(idOf(tonyB))).toEqual(['a2']);
    const report = await new CountRepair(t.db, t.table).run();
    expect(report.mergesFinished).toBe(1);
    expect(await articlesOf(idOf(tonyB))).toEqual([]);
    expect(await articlesOf(idOf(tony))).toEqual(['a1', 'a2', 't1']);
    expect(await reader.entity(idOf(tony))).toMatchObject({ articleCount: 3 });
  });
});
