import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';

export interface ServiceEndpoints {
  s3: string;
  sqs: string;
  dynamodb: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface RuntimeClients {
  s3: S3Client;
  sqs: SQSClient;
  dynamodb: DynamoDBClient;
  destroy(): void;
}

/**
 * The runtime's own clients, pointed explicitly at its endpoints (the handlers use the shared clients,
 * which read the same endpoints from the environment). Queue URLs from the stand-ins name hosts such as
 * sqs.us-east-1.localhost that do not resolve, so SQS requests always go to the configured endpoint.
 */
export function runtimeClients(endpoints: ServiceEndpoints): RuntimeClients {
  const common = {
    region: endpoints.region,
    credentials: { accessKeyId: endpoints.accessKeyId, secretAccessKey: endpoints.secretAccessKey },
  };
  const s3 = new S3Client({
    ...common,
    endpoint: endpoints.s3,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const sqs = new SQSClient({ ...common, endpoint: endpoints.sqs, useQueueUrlAsEndpoint: false });
  const dynamodb = new DynamoDBClient({ ...common, endpoint: endpoints.dynamodb });
  return {
    s3,
    sqs,
    dynamodb,
    destroy: () => {
      s3.destroy();
      sqs.destroy();
      dynamodb.destroy();
    },
  };
}
