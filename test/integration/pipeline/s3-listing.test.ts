import { CreateBucketCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runtimeClients } from '../../../infra/local/clients';
import { type RunningS3, startS3 } from '../../../infra/local/stand-ins/s3';
import { putObject, temporaryFolder } from '../../e2e/helpers';

const folder = temporaryFolder('s3-listing-');
let s3: RunningS3;
let clients: ReturnType<typeof runtimeClients>;
const keys = ['raw/a.txt', 'raw/b c.txt', 'raw/d/e.txt', 'raw/f+g.txt', 'raw/h.txt', 'tagged/x.json'];

beforeAll(async () => {
  s3 = await startS3(folder.path);
  clients = runtimeClients({
    s3: s3.endpoint,
    sqs: s3.endpoint,
    dynamodb: s3.endpoint,
    region: 'us-east-1',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
  });
  await clients.s3.send(new CreateBucketCommand({ Bucket: 'listing-test' }));
  for (const key of keys) await putObject(clients.s3, 'listing-test', key, key);
});

afterAll(async () => {
  clients?.destroy();
  await s3?.stop();
  folder.remove();
});

describe('the S3 stand-in', () => {
  it('pages ListObjectsV2 with continuation tokens (without the legacy OpenSSL provider)', async () => {
    const pages: string[][] = [];
    let token: string | undefined;
    do {
      const page = await clients.s3.send(
        new ListObjectsV2Command({
          Bucket: 'listing-test',
          Prefix: 'raw/',
          MaxKeys: 2,
          ContinuationToken: token,
        }),
      );
      pages.push((page.Contents ?? []).map((o) => o.Key!));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(pages.flat()).toEqual(keys.filter((k) => k.startsWith('raw/')).sort());
  });

  it('reports each object it stores to its listeners with the plain key', async () => {
    const seen: string[] = [];
    s3.onEvent((record) => seen.push(`${record.eventName} ${record.s3.object.key}`));
    await putObject(clients.s3, 'listing-test', 'raw/new one.txt', 'text');
    expect(seen).toEqual(['ObjectCreated:Put raw/new one.txt']);
  });
});
