import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaggedArticle } from '../../../shared/article/schema';
import { ArchiveReader } from '../../../shared/store/archive-reader';
import { ArticleWriter } from '../../../shared/store/article-writer';
import { keys } from '../../../shared/store/items';
import { startTestTable, type TestTable } from '../../../support/dynalite-table';
import { cast, castId, revisionAt, syntheticArticle } from '../../../support/synthetic-corpus';

let t: TestTable;
let writer: ArticleWriter;
let reader: ArchiveReader;

beforeAll(async () => {
  t = await startTestTable();
  writer = new ArticleWriter(t.db, t.table);
  reader = new ArchiveReader(t.db, t.table);
});
afterAll(() => t.stop());

const [zelenskyy, leyen, erdogan, kallas] = cast;
const [nato] = cast.filter((m) => m.type === 'ORGANIZATION');

function revision(day: number): string {
  return revisionAt(new Date(Date.UTC(2025, 5, day, 12)), day);
}

async function partition(articleId: string) {
  const { Items } = await t.db.send(
    new QueryCommand({
      TableName: t.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.articlePk(articleId) },
      ConsistentRead: true,
    }),
  );
  return Items ?? [];
}

async function articleCount(entityId: string): Promise<number | undefined> {
  const { Item } = await t.db.send(
    new GetCommand({ TableName: t.table, Key: keys.entity(entityId), ConsistentRead: true }),
  );
  return Item?.articleCount as number | undefined;
}

async function trendCount(day: string, member: (typeof cast)[number]): Promise<number> {
  const { Item } = await t.db.send(
    new GetCommand({
      TableName: t.table,
      Key: keys.trendDay(day, member.type, castId(member)),
      ConsistentRead: true,
    }),
  );
  return Number(Item?.articles ?? 0);
}

function article(id: string, rev: string, members: typeof cast, extra: Partial<TaggedArticle> = {}) {
  return {
    ...syntheticArticle({
      id,
      revision: rev,
      publishedAt: '2025-06-01T09:00:00.000Z',
      section: 'World',
      source: 'Reuters',
      members,
      quoteBy: members.find((m) => m.type === 'PERSON'),
      title: `${id} at ${rev.slice(0, 10)}`,
    }),
    ...extra,
  };
}

describe('ArticleWriter', () => {
  it('stores the same article delivered three times once, with unchanged counts', async () => {
    const a = article('same3x', revision(1), [zelenskyy!, nato!]);
    const outcomes = [await writer.write(a), await writer.write(a), await writer.write(a)];
    expect(outcomes.map((o) => o.status)).toEqual(['stored', 'unchanged', 'unchanged']);
    const items = await partition('same3x');
    expect(items.map((i) => i.sk).sort()).toEqual(
      ['ARTICLE', `EDGE#${castId(nato!)}`, `EDGE#${castId(zelenskyy!)}`, 'QUOTE#0000'].sort(),
    );
    const seen = await reader.entityArticles(castId(zelenskyy!), { limit: 100 });
    expect(seen.items.filter((i) => i.articleId === 'same3x')).toHaveLength(1);
    expect(await trendCount('2025-06-01', nato!)).toBe(1);
  });

  it('counts each article once when the same delivery runs concurrently', async () => {
    const before = await articleCount(castId(kallas!));
    const a = article('concurrent', revision(2), [kallas!, leyen!]);
    const outcomes = await Promise.all([writer.write(a), writer.write(a), writer.write(a)]);
    expect(outcomes.reduce((sum, o) => sum + o.edgesAdded, 0)).toBe(2);
    expect(await articleCount(castId(kallas!))).toBe((before ?? 0) + 1);
  });

  it('keeps the newest revision when an older one arrives after it', async () => {
    const older = article('ordering', revision(3), [zelenskyy!, erdogan!]);
    const newer = article('ordering', revision(4), [zelenskyy!, leyen!]);
    const counts = async () =>
      Promise.all([zelenskyy!, erdogan!, leyen!].map((m) => articleCount(castId(m))));
    await writer.write(newer);
    const afterNewer = await counts();
    const outcome = await writer.write(older);
    expect(outcome.status).toBe('superseded');
    expect((await reader.article('ordering'))?.title).toBe(newer.title);
    expect(await counts()).toEqual(afterNewer);
    const edges = (await partition('ordering')).filter((i) => i.kind === 'edge').map((i) => i.entityId);
    expect(edges.sort()).toEqual([castId(leyen!), castId(zelenskyy!)].sort());
  });

  it('converges on the newest revision when revisions arrive concurrently in any order', async () => {
    const revisions = [5, 6, 7].map((day, i) =>
      article('racing', revision(day), i === 2 ? [nato!] : [erdogan!, kallas!, leyen!].slice(i)),
    );
    const before = await articleCount(castId(nato!));
    await Promise.all(
      [revisions[2]!, revisions[0]!, revisions[1]!, revisions[0]!].map((a) => writer.write(a)),
    );
    const items = await partition('racing');
    expect(items.find((i) => i.kind === 'article')?.revision).toBe(revisions[2]!.origin.revision);
    expect(items.filter((i) => i.kind === 'edge').map((i) => i.entityId)).toEqual([castId(nato!)]);
    expect(await articleCount(castId(nato!))).toBe((before ?? 0) + 1);
  });

  it('lets a slow older writer change nothing once a newer revision is stored', async () => {
    // The older writer reads "nothing newer stored", then stalls while the newer revision is written.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let stalled = false;
    const slowDb = {
      send: async (command: unknown) => {
        const result = await t.db.send(command as GetCommand);
        if (!stalled && command instanceof GetCommand) {
          stalled = true;
          await gate;
        }
        return result;
      },
    } as unknown as DynamoDBDocumentClient;
    const slowWriter = new ArticleWriter(slowDb, t.table);
    const counts = async () =>
      Promise.all([zelenskyy!, erdogan!, kallas!].map((m) => articleCount(castId(m))));
    const before = await counts();

    const older = article('slow', revision(16), [zelenskyy!, erdogan!]);
    const newer = article('slow', revision(17), [zelenskyy!, kallas!]);
    const slow = slowWriter.write(older);
    await writer.write(newer);
    release();
    expect((await slow).status).toBe('superseded');

    const items = await partition('slow');
    expect(items.find((i) => i.kind === 'article')?.title).toBe(newer.title);
    const edges = items.filter((i) => i.kind === 'edge');
    expect(edges.map((e) => e.entityId).sort()).toEqual([castId(kallas!), castId(zelenskyy!)].sort());
    expect(edges.every((e) => e.title === newer.title)).toBe(true);
    expect(items.filter((i) => i.kind === 'quote').map((q) => q.title)).toEqual([newer.title]);
    expect(await counts()).toEqual([(before[0] ?? 0) + 1, before[1], (before[2] ?? 0) + 1]);
  });

  it('removes the edges, quotes and counts of entities a re-upload no longer mentions', async () => {
    const first = article('reupload', revision(8), [erdogan!, kallas!, nato!]);
    await writer.write(first);
    const counts = async () =>
      Promise.all([erdogan!, kallas!, nato!, leyen!].map((m) => articleCount(castId(m))));
    const [erdoganBefore, kallasBefore, natoBefore, leyenBefore] = await counts();
    const trendBefore = await trendCount('2025-06-01', erdogan!);

    const second = article('reupload', revision(9), [nato!, leyen!]);
    const outcome = await writer.write(second);
    expect(outcome).toMatchObject({ status: 'stored', edgesAdded: 1, edgesRemoved: 2 });

    const items = await partition('reupload');
    expect(
      items
        .filter((i) => i.kind === 'edge')
        .map((i) => i.entityId)
        .sort(),
    ).toEqual([castId(leyen!), castId(nato!)].sort());
    // The first revision quoted Erdoğan; the second quotes von der Leyen.
    expect(items.filter((i) => i.kind === 'quote').map((i) => i.speakerId)).toEqual([castId(leyen!)]);
    expect(await counts()).toEqual([
      erdoganBefore! - 1,
      kallasBefore! - 1,
      natoBefore,
      (leyenBefore ?? 0) + 1,
    ]);
    expect(await trendCount('2025-06-01', erdogan!)).toBe(trendBefore - 1);
    const erdoganArticles = await reader.entityArticles(castId(erdogan!), { limit: 100 });
    expect(erdoganArticles.items.map((i) => i.articleId)).not.toContain('reupload');
    const erdoganQuotes = await reader.quotesBy(castId(erdogan!), { limit: 100 });
    expect(erdoganQuotes.items.map((i) => i.articleId)).not.toContain('reupload');
  });

  it('moves trend counts to the new day when a revision corrects the publication date', async () => {
    const first = article('redated', revision(10), [kallas!], { publishedAt: '2025-07-01T08:00:00.000Z' });
    await writer.write(first);
    expect(await trendCount('2025-07-01', kallas!)).toBe(1);
    await writer.write({
      ...first,
      origin: { ...first.origin, revision: revision(11) },
      publishedAt: '2025-07-03T08:00:00.000Z',
    });
    expect(await trendCount('2025-07-01', kallas!)).toBe(0);
    expect(await trendCount('2025-07-03', kallas!)).toBe(1);
  });

  it('replaces the entities when the same revision is tagged again later', async () => {
    const first = article('retagged', revision(12), [erdogan!]);
    await writer.write(first, new Date('2025-06-12T13:00:00Z'));
    const retagged = { ...first, entities: article('x', revision(12), [leyen!]).entities };
    expect((await writer.write(retagged, new Date('2025-06-12T14:00:00Z'))).status).toBe('stored');
    // The earlier tagging arriving late changes nothing.
    expect((await writer.write(first, new Date('2025-06-12T13:00:00Z'))).status).toBe('superseded');
    const stored = await reader.article('retagged');
    expect(stored?.entities.map((e) => e.id)).toEqual([castId(leyen!)]);
  });

  it('lists an entity once in search after it gains an alias that matches the same prefix', async () => {
    const zelda = cast.find((m) => m.name === 'Zelda Hart')!;
    await writer.write(article('alias1', revision(18), [zelda]));
    await writer.write(article('alias2', revision(18), [{ ...zelda, aliases: ['Zel Hart'] }]));
    const found = await reader.searchEntities({ prefix: 'zel', type: 'PERSON', limit: 10 });
    expect(found.items.filter((i) => i.id === castId(zelda))).toEqual([
      { id: castId(zelda), type: 'PERSON', name: 'Zelda Hart', matched: 'zel hart', articleCount: 2 },
    ]);
  });

  it('trims an article too large for one item and says so', async () => {
    const huge = article('huge', revision(13), [zelenskyy!]);
    huge.body = `${huge.body}\n\n${'A very long paragraph of text. '.repeat(30_000)}`;
    const outcome = await writer.write(huge);
    expect(outcome.status).toBe('stored');
    const stored = await reader.article('huge');
    expect(stored?.bodyTruncated).toBe(true);
    expect(stored?.bodyLength).toBe(huge.body.length);
    expect(huge.body.startsWith(stored!.body)).toBe(true);
    expect(stored!.body.length).toBeGreaterThan(100_000);
  });

  it('keeps an exact article count for an entity across many articles', async () => {
    const id = castId(cast.find((m) => m.name === 'Geneva')!);
    const geneva = cast.find((m) => m.name === 'Geneva')!;
    for (let i = 0; i < 12; i++) await writer.write(article(`geneva${i}`, revision(14), [geneva]));
    await writer.write(article('geneva3', revision(15), [zelenskyy!]));
    expect(await articleCount(id)).toBe(11);
    expect(await reader.entity(id)).toMatchObject({ articleCount: 11 });
  });
});
