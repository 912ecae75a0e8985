import { describe, expect, it } from 'vitest';
import { createParseHandler } from '../../../functions/parse/parse-handler';
import { lambdaContext } from '../../../infra/local/lambda-context';
import { localObservability } from '../../../infra/local/observability';
import { sqsEvent } from '../../../infra/local/sqs-event';
import { articleIdFromKey } from '../../../shared/article/article-id';
import { objectCreatedMessage } from '../../../shared/events/s3-object-event';
import { quarantineKey, stageDocumentKey } from '../../../shared/pipeline/key-layout';
import { memoryObjectStore } from '../../fakes/memory-object-store';

const bucket = 'archive';

/** A batch as the event source mapping builds it from the parse queue, one message per key. */
const batch = (...keys: string[]) =>
  sqsEvent(
    keys.map((key, i) => ({
      MessageId: `m${i}`,
      ReceiptHandle: `r${i}`,
      Body: objectCreatedMessage({ bucket, key }),
    })),
    'arn:aws:sqs:us-east-1:000000000000:parse',
    'us-east-1',
  );

function parseHandler() {
  const objects = memoryObjectStore();
  const handler = createParseHandler({
    objects: objects.store,
    observability: localObservability('CRITICAL'),
    defaultTimeZone: 'UTC',
    maxRawBytes: 1024 * 1024,
  });
  return { objects, handler };
}

const context = lambdaContext('parse', 1024, 60);

describe('the parse handler, built with an in-memory object store', () => {
  it('writes the parsed document under the article id of the raw key', async () => {
    const { objects, handler } = parseHandler();
    objects.putText(bucket, 'raw/world/a.txt', 'A headline\n\nA body paragraph long enough to count.\n');
    expect(await handler(batch('raw/world/a.txt'), context)).toEqual({ batchItemFailures: [] });
    const parsed = objects.json(bucket, stageDocumentKey('parsed', articleIdFromKey('raw/world/a.txt')));
    expect(parsed).toMatchObject({ title: 'A headline', origin: { key: 'raw/world/a.txt' } });
  });

  it('quarantines a file whose key leaves no room for the quarantine key, keeping the whole key', async () => {
    const { objects, handler } = parseHandler();
    const longKey = `raw/${'x'.repeat(1010)}.bin`;
    objects.putText(bucket, longKey, '\u0000\u0001\u0002 not an article');
    expect(await handler(batch(longKey), context)).toEqual({ batchItemFailures: [] });
    const record = objects.json(bucket, quarantineKey('parse', longKey));
    expect(record).toMatchObject({ stage: 'parse', key: longKey, attempts: 1 });
    expect(objects.keys().filter((k) => k.includes('/quarantine/'))).toHaveLength(1);
  });
});
