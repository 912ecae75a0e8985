import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { documentClientOf, s3Client } from '../../shared/aws/clients';
import type { ObjectStore } from './object-store';
import { lambdaObservability, type Observability } from './powertools';
import { s3ObjectStore } from './s3-object-store';

export interface LambdaAdapters {
  observability: Observability;
  objects: ObjectStore;
  documents: DynamoDBDocumentClient;
}

let adapters: LambdaAdapters | undefined;

/**
 * The real adapters, made once per container by the entry modules. Each SDK client is wrapped by the
 * tracer (captureAWSv3Client), so X-Ray shows every S3 and DynamoDB call under its invocation; outside
 * Lambda the tracer is off and the wrap returns the client unchanged.
 */
export function lambdaAdapters(): LambdaAdapters {
  if (!adapters) {
    const observability = lambdaObservability();
    const { tracer } = observability;
    adapters = {
      observability,
      objects: s3ObjectStore(tracer.captureAWSv3Client(s3Client())),
      documents: documentClientOf(tracer.captureAWSv3Client(new DynamoDBClient({}))),
    };
  }
  return adapters;
}
