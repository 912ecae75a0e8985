import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runtimeClients } from '../../../infra/local/clients';
import { startLocalRuntime } from '../../../infra/local/runtime';
import { type StandIns, startStandIns } from '../../../infra/local/stand-ins/index';
import { putObject, temporaryFolder } from '../../e2e/helpers';

/**
 * Whatever a key contains, the S3 stand-in stores it under its data folder, as a distinct object, and
 * keeps running: `..`, absolute paths, empty and over-long segments are data, not paths.
 */
const folder = temporaryFolder('s3-keys-');
const dataDir = join(folder.path, 'data');
const bucket = 'keys-test';
let standIns: StandIns;
let clients: ReturnType<typeof runtimeClients>;
const failures: Error[] = [];

beforeAll(async () => {
  standIns = await startStandIns({ dataDir, thread: 'worker' });
  standIns.onFailure((error) => failures.push(error));
  clients = runtimeClients({
    ...standIns.endpoints,
    region: 'us-east-1',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
  });
  await clients.s3.send(new CreateBucketCommand({ Bucket: bucket }));
});

afterAll(async () => {
  clients?.destroy();
  await standIns?.stop();
  folder.remove();
});

async function read(key: string): Promise<string> {
  const object = await clients.s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return object.Body!.transformToString();
}

async function listAll(prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await clients.s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, MaxKeys: 3, ContinuationToken: token }),
    );
    for (const o of page.Contents ?? []) keys.push(o.Key!);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return keys;
}

/** Every file below `dir`, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('keys in the S3 stand-in', () => {
  it('stores a key that climbs out of the data folder inside it', async () => {
    const climbing = `raw/${'../'.repeat(12)}${folder.path.slice(1)}/escaped.txt`;
    await putObject(clients.s3, bucket, climbing, 'inside');
    expect(filesUnder(folder.path).every((file) => file.startsWith(dataDir))).toBe(true);
    expect(await read(climbing)).toBe('inside');
  });

  it('keeps raw/a/../b.txt, raw//b.txt and raw/b.txt apart', async () => {
    await putObject(clients.s3, bucket, 'raw/b.txt', 'plain');
    await putObject(clients.s3, bucket, 'raw/a/../b.txt', 'dotted');
    await putObject(clients.s3, bucket, 'raw//b.txt', 'doubled');
    await putObject(clients.s3, bucket, 'raw/./b.txt', 'dot');
    expect(await read('raw/b.txt')).toBe('plain');
    expect(await read('raw/a/../b.txt')).toBe('dotted');
    expect(await read('raw//b.txt')).toBe('doubled');
    expect(await read('raw/./b.txt')).toBe('dot');
  });

  it('stores an absolute-looking key as a key', async () => {
    await putObject(clients.s3, bucket, '/etc/passwd-copy', 'absolute');
    expect(await read('/etc/passwd-copy')).toBe('absolute');
    expect(existsSync('/etc/passwd-copy')).toBe(false);
  });

  it('stores segments of 300 bytes and keys of 1,024 bytes, and stays up', async () => {
    const longSegment = `raw/long/${'s'.repeat(300)}.txt`;
    const longKey = `raw/long/${'é'.repeat(400)}/${'x'.repeat(1024 - 9 - 801 - 4)}.txt`;
    expect(Buffer.byteLength(longKey)).toBe(1024);
    await putObject(clients.s3, bucket, longSegment, 'segment');
    await putObject(clients.s3, bucket, longKey, 'key');
    expect(await read(longSegment)).toBe('segment');
    expect(await read(longKey)).toBe('key');
    expect(failures).toEqual([]);
  });

  it('refuses a key over 1,024 bytes as S3 does', async () => {
    const error = await putObject(clients.s3, bucket, `raw/${'k'.repeat(1100)}`, 'x').catch((e) => e);
    expect(error).toBeInstanceOf(S3ServiceException);
    expect((error as S3ServiceException).name).toBe('KeyTooLongError');
  });

  it('lists every key back, in order, page by page', async () => {
    const raw = await listAll('raw/');
    expect(raw).toEqual([...raw].sort());
    expect(raw).toEqual(
      expect.arrayContaining([
        'raw//b.txt',
        'raw/./b.txt',
        'raw/a/../b.txt',
        'raw/b.txt',
        `raw/long/${'s'.repeat(300)}.txt`,
      ]),
    );
    expect(raw).toHaveLength(7);
    expect(await listAll('raw/long/')).toHaveLength(2);
    expect(await listAll('/')).toEqual(['/etc/passwd-copy']);
  });
});

describe("the stand-ins' thread", () => {
  it('reports its death instead of leaving the runtime without services', async () => {
    const own = await startStandIns({ dataDir: join(folder.path, 'dying'), thread: 'worker' });
    const died = new Promise<Error>((resolve) => own.onFailure(resolve));
    await own.thread!.terminate();
    expect((await died).message).toMatch(/stand-ins.*(stopped|exited)/);
    await own.stop();
  });

  it('ends the local runtime with a clear message when it dies', async () => {
    const lines: string[] = [];
    let fatal: (error: Error) => void = () => undefined;
    const ended = new Promise<Error>((resolve) => {
      fatal = resolve;
    });
    const runtime = await startLocalRuntime({
      dataDir: join(folder.path, 'runtime'),
      inbox: false,
      port: 0,
      log: (line) => lines.push(line),
      onEvent: () => undefined,
      onFatal: (error) => fatal(error),
    });
    await runtime.standIns!.thread!.terminate();
    expect((await ended).message).toMatch(/stand-ins' thread exited/);
    expect(lines.join('\n')).toMatch(/the pipeline cannot go on: stopping/);
    await runtime.stop();
  });
});
