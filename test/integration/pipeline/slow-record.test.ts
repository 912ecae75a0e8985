import { CreateBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3ObjectStore } from '../../../functions/common/s3-object-store';
import { stageHandler } from '../../../functions/common/stage-handler';
import { lambdaContext } from '../../../infra/local/lambda-context';
import { localObservability } from '../../../infra/local/observability';
import { type RunningS3, startS3 } from '../../../infra/local/stand-ins/s3';
import { objectCreatedMessage } from '../../../shared/events/s3-object-event';
import { stageNamed } from '../../../shared/pipeline/definition';
import { quarantineKey } from '../../../shared/pipeline/key-layout';
import type { QuarantineRecord } from '../../../shared/pipeline/quarantine-record';
import { standInS3Client } from '../../../support/s3-client';
import { getJsonObject, temporaryFolder } from '../../e2e/helpers';

/**
 * A record whose processing outlasts the function's time must not take the batch down with it: the
 * handler answers before its deadline, the good records succeed, the slow one is a batch item failure
 * and, on its last delivery, is quarantined with a timeout reason.
 */
const bucket = 'slow-record-test';
const stage = stageNamed('parse');
const folder = temporaryFolder('slow-record-');
let s3: RunningS3;
let client: S3Client;

beforeAll(async () => {
  s3 = await startS3(folder.path);
  client = standInS3Client(s3.endpoint);
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
});

afterAll(async () => {
  client?.destroy();
  await s3?.stop();
  folder.remove();
});

function sqsRecord(key: string, receiveCount: number): SQSRecord {
  return {
    messageId: `id-${key}`,
    receiptHandle: key,
    body: objectCreatedMessage({ bucket, key }),
    attributes: {
      ApproximateReceiveCount: String(receiveCount),
      SentTimestamp: String(Date.now()),
      SenderId: 'test',
      ApproximateFirstReceiveTimestamp: String(Date.now()),
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:parse',
    awsRegion: 'us-east-1',
  };
}

/** The slow key takes far longer than the function's 2 s; the others finish at once. */
function slowHandler(slowKey: string, done: string[]) {
  const deps = { objects: s3ObjectStore(client), observability: localObservability('CRITICAL') };
  return stageHandler(stage, deps, async ({ key }) => {
    if (key === slowKey) await new Promise((resolve) => setTimeout(resolve, 8_000));
    done.push(key);
  }) as unknown as (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;
}

describe('a slow record in a batch', () => {
  it('is reported as the only failure before the timeout, the good records succeeding', async () => {
    const done: string[] = [];
    const handler = slowHandler('raw/slow/1.txt', done);
    const keys = ['raw/slow/good-1.txt', 'raw/slow/1.txt', 'raw/slow/good-2.txt'];
    const context = lambdaContext('article-pipeline-parse', 1024, 2);

    const response = await handler({ Records: keys.map((k) => sqsRecord(k, 1)) }, context);

    expect(context.getRemainingTimeInMillis()).toBeGreaterThan(0);
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'id-raw/slow/1.txt' }]);
    expect(done.sort()).toEqual(['raw/slow/good-1.txt', 'raw/slow/good-2.txt']);
    expect(await getJsonObject(client, bucket, quarantineKey('parse', 'raw/slow/1.txt'))).toBeUndefined();
  });

  it('is quarantined with a timeout reason on its last delivery', async () => {
    const handler = slowHandler('raw/slow/2.txt', []);
    const context = lambdaContext('article-pipeline-parse', 1024, 2);

    const response = await handler(
      { Records: [sqsRecord('raw/slow/2.txt', stage.maxReceiveCount), sqsRecord('raw/slow/ok.txt', 1)] },
      context,
    );

    expect(context.getRemainingTimeInMillis()).toBeGreaterThan(0);
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'id-raw/slow/2.txt' }]);
    const record = await getJsonObject<QuarantineRecord>(
      client,
      bucket,
      quarantineKey('parse', 'raw/slow/2.txt'),
    );
    expect(record?.reason.code).toBe('timeout');
    expect(record?.attempts).toBe(stage.maxReceiveCount);
  });
});
