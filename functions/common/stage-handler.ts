import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { objectsInRecord, type S3ObjectRef } from '../../shared/events/s3-object-event';
import type { StageDefinition } from '../../shared/pipeline/definition';
import type { ObjectStore } from './object-store';
import type { Observability } from './powertools';
import { quarantine } from './quarantine';
import { StageRejection } from './stage-error';
import { type Deadline, deadlineOf, RecordTimeout } from './time-budget';

export type ObjectProcessor = (object: S3ObjectRef) => Promise<void>;

/** What every stage handler is built with; each stage adds its own. */
export interface StageDependencies {
  objects: ObjectStore;
  observability: Observability;
}

/**
 * Every stage has one shape: an SQS batch of S3 object-created events in, one call of `process` per
 * object, partial batch failures out. A StageRejection (bad input) is quarantined at once and the
 * message acknowledged; any other error is retried by SQS, and on the last delivery before the DLQ
 * the object is quarantined too, so a poison file is both visible in quarantine/ and in the DLQ.
 *
 * A record still running when the function's time is nearly up counts as failed (RecordTimeout): the
 * handler answers before Lambda kills it, so the records that finished are acknowledged rather than
 * retried with the slow one, and a slow file on its last delivery is quarantined like a failing one.
 */
export function stageHandler(
  stage: StageDefinition,
  { objects, observability }: StageDependencies,
  process: ObjectProcessor,
) {
  const { logger, metrics, tracer } = observability;
  const processRecord = async (record: SQSRecord, deadline: Deadline): Promise<void> => {
    const attempts = Number(record.attributes?.ApproximateReceiveCount ?? '1');
    for (const object of objectsInRecord(record)) {
      if (!object.key.startsWith(stage.inputPrefix)) continue;
      try {
        await deadline.race(process(object), object.key);
        metrics.addMetric(`${stage.name}Processed`, MetricUnit.Count, 1);
      } catch (error) {
        const lastAttempt = attempts >= stage.maxReceiveCount;
        if (error instanceof StageRejection || lastAttempt) {
          const recordKey = await quarantine(objects, object.bucket, {
            stage: stage.name,
            bucket: object.bucket,
            key: object.key,
            reason: quarantineReason(error),
            attempts,
          });
          metrics.addMetric(`${stage.name}Quarantined`, MetricUnit.Count, 1);
          logger.warn('quarantined', {
            stage: stage.name,
            key: object.key,
            reason: quarantineReason(error),
            quarantineKey: recordKey,
          });
          if (error instanceof StageRejection) continue;
        }
        logger.error('failed', { stage: stage.name, key: object.key, attempts, error: errorMessage(error) });
        throw error;
      }
    }
  };

  const lambdaHandler = async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
    const deadline = deadlineOf(context);
    try {
      // A processor per invocation: its state is per batch, and the local runtime runs batches concurrently.
      return await processPartialResponse(
        event,
        (record: SQSRecord) => processRecord(record, deadline),
        new BatchProcessor(EventType.SQS),
        { context },
      );
    } finally {
      deadline.clear();
    }
  };

  return middy(lambdaHandler)
    .use(captureLambdaHandler(tracer))
    .use(logMetrics(metrics, { captureColdStartMetric: true }))
    .use(injectLambdaContext(logger, { clearState: true }));
}

function quarantineReason(error: unknown): { code: string; message: string } {
  if (error instanceof StageRejection) return { code: error.code, message: error.message };
  if (error instanceof RecordTimeout) return { code: 'timeout', message: error.message };
  return { code: 'retries-exhausted', message: errorMessage(error) };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
