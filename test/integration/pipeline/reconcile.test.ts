import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleIdFromKey } from '../../../shared/article/article-id';
import { fixtureArticle } from '../../../support/article-fixtures';
import { eventually } from '../../../support/eventually';
import { randomBytes } from '../../../support/random-bytes';
import { putObject } from '../../e2e/helpers';
import { type Harness, startHarness } from './runtime-harness';

let harness: Harness;
const keys = ['raw/rec/one.txt', 'raw/rec/two.txt'];

beforeAll(async () => {
  harness = await startHarness();
  for (const [i, key] of keys.entries()) {
    await putObject(harness.clients.s3, harness.bucket, key, fixtureArticle(90 + i).text);
  }
  await putObject(harness.clients.s3, harness.bucket, 'raw/rec/bad.bin', randomBytes(500, 9));
  await harness.settled();
});

afterAll(async () => {
  await harness?.stop();
});

describe('reconcile on start-up', () => {
  it('re-enqueues nothing when every file is stored or quarantined', async () => {
    const runtime = await harness.restart();
    expect(runtime.reconciled.enqueued).toEqual({ parse: 0, tag: 0, store: 0 });
  });

  it('re-enqueues a raw file whose parsed result is missing, and the pipeline completes it again', async () => {
    const id = articleIdFromKey(keys[0]!);
    await harness.clients.s3.send(
      new DeleteObjectCommand({ Bucket: harness.bucket, Key: `parsed/${id}.json` }),
    );
    const parsedBefore = harness.log.count('parsed', keys[0]!);
    const runtime = await harness.restart();
    expect(runtime.reconciled.enqueued).toEqual({ parse: 1, tag: 0, store: 0 });
    await eventually('the raw file parsed again', async () =>
      harness.log.count('parsed', keys[0]!) > parsedBefore ? true : undefined,
    );
    expect((await harness.article(id))?.title).toBe(fixtureArticle(90).title);
  });
});
