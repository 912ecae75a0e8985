import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveTarget } from '../../../cli/commands/pipeline-target';
import { redrive } from '../../../cli/commands/redrive';
import type { StageHandler } from '../../../infra/local/poller';
import { articleIdFromKey } from '../../../shared/article/article-id';
import { objectsInMessage } from '../../../shared/events/s3-object-event';
import type { StageName } from '../../../shared/pipeline/key-layout';
import type { QuarantineRecord } from '../../../shared/pipeline/quarantine-record';
import { fixtureArticle } from '../../../support/article-fixtures';
import { eventually } from '../../../support/eventually';
import { getJsonObject, putObject } from '../../e2e/helpers';
import { type FaultProxy, faults, startFaultProxy } from './fault-proxy';
import { type Harness, startHarness } from './runtime-harness';

let harness: Harness;
const proxies: Partial<Record<'s3' | 'dynamodb', FaultProxy>> = {};
/** Per-stage fault injected around the real handler; undefined passes straight through. */
type HandlerFault = (
  event: SQSEvent,
  next: StageHandler,
  context: Context,
) => Promise<SQSBatchResponse | undefined>;
const handlerFaults: Partial<Record<StageName, HandlerFault>> = {};

const keysOf = (event: SQSEvent) => event.Records.flatMap((r) => objectsInMessage(r.body).map((o) => o.key));

beforeAll(async () => {
  harness = await startHarness({
    handlerEndpoint: async (service, endpoint) => {
      proxies[service] = await startFaultProxy(endpoint);
      return proxies[service]!.endpoint;
    },
    wrapHandler: (stage, handler) => async (event, context) => {
      const fault = handlerFaults[stage];
      return fault ? fault(event, handler, context) : handler(event, context);
    },
  });
});

afterAll(async () => {
  await harness?.stop();
  await Promise.all(Object.values(proxies).map((p) => p?.stop()));
});

async function putArticles(prefix: string, numbers: number[]): Promise<string[]> {
  const keys = numbers.map((n) => `raw/${prefix}/${n}.txt`);
  for (const [i, key] of keys.entries()) {
    await putObject(harness.clients.s3, harness.bucket, key, fixtureArticle(numbers[i]!).text);
  }
  return keys;
}

async function allStored(keys: string[]) {
  for (const key of keys) {
    const id = articleIdFromKey(key);
    await eventually(`${key} stored`, () => harness.article(id));
  }
}

const quarantineRecord = (stage: StageName, key: string) =>
  getJsonObject<QuarantineRecord>(harness.clients.s3, harness.bucket, `quarantine/${stage}/${key}.json`);

describe('fault injection', () => {
  it('retries DynamoDB throttling and 5xx answers, losing nothing', async () => {
    let requests = 0;
    proxies.dynamodb!.setRule(() => {
      requests++;
      if (requests > 60 || requests % 2 === 0) return undefined;
      return requests % 4 === 1 ? faults.dynamoDbThrottling() : faults.dynamoDbInternalError();
    });
    const before = proxies.dynamodb!.injected;
    const keys = await putArticles('throttled', [31, 32, 33]);
    await allStored(keys);
    proxies.dynamodb!.setRule(undefined);
    expect(proxies.dynamodb!.injected - before).toBeGreaterThan(0);
    for (const key of keys) expect(await quarantineRecord('parse', key)).toBeUndefined();
  });

  it('retries S3 503 SlowDown and 500 answers to the handlers, losing nothing', async () => {
    let requests = 0;
    proxies.s3!.setRule(() => {
      requests++;
      if (requests > 60 || requests % 2 === 0) return undefined;
      return requests % 4 === 1 ? faults.s3SlowDown() : faults.s3InternalError();
    });
    const before = proxies.s3!.injected;
    const keys = await putArticles('slowdown', [41, 42, 43]);
    await allStored(keys);
    proxies.s3!.setRule(undefined);
    expect(proxies.s3!.injected - before).toBeGreaterThan(0);
  });

  it("quarantines an object deleted between its event and its processing as 'source-missing'", async () => {
    const key = 'raw/vanishing/gone.txt';
    handlerFaults.parse = async (event, next, context) => {
      if (keysOf(event).includes(key)) {
        await harness.clients.s3.send(new DeleteObjectCommand({ Bucket: harness.bucket, Key: key }));
      }
      return next(event, context);
    };
    await putObject(harness.clients.s3, harness.bucket, key, fixtureArticle(51).text);
    const record = await eventually('the quarantine record', () => quarantineRecord('parse', key));
    handlerFaults.parse = undefined;
    expect(record.reason.code).toBe('source-missing');
    expect(await harness.article(articleIdFromKey(key))).toBeUndefined();
  });

  it('redelivers a batch whose handler died half-way and stores each file once', async () => {
    let deaths = 0;
    handlerFaults.store = async (event, next, context) => {
      if (deaths === 0 && event.Records.length > 0) {
        deaths++;
        // Half the batch is written, then the process "dies": no response reaches the poller.
        await next({ Records: event.Records.slice(0, Math.ceil(event.Records.length / 2)) }, context);
        throw new Error('Runtime exited with error: signal: killed');
      }
      return next(event, context);
    };
    const keys = await putArticles('dies', [61, 62, 63, 64]);
    await allStored(keys);
    handlerFaults.store = undefined;
    expect(deaths).toBe(1);
    const retried = harness.log.events.filter((e) => e.kind === 'retrying' && e.stage === 'store');
    expect(retried.length).toBeGreaterThan(0);
    for (const key of keys) {
      const article = await harness.article(articleIdFromKey(key));
      for (const { id } of article.entities)
        expect((await harness.entity(id)).articleCount).toBeGreaterThan(0);
    }
  });

  it('quarantines a poison file after maxReceiveCount, parks it in the DLQ, and the files behind it go on', async () => {
    const poison = 'raw/poison/always-fails.txt';
    // Every read of the poison file fails with a 500, however often the SDK and SQS retry.
    proxies.s3!.setRule((request) =>
      request.method !== 'PUT' && request.url?.includes('/raw/poison/')
        ? faults.s3InternalError()
        : undefined,
    );
    await putObject(harness.clients.s3, harness.bucket, poison, fixtureArticle(71).text);
    const behind = await putArticles('behind-poison', [72, 73, 74]);
    await allStored(behind);

    const record = await eventually('the poison quarantine record', () => quarantineRecord('parse', poison));
    expect(record.reason.code).toBe('retries-exhausted');
    expect(record.attempts).toBe(3);
    await eventually('the poison message in the parse DLQ', async () =>
      (await harness.deadLetterDepth('parse')) === 1 ? true : undefined,
    );

    // After the fix, `articles redrive` puts it back and it goes through.
    proxies.s3!.setRule(undefined);
    const target = await resolveTarget({ dataDir: harness.dataDir });
    expect(await redrive(target, 'parse')).toBe(1);
    await allStored([poison]);
    expect(await quarantineRecord('parse', poison)).toBeUndefined();
    expect(await harness.deadLetterDepth('parse')).toBe(0);
  });
});
