import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * An S3 client configured from the environment. It honours AWS_ENDPOINT_URL on its own; the settings
 * below are the ones the stand-ins (s3rver, moto) need and that are harmless on AWS.
 */
export function s3Client(): S3Client {
  const onStandIn = Boolean(process.env.AWS_ENDPOINT_URL || process.env.AWS_ENDPOINT_URL_S3);
  return new S3Client({
    forcePathStyle: onStandIn,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** Items are written from objects with optional fields: an undefined field is left out, not refused. */
export function documentClientOf(dynamodb: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(dynamodb, { marshallOptions: { removeUndefinedValues: true } });
}
