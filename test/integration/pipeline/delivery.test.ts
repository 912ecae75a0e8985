import { GetObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleIdFromKey } from '../../../shared/article/article-id';
import { fixtureArticle } from '../../../support/article-fixtures';
import { eventually } from '../../../support/eventually';
import { putObject } from '../../e2e/helpers';
import { type Harness, startHarness } from './runtime-harness';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.stop();
});

async function entityCounts(article: { entities: { id: string }[] }): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { id } of article.entities) counts[id] = (await harness.entity(id))?.articleCount;
  return counts;
}

describe('at-least-once delivery', () => {
  it('the same event delivered three times to every stage yields one article and unchanged entity counts', async () => {
    const key = 'raw/dup/three-times.txt';
    const id = articleIdFromKey(key);
    await putObject(harness.clients.s3, harness.bucket, key, fixtureArticle(11).text);
    const first = await eventually('the article', () => harness.article(id));
    const countsBefore = await entityCounts(first);
    expect(Object.keys(countsBefore).length).toBeGreaterThan(0);
    const storedBefore = harness.log.count('stored', `tagged/${id}.json`);

    for (let i = 0; i < 3; i++) {
      await harness.deliver('parse', key);
      await harness.deliver('tag', `parsed/${id}.json`);
      await harness.deliver('store', `tagged/${id}.json`);
    }
    await eventually('three more store deliveries', async () =>
      harness.log.count('stored', `tagged/${id}.json`) >= storedBefore + 3 &&
      harness.log.count('parsed', key) >= 4 &&
      harness.log.count('tagged', `parsed/${id}.json`) >= 4
        ? true
        : undefined,
    );

    const after = await harness.article(id);
    expect(after.revision ?? after.origin?.revision).toBe(first.revision ?? first.origin?.revision);
    expect(after.entities).toEqual(first.entities);
    expect(await entityCounts(after)).toEqual(countsBefore);
    const accounting = await harness.account();
    expect(accounting.stored).toBe(accounting.raw);
  });

  it('an older revision delivered after a newer one does not replace it', async () => {
    const key = 'raw/order/two-revisions.txt';
    const id = articleIdFromKey(key);
    const older = fixtureArticle(21);
    const newer = fixtureArticle(22);
    await putObject(harness.clients.s3, harness.bucket, key, older.text);
    await eventually('the first revision', async () =>
      (await harness.article(id))?.title === older.title ? true : undefined,
    );
    const olderTagged = await (
      await harness.clients.s3.send(
        new GetObjectCommand({ Bucket: harness.bucket, Key: `tagged/${id}.json` }),
      )
    ).Body!.transformToString();

    // S3 LastModified has one-second resolution: make the second upload a later revision for sure.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await putObject(harness.clients.s3, harness.bucket, key, newer.text);
    const current = await eventually('the second revision', async () => {
      const article = await harness.article(id);
      return article?.title === newer.title ? article : undefined;
    });
    const countsBefore = await entityCounts(current);

    // A slow writer puts the older tagged document back: its event reaches the store after the newer one.
    const storedBefore = harness.log.count('stored', `tagged/${id}.json`);
    await putObject(harness.clients.s3, harness.bucket, `tagged/${id}.json`, olderTagged);
    await harness.deliver('store', `tagged/${id}.json`);
    await eventually('the late deliveries', async () =>
      harness.log.count('stored', `tagged/${id}.json`) >= storedBefore + 2 ? true : undefined,
    );

    const after = await harness.article(id);
    expect(after.title).toBe(newer.title);
    expect(after.entities).toEqual(current.entities);
    expect(await entityCounts(after)).toEqual(countsBefore);
  });
});
