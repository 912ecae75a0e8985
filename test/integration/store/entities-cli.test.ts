import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveReader } from '../../../shared/store/archive-reader';
import { ArticleWriter } from '../../../shared/store/article-writer';
import { startTestTable, type TestTable } from '../../../support/dynalite-table';
import { gordon, idOf, labour, namedArticle } from './entity-fixtures';

const cli = fileURLToPath(new URL('../../../bin/articles.js', import.meta.url));
const run = promisify(execFile);
let t: TestTable;

beforeAll(async () => {
  t = await startTestTable();
  const writer = new ArticleWriter(t.db, t.table);
  await writer.write(namedArticle('g1', 1, [gordon, labour]));
  await writer.write(namedArticle('g2', 2, [{ name: 'James Gordon Brown', gender: 'male' }]));
});
afterAll(() => t?.stop());

/** The CLI as an operator runs it against a table on AWS, here dynalite through --endpoint-url. */
function articles(...args: string[]) {
  return run(process.execPath, [cli, ...args, '--table', t.table, '--endpoint-url', t.endpoint], {
    env: {
      ...process.env,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      ARTICLES_STACK: '',
    },
  });
}

describe('articles entities and repair-counts against a table', () => {
  it('merges and prints what it did as one JSON line', async () => {
    const { stdout } = await articles('entities', 'merge', 'per-james-gordon-brown', idOf(gordon));
    expect(JSON.parse(stdout)).toEqual({
      merged: 'per-james-gordon-brown',
      entityId: idOf(gordon),
      into: idOf(gordon),
      articlesMoved: 1,
    });
    const reader = new ArchiveReader(t.db, t.table);
    expect(await reader.entity(idOf(gordon))).toMatchObject({ articleCount: 2 });
  });

  it('ends with status 1 and the reason when the store refuses a correction', async () => {
    const failed = await articles('entities', 'rename', 'per-nobody', 'X').then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('error: no entity per-nobody');
  });

  it('repair-counts reports a clean archive as clean', async () => {
    const { stdout } = await articles('repair-counts');
    expect(JSON.parse(stdout)).toMatchObject({ countsFixed: [], trendsFixed: 0 });
  });
});
