import type { S3Client } from '@aws-sdk/client-s3';
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { listZone, type ZoneObject } from '../../shared/aws/list-zone';
import { objectCreatedMessage } from '../../shared/events/s3-object-event';
import { stageNamed } from '../../shared/pipeline/definition';
import { articleIdOfKey, quarantineKey, type StageName, zones } from '../../shared/pipeline/key-layout';
import type { StageQueues } from './provision';
import { monotonicSequencer } from './sequencer';

/** Which tagged articles the table already holds, as of at least the given tagged/ object. */
export type StoredCheck = (
  tagged: readonly { articleId: string; object: ZoneObject }[],
) => Promise<Set<string>>;

export interface ReconcileResult {
  enqueued: Record<StageName, number>;
}

/**
 * SQS state does not survive a restart of the embedded runtime (and a crash can lose an event between
 * S3 and its queue), so on start-up every object whose next step has no result newer than itself, and
 * no quarantine record newer than itself, is enqueued again for its stage. Handlers are idempotent, so
 * an object enqueued twice costs a no-op, never a duplicate.
 */
export async function reconcile(options: {
  s3: S3Client;
  sqs: SQSClient;
  bucket: string;
  queues: StageQueues;
  /** Omitted while no store stage runs: tagged/ objects are then left alone. */
  isStored?: StoredCheck;
}): Promise<ReconcileResult> {
  const { s3, bucket } = options;
  const [raw, parsed, tagged, quarantined] = await Promise.all([
    listZone(s3, bucket, stageNamed('parse').inputPrefix),
    listZone(s3, bucket, stageNamed('tag').inputPrefix),
    listZone(s3, bucket, stageNamed('store').inputPrefix),
    listZone(s3, bucket, zones.quarantine),
  ]);
  const byId = (objects: ZoneObject[]) => new Map(objects.map((o) => [articleIdOfKey(o.key), o]));
  const parsedById = byId(parsed);
  const taggedById = byId(tagged);
  const quarantineByKey = new Map(quarantined.map((o) => [o.key, o]));
  const settledByQuarantine = (stage: StageName, object: ZoneObject) =>
    (quarantineByKey.get(quarantineKey(stage, object.key))?.lastModified ?? -1) >= object.lastModified;
  const behind = (result: ZoneObject | undefined, input: ZoneObject) =>
    result === undefined || result.lastModified < input.lastModified;

  const toParse = raw.filter(
    (o) => behind(parsedById.get(articleIdOfKey(o.key)), o) && !settledByQuarantine('parse', o),
  );
  const toTag = parsed.filter(
    (o) => behind(taggedById.get(articleIdOfKey(o.key)), o) && !settledByQuarantine('tag', o),
  );
  let toStore: ZoneObject[] = [];
  if (options.isStored) {
    const candidates = tagged.filter((o) => !settledByQuarantine('store', o));
    const stored = await options.isStored(
      candidates.map((object) => ({ articleId: articleIdOfKey(object.key), object })),
    );
    toStore = candidates.filter((o) => !stored.has(articleIdOfKey(o.key)));
  }

  const nextSequencer = monotonicSequencer();
  const enqueue = async (stage: StageName, objects: ZoneObject[]) => {
    for (let i = 0; i < objects.length; i += 10) {
      const chunk = objects.slice(i, i + 10);
      const sent = await options.sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: options.queues[stage].url,
          Entries: chunk.map((o, n) => ({
            Id: String(n),
            MessageBody: objectCreatedMessage({
              bucket,
              key: o.key,
              size: o.size,
              sequencer: nextSequencer(),
            }),
          })),
        }),
      );
      if (sent.Failed?.length)
        throw new Error(`reconcile: ${sent.Failed.length} messages not accepted by ${stage}`);
    }
    return objects.length;
  };
  return {
    enqueued: {
      parse: await enqueue('parse', toParse),
      tag: await enqueue('tag', toTag),
      store: await enqueue('store', toStore),
    },
  };
}
