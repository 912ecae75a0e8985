import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { objectsInRecord, type S3ObjectRef } from '../../shared/events/s3-object-event';
import type { StageDefinition } from '../../shared/pipeline/definition';
import { logger, metrics, tracer } from './powertools';
import { quarantine } from './quarantine';
import { StageRejection } from './stage-error';

export type ObjectProcessor = (object: S3ObjectRef) => Promise<void>;

/**
 * Every stage has one shape: an SQS batch of S3 object-created events in, one call of `process` per
 * object, partial batch failures out. A StageRejection (bad input) is quarantined at once and the
 * message acknowledged; any other error is retried by SQS, and on the last delivery before the DLQ
 * the object is quarantined too, so a poison file is both visible in quarantine/ and in the DLQ.
 */
export function stageHandler(stage: StageDefinition, process: ObjectProcessor) {
  const processor = new BatchProcessor(EventType.SQS);

  const processRecord = async (record: SQSRecord): Promise<void> => {
    const attempts = Number(record.attributes?.ApproximateReceiveCount ?? '1');
    for (const object of objectsInRecord(record)) {
      if (!object.key.startsWith(stage.inputPrefix)) continue;
      try {
        await process(object);
        metrics.addMetric(`${stage.name}Processed`, MetricUnit.Count, 1);
      } catch (error) {
        const lastAttempt = attempts >= stage.maxReceiveCount;
        if (error instanceof StageRejection || lastAttempt) {
          const reason =
            error instanceof StageRejection
              ? { code: error.code, message: error.message }
              : { code: 'retries-exhausted', message: errorMessage(error) };
          const at = await quarantine(object.bucket, {
            stage: stage.name,
            bucket: object.bucket,
            key: object.key,
            reason,
            attempts,
          });
          metrics.addMetric(`${stage.name}Quarantined`, MetricUnit.Count, 1);
          logger.warn('quarantined', { stage: stage.name, key: object.key, reason, quarantineKey: at });
          if (error instanceof StageRejection) continue;
        }
        logger.error('failed', { stage: stage.name, key: object.key, attempts, error: errorMessage(error) });
        throw error;
      }
    }
  };

  const lambdaHandler = async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> =>
    processPartialResponse(event, processRecord, processor, { context });

  return middy(lambdaHandler)
    .use(captureLambdaHandler(tracer))
    .use(logMetrics(metrics, { captureColdStartMetric: true }))
    .use(injectLambdaContext(logger, { clearState: true }));
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
