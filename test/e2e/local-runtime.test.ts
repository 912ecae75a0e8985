import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cursorSecretFile } from '../../infra/local/cursor-secret';
import { type Harness, startHarness } from '../integration/pipeline/runtime-harness';
import { eventLog, getJson, temporaryFolder } from './helpers';
import { pipelineFlowTests } from './pipeline-flow';

const folder = temporaryFolder('e2e-local-');
const inbox = join(folder.path, 'inbox');
const log = eventLog();
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ inbox, onEvent: log.listener });
});

afterAll(async () => {
  await harness?.stop();
  folder.remove();
});

describe('npm start: embedded stand-ins (dynalite, s3rver, fauxqs)', () => {
  pipelineFlowTests({
    runtime: () => harness.runtime,
    restart: async () => {
      await harness.restart();
    },
    log,
    inbox,
  });
});

describe('the cursor key of npm start', () => {
  const keyFile = () => join(harness.dataDir, cursorSecretFile);
  const articles = (cursor?: string) =>
    getJson(
      `${harness.runtime.endpoints.http}/articles?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );

  it('is made once, readable by its owner only, and kept in DATA_DIR: a cursor from before a restart reads after it', async () => {
    expect(statSync(keyFile()).mode & 0o777).toBe(0o600);
    const key = readFileSync(keyFile(), 'utf8');
    const first = await articles();
    expect(first.body.nextCursor).toEqual(expect.any(String));
    await harness.restart();
    expect(readFileSync(keyFile(), 'utf8')).toBe(key);
    const next = await articles(first.body.nextCursor);
    expect(next.status).toBe(200);
    expect(next.body.items).toHaveLength(1);
    expect(next.body.items[0].id).not.toBe(first.body.items[0].id);
  });

  it('is what keeps such a cursor valid: with the file gone, the restart makes a new key and refuses it', async () => {
    const old = readFileSync(keyFile(), 'utf8');
    const first = await articles();
    rmSync(keyFile());
    await harness.restart();
    expect(readFileSync(keyFile(), 'utf8')).not.toBe(old);
    const refused = await articles(first.body.nextCursor);
    expect(refused.status).toBe(400);
    expect(refused.body.type).toBe('urn:article-pipeline:problem:invalid-cursor');
    expect((await articles()).status).toBe(200);
  });
});
