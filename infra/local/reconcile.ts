import type { S3Client } from '@aws-sdk/client-s3';
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { listZone, type ZoneObject } from '../../shared/aws/list-zone';
import { objectCreatedMessage } from '../../shared/events/s3-object-event';
import { type StageDefinition, stages } from '../../shared/pipeline/definition';
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
  /** Without it, inputs of a stage writing to the table are left alone. */
  isStored?: StoredCheck;
}): Promise<ReconcileResult> {
  const { s3, bucket } = options;
  const [quarantined, ...zoneListings] = await Promise.all([
    listZone(s3, bucket, zones.quarantine),
    ...stages.map((stage) => listZone(s3, bucket, stage.inputPrefix)),
  ]);
  const inputs = new Map(stages.map((stage, i) => [stage.inputPrefix, zoneListings[i]!]));
  const quarantineByKey = new Map(quarantined.map((o) => [o.key, o]));
  const settledByQuarantine = (stage: StageName, object: ZoneObject) =>
    (quarantineByKey.get(quarantineKey(stage, object.key))?.lastModified ?? -1) >= object.lastModified;
  const behind = (result: ZoneObject | undefined, input: ZoneObject) =>
    result === undefined || result.lastModified < input.lastModified;

  /** The inputs of a stage that have neither a result newer than themselves nor a quarantine record. */
  const unfinished = async (stage: StageDefinition): Promise<ZoneObject[]> => {
    const candidates = inputs.get(stage.inputPrefix)!.filter((o) => !settledByQuarantine(stage.name, o));
    const output = stage.output;
    if (output.kind === 'documents') {
      const results = new Map(
        (inputs.get(output.prefix) ?? (await listZone(s3, bucket, output.prefix))).map((o) => [
          articleIdOfKey(o.key),
          o,
        ]),
      );
      return candidates.filter((o) => behind(results.get(articleIdOfKey(o.key)), o));
    }
    if (!options.isStored) return [];
    const stored = await options.isStored(
      candidates.map((object) => ({ articleId: articleIdOfKey(object.key), object })),
    );
    return candidates.filter((o) => !stored.has(articleIdOfKey(o.key)));
  };

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
  const enqueued: Partial<Record<StageName, number>> = {};
  for (const stage of stages) enqueued[stage.name] = await enqueue(stage.name, await unfinished(stage));
  return { enqueued: enqueued as Record<StageName, number> };
}
