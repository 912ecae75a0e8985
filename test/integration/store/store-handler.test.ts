import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3ObjectStore } from '../../../functions/common/s3-object-store';
import { createStoreHandler } from '../../../functions/store/store-handler';
import { localObservability } from '../../../infra/local/observability';
import { type RunningS3, startS3 } from '../../../infra/local/stand-ins/s3';
import type { TaggedArticle } from '../../../shared/article/schema';
import { objectCreatedMessage } from '../../../shared/events/s3-object-event';
import { ArticleWriter } from '../../../shared/store/article-writer';
import { keys } from '../../../shared/store/items';
import { lambdaContext } from '../../../support/api-events';
import { startTestTable, type TestTable } from '../../../support/dynalite-table';
import { standInS3Client } from '../../../support/s3-client';
import { cast, castId, revisionAt, syntheticArticle } from '../../../support/synthetic-corpus';

type StoreHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

const bucket = 'store-handler-test';
let dir: string;
let s3: RunningS3;
let s3Client: S3Client;
let t: TestTable;
let handler: StoreHandler;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'store-handler-'));
  s3 = await startS3(join(dir, 's3'));
  t = await startTestTable();
  s3Client = standInS3Client(s3.endpoint);
  await s3Client.send(new CreateBucketCommand({ Bucket: bucket }));
  handler = createStoreHandler({
    objects: s3ObjectStore(s3Client),
    observability: localObservability(),
    articles: new ArticleWriter(t.db, t.table),
  });
});

afterAll(async () => {
  s3Client?.destroy();
  await t?.stop();
  await s3?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function upload(key: string, body: string) {
  await s3Client.send(
    new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: 'application/json' }),
  );
}

function sqsEvent(...keys: string[]): SQSEvent {
  return {
    Records: keys.map((key, i) => ({
      messageId: `m${i}`,
      receiptHandle: `r${i}`,
      body: objectCreatedMessage({ bucket, key }),
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: String(Date.now()),
        SenderId: 'test',
        ApproximateFirstReceiveTimestamp: String(Date.now()),
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:store',
      awsRegion: 'us-east-1',
    })),
  };
}

function tagged(id: string, day: number): TaggedArticle {
  return syntheticArticle({
    id,
    revision: revisionAt(new Date(Date.UTC(2025, 8, day)), day),
    publishedAt: `2025-09-${String(day).padStart(2, '0')}T08:00:00Z`,
    section: 'World',
    source: 'Reuters',
    members: [cast[0]!, cast[12]!],
    quoteBy: cast[0],
  });
}

describe('store handler', () => {
  it('stores a tagged document once however often its event is delivered', async () => {
    const article = tagged('handler1', 3);
    await upload('tagged/handler1.json', JSON.stringify(article));
    const event = sqsEvent('tagged/handler1.json', 'tagged/handler1.json');
    for (let i = 0; i < 3; i++) expect((await handler(event, lambdaContext)).batchItemFailures).toEqual([]);
    const { Item } = await t.db.send(new GetCommand({ TableName: t.table, Key: keys.article('handler1') }));
    expect(Item).toMatchObject({ id: 'handler1', title: article.title, revision: article.origin.revision });
    const entity = await t.db.send(
      new GetCommand({ TableName: t.table, Key: keys.entity(castId(cast[0]!)) }),
    );
    expect(entity.Item?.articleCount).toBe(1);
  });

  it('quarantines a document that is not a tagged article and acknowledges its message', async () => {
    await upload('tagged/broken.json', JSON.stringify({ id: 'broken', title: 42 }));
    const response = await handler(sqsEvent('tagged/broken.json'), lambdaContext);
    expect(response.batchItemFailures).toEqual([]);
    const record = await s3Client.send(
      new HeadObjectCommand({ Bucket: bucket, Key: 'quarantine/store/tagged/broken.json.json' }),
    );
    expect(record.ContentLength).toBeGreaterThan(0);
  });

  it('quarantines an event whose object is gone', async () => {
    const response = await handler(sqsEvent('tagged/never-written.json'), lambdaContext);
    expect(response.batchItemFailures).toEqual([]);
    await s3Client.send(
      new HeadObjectCommand({ Bucket: bucket, Key: 'quarantine/store/tagged/never-written.json.json' }),
    );
  });
});
