import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFailures } from '../../../cli/commands/failures';
import { type PipelineTarget, resolveTarget } from '../../../cli/commands/pipeline-target';
import { reprocess, selectInputs } from '../../../cli/commands/reprocess';
import { articleIdFromKey } from '../../../shared/article/article-id';
import { fixtureArticle } from '../../../support/article-fixtures';
import { eventually } from '../../../support/eventually';
import { randomBytes } from '../../../support/random-bytes';
import { putObject } from '../../e2e/helpers';
import { type Harness, startHarness } from './runtime-harness';

let harness: Harness;
const good = ['raw/ops/a.txt', 'raw/ops/b.txt', 'raw/other/c.txt'];
const bad = 'raw/ops/broken.bin';

beforeAll(async () => {
  harness = await startHarness();
  for (const [i, key] of good.entries()) {
    await putObject(harness.clients.s3, harness.bucket, key, fixtureArticle(80 + i).text);
  }
  await putObject(harness.clients.s3, harness.bucket, bad, randomBytes(1000, 3));
  await harness.settled();
  const resolved = await resolveTarget({ dataDir: harness.dataDir });
  target = () => resolved;
});

afterAll(async () => {
  await harness?.stop();
});

let target: () => PipelineTarget;

describe('articles failures / reprocess against the local runtime', () => {
  it('failures lists each quarantined file with stage, key, reason, attempts and time', async () => {
    const records = await listFailures(target());
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record).toMatchObject({ stage: 'parse', key: bad, attempts: 1 });
    expect(record!.reason.code).toMatch(/\w/);
    expect(Number.isNaN(Date.parse(record!.at))).toBe(false);
    expect(await listFailures(target(), 'tag')).toHaveLength(0);
  });

  it('selects one article by id, a prefix, or the whole zone of a stage', async () => {
    const id = articleIdFromKey(good[0]!);
    expect((await selectInputs(target(), 'parse', { id })).map((o) => o.key)).toEqual([good[0]]);
    expect((await selectInputs(target(), 'tag', { id })).map((o) => o.key)).toEqual([`parsed/${id}.json`]);
    expect((await selectInputs(target(), 'store', { id })).map((o) => o.key)).toEqual([`tagged/${id}.json`]);
    expect((await selectInputs(target(), 'parse', { prefix: 'ops/' })).map((o) => o.key).sort()).toEqual(
      [good[0], good[1], bad].sort(),
    );
    expect(await selectInputs(target(), 'tag', { all: true })).toHaveLength(good.length);
  });

  it('reprocess re-runs a stage over the selection and changes no stored article', async () => {
    const before = await Promise.all(good.map((key) => harness.article(articleIdFromKey(key))));
    const tagged = (key: string) => harness.log.count('tagged', `parsed/${articleIdFromKey(key)}.json`);
    const taggedBefore = good.map(tagged);
    const objects = await selectInputs(target(), 'tag', { all: true });
    const progress: number[] = [];
    expect(await reprocess(target(), 'tag', objects, (done) => progress.push(done))).toBe(good.length);
    expect(progress.at(-1)).toBe(good.length);
    await eventually('tag re-run for every article', async () =>
      good.every((key, i) => tagged(key) > taggedBefore[i]!) ? true : undefined,
    );
    const after = await Promise.all(good.map((key) => harness.article(articleIdFromKey(key))));
    expect(after).toEqual(before);
  });

  it('reprocessing a quarantined file clears its record and quarantines it afresh if it fails again', async () => {
    const [old] = await listFailures(target());
    await reprocess(target(), 'parse', await selectInputs(target(), 'parse', { prefix: 'ops/broken' }));
    const renewed = await eventually('a fresh quarantine record', async () => {
      const [record] = await listFailures(target());
      return record && record.at > old!.at ? record : undefined;
    });
    expect(renewed.key).toBe(bad);
    expect(renewed.reason).toEqual(old!.reason);
  });
});
