import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFile } from '../../../cli/commands/parse';
import { articleIdFromKey } from '../../../shared/article/article-id';

let root: string;
const options = { timeZone: 'UTC', maxBytes: 1024 * 1024 };
const text = 'A headline\n\nThe first paragraph of a short article, long enough to be read as a body.\n';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'parse-file-'));
  for (const desk of ['business', 'politics']) {
    await mkdir(join(root, desk));
    await writeFile(join(root, desk, '001.txt'), text);
  }
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('articles parse', () => {
  it('derives the article id from the path under the root, as the pipeline does from the raw key', async () => {
    const outcomes = await Promise.all(
      ['business', 'politics'].map((desk) => parseFile(join(root, desk, '001.txt'), { ...options, root })),
    );
    const [business, politics] = outcomes.map((o) => (o.ok ? o.article : undefined));
    expect(business?.origin.key).toBe('raw/business/001.txt');
    expect(business?.id).toBe(articleIdFromKey('raw/business/001.txt'));
    expect(politics?.id).toBe(articleIdFromKey('raw/politics/001.txt'));
    expect(business?.id).not.toBe(politics?.id);
  });

  it('keys a file outside the root by its absolute path', async () => {
    const outcome = await parseFile(join(root, 'business', '001.txt'), { ...options, root: join(root, 'x') });
    expect(outcome.ok && outcome.article.origin.key).toBe(
      `raw/${join(root, 'business', '001.txt').slice(1)}`,
    );
  });
});
