import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CreateBucketCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runtimeClients } from '../../../infra/local/clients';
import { type InboxWatcher, watchInbox } from '../../../infra/local/inbox-watcher';
import { type RunningS3, startS3 } from '../../../infra/local/stand-ins/s3';
import { eventually } from '../../../support/eventually';
import { temporaryFolder } from '../../e2e/helpers';

/** The inbox uploads what is dropped into it, subfolders included, and says what it leaves alone. */
const folder = temporaryFolder('inbox-watcher-');
const inbox = join(folder.path, 'inbox');
const bucket = 'inbox-test';
let s3: RunningS3;
let clients: ReturnType<typeof runtimeClients>;
let watcher: InboxWatcher;
const uploaded: string[] = [];
const skipped: string[] = [];

function drop(relative: string, text = relative) {
  mkdirSync(join(inbox, relative, '..'), { recursive: true });
  writeFileSync(join(inbox, relative), text);
}

beforeAll(async () => {
  s3 = await startS3(join(folder.path, 's3'));
  clients = runtimeClients({
    s3: s3.endpoint,
    sqs: s3.endpoint,
    dynamodb: s3.endpoint,
    region: 'us-east-1',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
  });
  await clients.s3.send(new CreateBucketCommand({ Bucket: bucket }));
  for (const file of ['top.txt', 'business/001.txt', 'politics/001.txt', 'a/b/c/deep.txt', '.DS_Store']) {
    drop(file);
  }
  drop('.git/config');
  watcher = watchInbox({
    folder: inbox,
    s3: clients.s3,
    bucket,
    onUploaded: (_file, key) => uploaded.push(key),
    onSkipped: (file, reason) => skipped.push(`${file}: ${reason}`),
    onError: () => undefined,
  });
  await watcher.ready;
});

afterAll(async () => {
  await watcher?.stop();
  clients?.destroy();
  await s3?.stop();
  folder.remove();
});

async function read(key: string) {
  const object = await clients.s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return object.Body!.transformToString();
}

describe('the inbox', () => {
  it('uploads files in subfolders under their relative path and moves them to .done/', async () => {
    await eventually('four uploads', async () => (uploaded.length >= 4 ? true : undefined));
    await watcher.idle();
    expect(uploaded.sort()).toEqual([
      'raw/a/b/c/deep.txt',
      'raw/business/001.txt',
      'raw/politics/001.txt',
      'raw/top.txt',
    ]);
    expect(await read('raw/business/001.txt')).toBe('business/001.txt');
    expect(await read('raw/politics/001.txt')).toBe('politics/001.txt');
    expect(existsSync(join(inbox, '.done', 'business', '001.txt'))).toBe(true);
    expect(existsSync(join(inbox, 'business', '001.txt'))).toBe(false);
  });

  it('reports the hidden files and folders it skips', async () => {
    expect(skipped).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\.DS_Store: /), expect.stringMatching(/^\.git: /)]),
    );
    expect(uploaded.some((key) => key.includes('.DS_Store') || key.includes('.git'))).toBe(false);
  });

  it('reports a file whose key would be over 1,024 bytes instead of retrying it forever', async () => {
    const deep = `${'d'.repeat(200)}/`.repeat(6);
    drop(`${deep}story.txt`);
    await eventually('the long key reported', async () =>
      skipped.some((line) => line.startsWith(`${deep}story.txt: `)) ? true : undefined,
    );
    expect(existsSync(join(inbox, deep, 'story.txt'))).toBe(true);
  });

  it('picks up a file dropped later into a new subfolder', async () => {
    drop('later/news.txt', 'later');
    await eventually('the late file', async () =>
      uploaded.includes('raw/later/news.txt') ? true : undefined,
    );
    expect(await read('raw/later/news.txt')).toBe('later');
  });
});
