import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runtimeClients } from '../../infra/local/clients';
import type { LocalRuntime } from '../../infra/local/runtime';
import { articleIdFromKey } from '../../shared/article/article-id';
import type { QuarantineRecord } from '../../shared/pipeline/quarantine-record';
import { fixtureArticle } from '../../support/article-fixtures';
import { eventually } from '../../support/eventually';
import { randomBytes } from '../../support/random-bytes';
import { type eventLog, getJson, getJsonObject, putObject } from './helpers';

interface ArticleSummary {
  id: string;
  title: string;
  section?: string;
  publishedAt?: string;
  source?: string;
}

export interface FlowContext {
  runtime(): LocalRuntime;
  /** Stops the runtime (letting in-flight batches finish) and starts it again on the same state. */
  restart(): Promise<void>;
  log: ReturnType<typeof eventLog>;
  inbox: string;
}

/**
 * The end-to-end behaviour every backend must show: put a file into raw/ through the S3 API, read it
 * back over HTTP; duplicates, poison files and restarts change nothing a reader can see.
 */
export function pipelineFlowTests(context: FlowContext): void {
  const http = () => context.runtime().endpoints.http;
  const bucket = () => context.runtime().endpoints.bucket;
  const s3 = () => runtimeClients(context.runtime().endpoints).s3;

  async function listed(): Promise<ArticleSummary[]> {
    const items: ArticleSummary[] = [];
    let cursor: string | undefined;
    do {
      const query = cursor ? `?limit=100&cursor=${encodeURIComponent(cursor)}` : '?limit=100';
      const { status, body } = await getJson(`${http()}/articles${query}`);
      expect(status).toBe(200);
      for (const item of body.items) items.push(item);
      cursor = body.nextCursor;
    } while (cursor);
    return items;
  }
  const articleListed = (id: string) => async () => (await listed()).find((a) => a.id === id);

  const fixture = fixtureArticle(3);
  const key = 'raw/desk/harbour story.txt';
  const id = articleIdFromKey(key);

  it('serves a file put into raw/ through the S3 API with its fields and entities', async () => {
    await putObject(s3(), bucket(), key, fixture.text);

    const summary = await eventually('the article in GET /articles', articleListed(id));
    expect(summary.title).toBe(fixture.title);
    expect(summary.section).toBe(fixture.section);
    expect(Date.parse(summary.publishedAt!)).toBe(Date.parse(fixture.publishedAt));
    expect(summary.source).toBe(fixture.source);

    const { status, body } = await getJson(`${http()}/articles/${id}`);
    expect(status).toBe(200);
    expect(body.title).toBe(fixture.title);
    expect(body.body).toContain('the people of');
    expect(body.body.split('\n\n').length).toBeGreaterThanOrEqual(4);
    expect(body.entities.length).toBeGreaterThan(0);
    const names = body.entities.map((e: { name: string }) => e.name).join(' | ');
    expect(names).toContain(fixture.person.split(' ')[1]);
  });

  it('keeps one article when the same file arrives twice', async () => {
    await putObject(s3(), bucket(), key, fixture.text);
    // Parse acknowledges the identical second upload without writing a new document.
    await eventually('the second upload to be parsed', async () => context.log.count('parsed', key) >= 2);
    const matching = (await listed()).filter((a) => a.title === fixture.title);
    expect(matching.map((a) => a.id)).toEqual([id]);
  });

  it('uploads a file dropped into the inbox and moves it to inbox/.done', async () => {
    const dropped = fixtureArticle(4);
    writeFileSync(join(context.inbox, 'dropped.txt'), dropped.text);
    const summary = await eventually(
      'the dropped article',
      articleListed(articleIdFromKey('raw/dropped.txt')),
    );
    expect(summary.title).toBe(dropped.title);
    expect(existsSync(join(context.inbox, 'dropped.txt'))).toBe(false);
    expect(existsSync(join(context.inbox, '.done', 'dropped.txt'))).toBe(true);
  });

  it('quarantines random bytes with a reason and still processes a good file behind them', async () => {
    await putObject(s3(), bucket(), 'raw/noise.bin', randomBytes(4096));
    const good = fixtureArticle(5);
    await putObject(s3(), bucket(), 'raw/after-noise.txt', good.text);

    const record = await eventually('the quarantine record', () =>
      getJsonObject<QuarantineRecord>(s3(), bucket(), 'quarantine/parse/raw/noise.bin.json'),
    );
    expect(record.stage).toBe('parse');
    expect(record.key).toBe('raw/noise.bin');
    expect(record.reason.code).toMatch(/\w/);
    expect(record.reason.message).toMatch(/\w/);
    const summary = await eventually('the good file', articleListed(articleIdFromKey('raw/after-noise.txt')));
    expect(summary.title).toBe(good.title);
    expect((await listed()).some((a) => a.id === articleIdFromKey('raw/noise.bin'))).toBe(false);
  });

  it('keeps every article across a restart', async () => {
    const before = (await listed()).map((a) => a.id).sort();
    expect(before.length).toBe(3);
    await context.restart();
    const after = (await listed()).map((a) => a.id).sort();
    expect(after).toEqual(before);
    const { status, body } = await getJson(`${http()}/articles/${id}`);
    expect(status).toBe(200);
    expect(body.title).toBe(fixture.title);
  });
}
