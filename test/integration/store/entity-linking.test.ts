// biome-ignore-all lint/suspicious/noExplicitAny: snapshots are JSON asserted field by field
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TaggedArticle } from '../../../shared/article/schema';
import { ArchiveReader } from '../../../shared/store/archive-reader';
import { ArticleWriter } from '../../../shared/store/article-writer';
import { EntityResolver } from '../../../shared/store/entity-resolver';
import { keys } from '../../../shared/store/items';
import { startTestTable, type TestTable } from '../../../support/dynalite-table';
import {
  chelsea,
  cherie,
  commons,
  euan,
  gordon,
  idOf,
  labour,
  london,
  mrBlair,
  mrsBlair,
  namedArticle,
  oxford,
  snapshot,
  tony,
} from './entity-fixtures';

let t: TestTable;
let reader: ArchiveReader;
const writer = () => new ArticleWriter(t.db, t.table);

beforeEach(async () => {
  t = await startTestTable();
  reader = new ArchiveReader(t.db, t.table);
});
afterEach(() => t.stop());

const watched = [idOf(tony), idOf(mrBlair), idOf(cherie), idOf(euan)];

async function storeAll(articles: readonly TaggedArticle[]) {
  const w = writer();
  for (const a of articles) await w.write(a);
}

/** A writer whose store times out as it reads this article: where a re-decision starts. */
function writerDyingAt(articleId: string): ArticleWriter {
  const dying = {
    send: async (command: unknown) => {
      const key = (command as { input?: { Key?: { pk?: string } } }).input?.Key;
      if (command instanceof GetCommand && key?.pk === `ART#${articleId}`) throw new Error('timed out');
      return t.db.send(command as GetCommand);
    },
  } as unknown as typeof t.db;
  return new ArticleWriter(dying, t.table);
}

function entityOf(article: Awaited<ReturnType<ArchiveReader['article']>>, taggedId: string) {
  return article?.entities.find((e) => e.id === taggedId);
}

describe('linking a surname-only person to the archive', () => {
  // A link needs two pieces of evidence (entity-linking.ts): here two organisations both stories name.
  const full = namedArticle('full', 1, [tony, labour, commons]);
  const partialA = namedArticle('mr-a', 2, [mrBlair, london, labour, commons]);
  const partialB = namedArticle('mr-b', 3, [mrBlair, labour, commons], { undated: true });

  it('joins "Mr Blair" articles to the archive\'s Tony Blair, with his quotes and counts', async () => {
    await storeAll([full, partialA, partialB]);
    const state = (await snapshot(t, reader, watched)) as Record<string, any>;
    expect(state[idOf(tony)].articles).toEqual(['full', 'mr-a', 'mr-b']);
    expect(state[idOf(tony)].entity.articleCount).toBe(3);
    expect(state[idOf(tony)].quotes).toEqual(['full', 'mr-a', 'mr-b'].map((a) => `${a}:${idOf(tony)}`));
    expect(state[idOf(tony)].entity.aliases).toContain('Blair');
    expect(state[idOf(mrBlair)].articles).toEqual([]);
    const stored = await reader.article('mr-a');
    expect(entityOf(stored, idOf(mrBlair))).toMatchObject({
      resolvedId: idOf(tony),
      resolvedName: 'Tony Blair',
      link: { status: 'linked', reason: expect.stringContaining('only full-name person named Blair') },
    });
  });

  it('leaves a bare surname, never written with Mr or a title, apart with the reason', async () => {
    const bare = namedArticle('bare', 4, [{ name: 'Blair', gender: 'male', partial: true }, london]);
    await storeAll([full, bare]);
    expect(entityOf(await reader.article('bare'), idOf(mrBlair))).toMatchObject({
      link: { status: 'separate', reason: expect.stringContaining('no evidence it is a surname') },
    });
    expect(await reader.entity(idOf(mrBlair))).toMatchObject({ articleCount: 1 });
  });

  it('ends in the same state whatever the order, with the later full name re-linking earlier articles', async () => {
    await storeAll([full, partialA, partialB]);
    const forward = await snapshot(t, reader, watched);
    await t.stop();
    t = await startTestTable();
    reader = new ArchiveReader(t.db, t.table);
    await storeAll([partialB, partialA]);
    const before = await reader.article('mr-a');
    expect(entityOf(before, idOf(mrBlair))?.link).toEqual({
      status: 'separate',
      reason: 'no full-name person named Blair in the archive',
    });
    expect(await reader.entity(idOf(mrBlair))).toMatchObject({ articleCount: 2 });
    const outcome = await writer().write(full);
    expect(outcome.relinked).toBe(2);
    expect(await snapshot(t, reader, watched)).toEqual(forward);
  });

  it('finishes on redelivery a re-linking that a timeout cut short', async () => {
    await storeAll([partialA]);
    // The store of the full name dies as it starts re-deciding the earlier "Mr Blair" article.
    await expect(writerDyingAt('mr-a').write(full)).rejects.toThrow('timed out');
    expect(entityOf(await reader.article('mr-a'), idOf(mrBlair))?.link?.status).toBe('separate');
    const retried = await writer().write(full);
    expect(retried).toMatchObject({ status: 'unchanged', relinked: 1 });
    expect(entityOf(await reader.article('mr-a'), idOf(mrBlair))?.resolvedId).toBe(idOf(tony));
    expect(await writer().write(full)).toMatchObject({ status: 'unchanged', relinked: 0 });
  });

  it("finishes on redelivery a re-decision that a known person's new evidence started", async () => {
    await storeAll([
      namedArticle('full', 1, [tony, labour]),
      namedArticle('mr', 3, [mrBlair, labour, commons]),
    ]);
    const second = namedArticle('full-2', 2, [tony, commons]);
    await expect(writerDyingAt('mr').write(second)).rejects.toThrow('timed out');
    expect(entityOf(await reader.article('mr'), idOf(mrBlair))?.link?.status).toBe('separate');
    expect(await writer().write(second)).toMatchObject({ relinked: 1 });
    expect(entityOf(await reader.article('mr'), idOf(mrBlair))?.resolvedId).toBe(idOf(tony));
    expect(await writer().write(second)).toMatchObject({ status: 'unchanged', relinked: 0 });
  });

  it('changes nothing on redelivery, concurrent delivery or a re-tag of the same revision', async () => {
    await storeAll([partialA, full, partialB]);
    const once = await snapshot(t, reader, watched);
    await Promise.all([full, partialA, partialB, partialA].map((a) => writer().write(a)));
    const retag = new Date('2025-07-01T00:00:00Z');
    for (const a of [partialB, full, partialA]) await writer().write(a, retag);
    expect(await snapshot(t, reader, watched)).toEqual(once);
  });

  it('keeps two people of one surname apart by gender, and records why', async () => {
    await storeAll([full, namedArticle('cherie', 4, [cherie, chelsea, oxford])]);
    await storeAll([
      namedArticle('mrs', 5, [mrsBlair, chelsea, oxford]),
      namedArticle('mr', 6, [mrBlair, labour, commons]),
    ]);
    expect(
      (await reader.entityArticles(idOf(cherie), { limit: 10 })).items.map((i) => i.articleId).sort(),
    ).toEqual(['cherie', 'mrs']);
    expect(
      (await reader.entityArticles(idOf(tony), { limit: 10 })).items.map((i) => i.articleId).sort(),
    ).toEqual(['full', 'mr']);
    expect(entityOf(await reader.article('mrs'), idOf(mrsBlair))?.link?.reason).toContain('of that gender');
  });

  it('leaves an ambiguous "Mr Blair" apart, and lets shared company decide when it can', async () => {
    await storeAll([full, namedArticle('euan', 4, [euan, chelsea, oxford])]);
    await storeAll([
      namedArticle('mr-alone', 5, [mrBlair]),
      namedArticle('mr-labour', 6, [mrBlair, labour, commons]),
      namedArticle('mr-chelsea', 7, [mrBlair, chelsea, oxford]),
      namedArticle('mr-both', 8, [mrBlair, labour, commons, chelsea, oxford]),
    ]);
    const alone = entityOf(await reader.article('mr-alone'), idOf(mrBlair));
    expect(alone?.resolvedId).toBeUndefined();
    expect(alone?.link).toEqual({
      status: 'separate',
      reason:
        'too little evidence that Blair is Euan Blair (nothing shared, score 0): a link needs 1.5; 2 people are named Blair',
    });
    expect(entityOf(await reader.article('mr-both'), idOf(mrBlair))?.link?.reason).toMatch(/^ambiguous: /);
    expect(entityOf(await reader.article('mr-labour'), idOf(mrBlair))?.resolvedId).toBe(idOf(tony));
    expect(entityOf(await reader.article('mr-chelsea'), idOf(mrBlair))?.resolvedId).toBe(idOf(euan));
    expect(
      (await reader.entityArticles(idOf(mrBlair), { limit: 10 })).items.map((i) => i.articleId).sort(),
    ).toEqual(['mr-alone', 'mr-both']);
  });

  it('re-decides earlier links when a namesake appears later', async () => {
    // "Mr Blair" with Labour and the Commons is Tony Blair, until a second Blair is seen with both.
    await storeAll([
      namedArticle('full', 1, [tony, labour, commons, gordon]),
      namedArticle('mr-alone', 5, [mrBlair, labour, commons]),
      namedArticle('mr-labour', 6, [mrBlair, labour, commons, gordon]),
    ]);
    expect(await reader.entity(idOf(tony))).toMatchObject({ articleCount: 3 });
    await storeAll([namedArticle('euan', 8, [euan, labour, commons])]);
    expect(entityOf(await reader.article('mr-alone'), idOf(mrBlair))?.link?.status).toBe('separate');
    expect(entityOf(await reader.article('mr-labour'), idOf(mrBlair))?.resolvedId).toBe(idOf(tony));
    expect(await reader.entity(idOf(tony))).toMatchObject({ articleCount: 2 });
    expect(await reader.entity(idOf(mrBlair))).toMatchObject({ articleCount: 1 });
  });

  it('re-decides an earlier article when a known person gains the evidence it lacked, in any order', async () => {
    const first = namedArticle('full', 1, [tony, labour]);
    const second = namedArticle('full-2', 2, [tony, commons]);
    const mr = namedArticle('mr', 3, [mrBlair, labour, commons]);
    await storeAll([first, mr]);
    expect(entityOf(await reader.article('mr'), idOf(mrBlair))?.link?.reason).toMatch(/^too little evidence/);
    const outcome = await writer().write(second);
    expect(outcome.relinked).toBe(1);
    expect(entityOf(await reader.article('mr'), idOf(mrBlair))?.resolvedId).toBe(idOf(tony));
    const forward = await snapshot(t, reader, watched);
    for (const order of [
      [mr, second, first],
      [second, mr, first],
    ]) {
      await t.stop();
      t = await startTestTable();
      reader = new ArchiveReader(t.db, t.table);
      await storeAll(order);
      expect(await snapshot(t, reader, watched)).toEqual(forward);
    }
  });

  it("stops a famous person's company growing past its cap, and goes on storing", async () => {
    const orgs = (n: number) =>
      Array.from({ length: 10 }, (_, i) => ({ type: 'ORGANIZATION' as const, name: `Firm ${n} ${i}` }));
    await storeAll(
      Array.from({ length: 41 }, (_, n) => namedArticle(`t${n}`, 1 + (n % 28), [tony, ...orgs(n)])),
    );
    const company = async () => {
      const { Item } = await t.db.send(
        new GetCommand({
          TableName: t.table,
          Key: keys.candidate('blair', idOf(tony)),
          ConsistentRead: true,
        }),
      );
      return Item?.coEntities as Set<string>;
    };
    const full = await company();
    expect(full.size).toBeGreaterThanOrEqual(400);
    expect(full.size).toBeLessThan(410);
    const late = namedArticle('late', 2, [tony, ...orgs(99)]);
    expect(await writer().write(late)).toMatchObject({ status: 'stored' });
    expect([...(await company())].filter((id) => id.startsWith('org-firm-99'))).toEqual([]);
    expect(await reader.entity(idOf(tony))).toMatchObject({ articleCount: 42 });
  });

  it("re-decides only the articles a grown candidate's new evidence touches", async () => {
    await storeAll([
      namedArticle('full', 1, [tony, labour, commons]),
      namedArticle('mr-labour', 2, [mrBlair, labour, commons]),
      namedArticle('mr-chelsea', 3, [mrBlair, chelsea]),
    ]);
    const resolver = new EntityResolver(t.db, t.table);
    const growth = (coEntities: string[]) => ({ coEntities, titles: [], months: [] });
    expect(await resolver.partialArticles('blair', growth([idOf(chelsea)]))).toEqual(['mr-chelsea']);
    expect(await resolver.partialArticles('blair', growth([idOf(commons), idOf(oxford)]))).toEqual([
      'mr-labour',
    ]);
    expect(await resolver.partialArticles('blair', growth([idOf(gordon)]))).toEqual([]);
    expect(await resolver.partialArticles('blair')).toEqual(['mr-chelsea', 'mr-labour']);
  });
});
