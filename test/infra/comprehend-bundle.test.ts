import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningS3, startS3 } from '../../infra/local/stand-ins/s3';
import { entityId } from '../../shared/article/entity-id';
import { TaggedArticleSchema } from '../../shared/article/schema';
import { objectCreatedMessage } from '../../shared/events/s3-object-event';
import { bundleHandler } from '../../support/bundle-handler';
import { temporaryFolder } from '../e2e/helpers';
import { fixtureArticle } from '../unit/tag/article-fixture';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const fixtures = join(repoRoot, 'test', 'fixtures', 'tag');
const body = readFileSync(join(fixtures, 'comprehend-article.txt'), 'utf8');
const recorded = readFileSync(join(fixtures, 'comprehend-detect-entities.json'), 'utf8');

/** Comprehend's JSON protocol, enough for DetectEntities: the recorded response, and the texts it was sent. */
function startComprehend(): Promise<{ server: Server; endpoint: string; texts: string[] }> {
  const texts: string[] = [];
  const server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => {
      raw += chunk.toString('utf8');
    });
    request.on('end', () => {
      if (request.headers['x-amz-target'] !== 'Comprehend_20171127.DetectEntities') {
        response.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' });
        response.end(JSON.stringify({ __type: 'InvalidRequestException', message: 'unexpected target' }));
        return;
      }
      texts.push((JSON.parse(raw) as { Text: string }).Text);
      response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
      response.end(recorded);
    });
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () =>
      done({ server, endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, texts }),
    ),
  );
}

describe('the comprehend variant of the bundled tag handler', () => {
  const folder = temporaryFolder('comprehend-bundle-');
  const outdir = join(folder.path, 'bundle');
  let s3: RunningS3;
  let client: S3Client;
  let comprehend: Awaited<ReturnType<typeof startComprehend>>;

  beforeAll(async () => {
    // As the stack bundles the tag function, but with no asset folder copied: the model ships only with
    // the built-in tagger.
    await bundleHandler(join(repoRoot, 'functions', 'tag', 'handler.ts'), join(outdir, 'index.mjs'));
    s3 = await startS3(join(folder.path, 's3'));
    client = new S3Client({
      region: 'us-east-1',
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      endpoint: s3.endpoint,
      forcePathStyle: true,
    });
    comprehend = await startComprehend();
  }, 120_000);

  afterAll(async () => {
    comprehend?.server.close();
    await s3?.stop();
    folder.remove();
  });

  it('ships no model and tags the recorded Comprehend response', async () => {
    expect(readdirSync(outdir).sort()).toEqual(['index.mjs']);
    const bucket = 'articles';
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    const article = fixtureArticle({
      body,
      title: 'Ruto and Abiy meet on dam',
      images: [],
      source: undefined,
    });
    await client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: `parsed/${article.id}.json`,
        Body: JSON.stringify(article),
      }),
    );
    const event = {
      Records: [
        {
          messageId: 'm1',
          receiptHandle: 'r1',
          body: objectCreatedMessage({ bucket, key: `parsed/${article.id}.json` }),
          attributes: { ApproximateReceiveCount: '1' },
          messageAttributes: {},
          eventSource: 'aws:sqs',
          eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:tag',
          awsRegion: 'us-east-1',
        },
      ],
    };
    const runner = join(folder.path, 'invoke.mjs');
    writeFileSync(
      runner,
      `const { handler } = await import(${JSON.stringify(pathToFileURL(join(outdir, 'index.mjs')).href)});
const context = { functionName: 'tag', awsRequestId: 'x', getRemainingTimeInMillis: () => 30000 };
console.log(JSON.stringify(await handler(${JSON.stringify(event)}, context)));`,
    );
    const { stdout } = await promisify(execFile)(process.execPath, [runner], {
      cwd: folder.path,
      env: {
        PATH: process.env.PATH,
        TAGGER: 'comprehend',
        BUCKET_NAME: bucket,
        TABLE_NAME: 'unused',
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'S3RVER',
        AWS_SECRET_ACCESS_KEY: 'S3RVER',
        AWS_ENDPOINT_URL_S3: s3.endpoint,
        AWS_ENDPOINT_URL_COMPREHEND: comprehend.endpoint,
        POWERTOOLS_METRICS_DISABLED: 'true',
        POWERTOOLS_TRACE_ENABLED: 'false',
        POWERTOOLS_LOG_LEVEL: 'ERROR',
      },
    });
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual({ batchItemFailures: [] });
    expect(comprehend.texts).toEqual([body]);
    const stored = await client.send(
      new GetObjectCommand({ Bucket: bucket, Key: `tagged/${article.id}.json` }),
    );
    const tagged = TaggedArticleSchema.parse(JSON.parse(await stored.Body!.transformToString()));
    expect(tagged.tagger.name).toBe('comprehend');
    const ruto = tagged.entities.find((e) => e.id === entityId('PERSON', 'William Ruto'));
    expect(ruto?.mentions.map((m) => m.text)).toEqual(['William Ruto', 'Ruto']);
    expect(tagged.quotes[0]).toMatchObject({ speakerId: ruto?.id });
    expect(tagged.dates.map((d) => [d.text, d.anchor])).toEqual([
      ['Monday', 'published'],
      ['next month', 'published'],
    ]);
  }, 120_000);
});
