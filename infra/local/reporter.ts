import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { objectsInMessage } from '../../shared/events/s3-object-event';
import { articleIdOfKey, quarantineKey, type StageName } from '../../shared/pipeline/key-layout';
import type { QuarantineRecord } from '../../shared/pipeline/quarantine-record';
import type { BatchOutcome } from './poller';

export type PipelineEvent =
  | { kind: 'uploaded'; file: string; key: string; articleId: string }
  | { kind: 'received'; key: string; articleId: string }
  | { kind: 'parsed' | 'tagged' | 'stored'; key: string; articleId: string }
  | { kind: 'retrying'; stage: StageName; key: string; articleId: string; attempt: number; error: string }
  | {
      kind: 'quarantined';
      stage: StageName;
      key: string;
      articleId: string;
      reason: QuarantineRecord['reason'];
    };

export type PipelineListener = (event: PipelineEvent) => void;

const doneEvent = { parse: 'parsed', tag: 'tagged', store: 'stored' } as const;

/**
 * Turns the pollers' batch outcomes into one event per file and step. A record the handler
 * acknowledged either went through its stage or was quarantined (a rejection is acknowledged too),
 * so the quarantine zone is consulted for a record written during this batch.
 */
export function batchReporter(s3: S3Client, emit: PipelineListener) {
  return async ({ stage, event, failedIds, error, startedAt }: BatchOutcome): Promise<void> => {
    for (const record of event.Records) {
      let objects: ReturnType<typeof objectsInMessage>;
      try {
        objects = objectsInMessage(record.body);
      } catch {
        continue;
      }
      const attempt = Number(record.attributes.ApproximateReceiveCount);
      for (const { bucket, key } of objects) {
        if (!key.startsWith(stage.inputPrefix)) continue;
        const articleId = articleIdOfKey(key);
        if (stage.input === 'raw' && attempt === 1) emit({ kind: 'received', key, articleId });
        const quarantined = await readQuarantine(s3, bucket, quarantineKey(stage.name, key), startedAt);
        if (quarantined) {
          emit({ kind: 'quarantined', stage: stage.name, key, articleId, reason: quarantined.reason });
        } else if (failedIds.has(record.messageId)) {
          emit({ kind: 'retrying', stage: stage.name, key, articleId, attempt, error: describe(error) });
        } else {
          emit({ kind: doneEvent[stage.name], key, articleId });
        }
      }
    }
  };
}

async function readQuarantine(
  s3: S3Client,
  bucket: string,
  key: string,
  since: number,
): Promise<QuarantineRecord | undefined> {
  try {
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const record = JSON.parse(await object.Body!.transformToString()) as QuarantineRecord;
    // Allow for clock granularity between the record's timestamp and the batch start.
    return Date.parse(record.at) >= since - 1000 ? record : undefined;
  } catch {
    return undefined;
  }
}

function describe(error: unknown): string {
  if (error === undefined) return 'reported as a batch item failure';
  // Powertools wraps a batch in which every record failed; the records' own errors say more.
  const recordErrors = (error as { recordErrors?: unknown[] }).recordErrors;
  if (Array.isArray(recordErrors) && recordErrors.length > 0) error = recordErrors[0];
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The line `npm start` prints for an event. */
export function formatEvent(event: PipelineEvent): string {
  const id = event.articleId;
  switch (event.kind) {
    case 'uploaded':
      return `uploaded     ${event.file} -> ${event.key}  article ${id}`;
    case 'received':
      return `received     ${event.key}  article ${id}`;
    case 'parsed':
    case 'tagged':
    case 'stored':
      return `${event.kind.padEnd(12)} ${id}  (${event.key})`;
    case 'retrying':
      return `retrying     ${event.stage} ${event.key}  article ${id}, attempt ${event.attempt} failed: ${event.error}`;
    case 'quarantined':
      return `quarantined  ${event.stage} ${event.key}  article ${id}: ${event.reason.code} (${event.reason.message})`;
  }
}
