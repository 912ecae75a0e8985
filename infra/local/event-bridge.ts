import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { objectCreatedMessage } from '../../shared/events/s3-object-event';
import { stageForKey } from '../../shared/pipeline/definition';
import type { RuntimeClients } from './clients';
import type { StageQueues } from './provision';
import { monotonicSequencer } from './sequencer';
import type { S3rverRecord } from './stand-ins/s3';

export interface EventBridge {
  /** Routes one s3rver record to the queue of the stage whose input prefix the key falls under. */
  deliver(record: S3rverRecord): void;
  /** Resolves once every message accepted so far has been sent (or given up on). */
  flush(): Promise<void>;
}

/**
 * The embedded stand-in for S3 event notifications: object-created in a stage's input zone becomes an
 * S3-notification-shaped message on that stage's queue. A send that fails is retried; if the runtime
 * dies before it is sent, reconcile on the next start finds the object unprocessed and re-enqueues it.
 */
export function createEventBridge(
  clients: RuntimeClients,
  queues: StageQueues,
  onError: (key: string, error: unknown) => void,
): EventBridge {
  const nextSequencer = monotonicSequencer();
  const pending = new Set<Promise<void>>();

  const send = async (queueUrl: string, body: string, key: string) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await clients.sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));
        return;
      } catch (error) {
        if (attempt >= 5) return onError(key, error);
        await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
      }
    }
  };

  return {
    deliver(record) {
      if (!record.eventName.startsWith('ObjectCreated')) return;
      const { bucket, object } = record.s3;
      const stage = stageForKey(object.key);
      if (!stage) return;
      const body = objectCreatedMessage({
        bucket: bucket.name,
        key: object.key,
        size: object.size,
        eTag: object.eTag,
        sequencer: nextSequencer(),
      });
      const sending = send(queues[stage.name].url, body, object.key);
      pending.add(sending);
      void sending.finally(() => pending.delete(sending));
    },
    async flush() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
