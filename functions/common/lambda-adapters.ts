import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { documentClient, s3Client } from '../../shared/aws/clients';
import type { ObjectStore } from './object-store';
import { lambdaObservability, type Observability } from './powertools';
import { s3ObjectStore } from './s3-object-store';

/**
 * The real adapters, made once per container by the entry modules: SDK clients wrapped by the
 * tracer, so X-Ray traces show each S3 and DynamoDB call under the invocation.
 */
let adapters:
  | { observability: Observability; objects: ObjectStore; documents: DynamoDBDocumentClient }
  | undefined;

export function lambdaAdapters() {
  if (!adapters) {
    const observability = lambdaObservability();
    const traced = <T extends S3Client | DynamoDBDocumentClient>(client: T): T =>
      observability.tracer.captureAWSv3Client(client);
    adapters = {
      observability,
      objects: s3ObjectStore(traced(s3Client())),
      documents: traced(documentClient()),
    };
  }
  return adapters;
}
