// biome-ignore-all lint/suspicious/noExplicitAny: response bodies are JSON asserted field by field
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { S3Client } from '@aws-sdk/client-s3';
import { expect, it } from 'vitest';
import { articleIdOfKey } from '../../shared/pipeline/key-layout';
import { eventually } from '../../support/eventually';
import { type eventLog, getJson, putObject } from './helpers';

/**
 * Issue 10's done-when, end to end: real files through parse, tag and store, read over HTTP. An
 * article naming only "Mr Blair" joins Tony Blair whether it arrives before or after him; the editor's
 * merge, split and rename go through the CLI and survive `articles reprocess --stage tag --all` and a
 * re-upload. The texts are written for this test; each "Mr Blair" story shares two names with Tony
 * Blair's (the Labour Party and Ruth Kelly), the evidence a link needs.
 */
export interface EntityFlowContext {
  http(): string;
  s3(): S3Client;
  bucket(): string;
  dataDir(): string;
  log(): ReturnType<typeof eventLog>;
}

const cli = fileURLToPath(new URL('../../bin/articles.js', import.meta.url));
const run = promisify(execFile);

function story(headline: string, dated: string | undefined, paragraphs: string[]): string {
  return [
    headline,
    '',
    ...(dated ? [`Politics Desk Published: ${dated}`, ''] : []),
    ...paragraphs.flatMap((p) => [p, '']),
  ].join('\n');
}

const files = {
  before: story('Schools plan wins support in Manchester', '3 March 2005, 10:15 AM', [
    "Mr Blair's plans for new schools won support from teachers in Manchester and from the Labour Party on Thursday.",
    'Education Secretary Ruth Kelly will set out the details next week.',
    '"This is the right choice for our children," Mr Blair said. He added that the money would follow.',
  ]),
  full: story('Prime minister sets out school plans', '7 March 2005, 09:00 AM', [
    'Tony Blair set out plans for new schools in London on Monday, with the Labour Party behind him.',
    'Education Secretary Ruth Kelly said the first schools would open next year.',
    '"We will build the schools this country needs," Tony Blair said.',
  ]),
  after: story('Teachers in Leeds wait for details', undefined, [
    'Teachers in the city of Leeds said they were waiting to hear more from Mr Blair and the Labour Party about the schools plan.',
    'Education Secretary Ruth Kelly has promised to visit the city.',
    '"We have heard promises before," one head teacher said. Mr Blair said details would come soon.',
  ]),
};
const keys = {
  before: 'raw/e2e/blair-before.txt',
  full: 'raw/e2e/blair-full.txt',
  after: 'raw/e2e/blair-after.txt',
};
const ids = {
  before: articleIdOfKey(keys.before),
  full: articleIdOfKey(keys.full),
  after: articleIdOfKey(keys.after),
};

export function entityFlowTests(context: EntityFlowContext): void {
  const api = async (path: string) => getJson(`${context.http()}${path}`);
  const stored = (id: string) =>
    context.log().events.filter((e) => e.kind === 'stored' && e.articleId === id).length;
  const articlesOf = async (entity: string) =>
    ((await api(`/entities/${entity}/articles?limit=100`)).body?.items ?? []).map((i: any) => i.id).sort();
  const articles = (...names: (keyof typeof ids)[]) => names.map((n) => ids[n]).sort();
  const articles_ = async (cliArgs: string[]) => {
    const { stdout } = await run(process.execPath, [cli, ...cliArgs, '--data-dir', context.dataDir()], {
      env: { ...process.env, ARTICLES_STACK: '', TABLE_NAME: '', BUCKET_NAME: '' },
    });
    return stdout;
  };
  async function upload(name: keyof typeof files) {
    const before = stored(ids[name]);
    await putObject(context.s3(), context.bucket(), keys[name], files[name]);
    await eventually(`${name} stored`, async () => (stored(ids[name]) > before ? true : undefined));
  }

  it('links "Mr Blair" to Tony Blair whether it comes before or after him', async () => {
    await upload('before');
    expect(await articlesOf('per-blair')).toEqual(articles('before'));
    await upload('full');
    await upload('after');
    await eventually('both Mr Blair articles on Tony Blair', async () =>
      (await articlesOf('per-tony-blair')).length === 3 ? true : undefined,
    );
    expect(await articlesOf('per-tony-blair')).toEqual(articles('before', 'full', 'after'));
    expect(await articlesOf('per-blair')).toEqual([]);

    const search = await api('/entities?prefix=blair');
    expect(search.body.items[0]).toMatchObject({ id: 'per-tony-blair', name: 'Tony Blair', articleCount: 3 });
    const related = await api('/entities/per-tony-blair/related');
    const relatedIds = related.body.items.map((i: any) => i.id);
    expect(relatedIds).not.toContain('per-tony-blair');
    expect(relatedIds).not.toContain('per-blair');
    const quotes = await api('/entities/per-tony-blair/quotes?limit=100');
    // The Leeds quote is a head teacher's: it is nobody's in the archive, least of all his.
    expect(quotes.body.items.map((q: any) => q.articleId).sort()).toEqual(articles('before', 'full'));
    expect(quotes.body.items.map((q: any) => q.text)).toEqual(
      expect.arrayContaining(['This is the right choice for our children,']),
    );
    const timeline = await api('/entities/per-tony-blair/articles?limit=100');
    const undated = timeline.body.items.find((i: any) => i.id === ids.after);
    expect(undated.dateAssumed).toBe(true);
    expect(timeline.body.items.find((i: any) => i.id === ids.full).dateAssumed).toBe(false);
  });

  it('merges, splits and renames through the CLI, and the corrections survive reprocessing', async () => {
    // Which place or organisation the tagger sees in each text is the model's business: merge the one
    // only the Leeds story names into the one of the same type the full story names.
    const entitiesOf = async (id: string) =>
      ((await api(`/articles/${id}`)).body.entities as { id: string; type: string }[]).filter(
        (e) => e.type !== 'PERSON',
      );
    const inFull = await entitiesOf(ids.full);
    const from = (await entitiesOf(ids.after)).find((e) =>
      inFull.some((f) => f.type === e.type && f.id !== e.id),
    );
    expect(from, 'the Leeds story names a place or organisation of a type the full story has').toBeDefined();
    const into = inFull.find((f) => f.type === from!.type)!.id;
    const merged = JSON.parse(await articles_(['entities', 'merge', from!.id, into]));
    expect(merged).toMatchObject({ merged: from!.id, into, articlesMoved: 1 });
    const split = JSON.parse(await articles_(['entities', 'split', 'per-tony-blair', ids.after]));
    expect(split).toMatchObject({ entityId: 'per-blair', articlesMoved: 1 });
    const renamed = JSON.parse(
      await articles_(['entities', 'rename', 'per-tony-blair', 'Tony', 'Blair', 'MP']),
    );
    expect(renamed).toMatchObject({ renamed: 'per-tony-blair' });

    const check = async () => {
      const moved = await fetch(`${context.http()}/entities/${from!.id}`, { redirect: 'manual' });
      expect(moved.status).toBe(301);
      expect(moved.headers.get('location')).toBe(`/entities/${into}`);
      expect(await articlesOf(into)).toEqual(articles('full', 'after'));
      expect(await articlesOf('per-tony-blair')).toEqual(articles('before', 'full'));
      expect(await articlesOf('per-blair')).toEqual(articles('after'));
      expect((await api('/entities/per-tony-blair')).body).toMatchObject({
        name: 'Tony Blair MP',
        articleCount: 2,
      });
      const search = await api('/entities?prefix=blair');
      expect(search.body.items[0]).toMatchObject({ id: 'per-tony-blair', name: 'Tony Blair MP' });
    };
    await check();

    const tagged = () => Object.values(ids).map((id) => context.log().count('tagged', `parsed/${id}.json`));
    const before = tagged();
    await articles_(['reprocess', '--stage', 'tag', '--all']);
    await eventually('every article re-tagged', async () =>
      tagged().every((n, i) => n > before[i]!) ? true : undefined,
    );
    await check();
    // A new revision of every file goes through parse, tag and store again, under a newer version.
    const storedBefore = Object.values(ids).map(stored);
    for (const name of Object.keys(files) as (keyof typeof files)[])
      await putObject(context.s3(), context.bucket(), keys[name], `${files[name]}Updated later.\n`);
    await eventually('every new revision stored', async () =>
      Object.values(ids).every((id, i) => stored(id) > storedBefore[i]!) ? true : undefined,
    );
    await check();
  });
}
