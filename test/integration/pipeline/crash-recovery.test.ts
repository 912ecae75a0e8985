import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { accountForRawFiles } from '../../../infra/local/accounting';
import { runtimeClients } from '../../../infra/local/clients';
import { type RuntimeProcess, startRuntimeProcess } from '../../../infra/local/runtime-process';
import { articleIdFromKey } from '../../../shared/article/article-id';
import { fixtureArticle } from '../../../support/article-fixtures';
import { eventually } from '../../../support/eventually';
import { malformedFile } from '../../../support/malformed-files';
import { getJson, putObject, temporaryFolder } from '../../e2e/helpers';

const folder = temporaryFolder('crash-');
const dataDir = join(folder.path, 'data');
const logFile = join(folder.path, 'runtime.log');
let child: RuntimeProcess | undefined;

afterAll(async () => {
  await child?.kill();
  folder.remove();
});

const start = async () => {
  child = await startRuntimeProcess({ dataDir, inbox: join(folder.path, 'inbox'), logFile });
  return child;
};

describe('crash recovery', () => {
  it('a runtime killed mid-burst and started again ends with every raw file stored or quarantined', async () => {
    let runtime = await start();
    const good = Array.from({ length: 36 }, (_, i) => ({
      key: `raw/burst/good-${i}.txt`,
      bytes: fixtureArticle(100 + i).text,
    }));
    const bad = Array.from({ length: 6 }, (_, i) => ({
      key: `raw/burst/bad-${i}.bin`,
      bytes: malformedFile(i).bytes,
    }));
    const files = [...good, ...bad].sort((a, b) => a.key.localeCompare(b.key));
    const clients = runtimeClients(runtime.endpoints);
    for (const file of files) await putObject(clients.s3, runtime.endpoints.bucket, file.key, file.bytes);

    // Kill it while the burst is still being worked through: some stored, not all.
    await eventually('a few articles stored', async () => {
      const stored = readFileSync(logFile, 'utf8').match(/^stored /gm)?.length ?? 0;
      return stored >= 3 ? true : undefined;
    });
    await runtime.kill();
    const atKill = readFileSync(logFile, 'utf8').match(/^stored /gm)?.length ?? 0;
    expect(atKill).toBeLessThan(good.length);

    runtime = await start();
    const after = runtimeClients(runtime.endpoints);
    const accounting = await eventually(
      'every raw file accounted for',
      async () => {
        const a = await accountForRawFiles(
          after.s3,
          after.dynamodb,
          runtime.endpoints.bucket,
          runtime.endpoints.table,
        );
        return a.pending.length === 0 ? a : undefined;
      },
      180_000,
    );
    expect(accounting.raw).toBe(files.length);
    expect(accounting.stored).toBe(good.length);
    expect(accounting.quarantined).toBe(bad.length);

    // Nothing half-written is visible: each stored article reads back whole.
    for (const { key } of good) {
      const { status, body } = await getJson(`${runtime.endpoints.http}/articles/${articleIdFromKey(key)}`);
      expect(status).toBe(200);
      expect(body.body.length).toBeGreaterThan(100);
      expect(body.entities.length).toBeGreaterThan(0);
    }
    clients.destroy();
    after.destroy();
  }, 240_000);
});
