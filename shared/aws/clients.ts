import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * One SDK client of each kind per container. Every client honours AWS_ENDPOINT_URL on its own; the
 * settings below are the ones the stand-ins (s3rver, moto) need and that are harmless on AWS.
 */
const onStandIn = Boolean(process.env.AWS_ENDPOINT_URL || process.env.AWS_ENDPOINT_URL_S3);

let s3: S3Client | undefined;
let sqs: SQSClient | undefined;
let documents: DynamoDBDocumentClient | undefined;

export function s3Client(): S3Client {
  s3 ??= new S3Client({
    forcePathStyle: onStandIn,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return s3;
}

export function sqsClient(): SQSClient {
  sqs ??= new SQSClient({});
  return sqs;
}

export function documentClient(): DynamoDBDocumentClient {
  documents ??= documentClientOf(new DynamoDBClient({}));
  return documents;
}

/** Items are written from objects with optional fields: an undefined field is left out, not refused. */
export function documentClientOf(dynamodb: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(dynamodb, { marshallOptions: { removeUndefinedValues: true } });
}
