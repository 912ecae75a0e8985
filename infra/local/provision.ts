import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import {
  BucketAlreadyOwnedByYou,
  CreateBucketCommand,
  HeadBucketCommand,
  PutBucketNotificationConfigurationCommand,
} from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { stages, visibilityTimeoutSeconds } from '../../shared/pipeline/definition';
import type { StageName } from '../../shared/pipeline/key-layout';
import { createTable } from '../../shared/store/create-table';
import type { RuntimeClients } from './clients';

export interface ResourceNames {
  bucket: string;
  table: string;
  queue: (stage: StageName) => string;
  deadLetterQueue: (stage: StageName) => string;
}

export interface StageQueue {
  url: string;
  arn: string;
  deadLetterUrl: string;
  deadLetterArn: string;
  visibilityTimeoutSeconds: number;
}

export type StageQueues = Record<StageName, StageQueue>;

/** Creates (or finds) the bucket, the table and one queue + DLQ per stage, as the stack defines them. */
export async function provision(
  clients: RuntimeClients,
  names: ResourceNames,
  options: { visibilityTimeoutSeconds?: number } = {},
): Promise<StageQueues> {
  await ensureBucket(clients, names.bucket);
  await createTable(clients.dynamodb, names.table);
  await waitForTable(clients, names.table);
  const queues = {} as StageQueues;
  for (const stage of stages) {
    const deadLetter = await ensureQueue(clients, names.deadLetterQueue(stage.name), {
      MessageRetentionPeriod: String(14 * 24 * 3600),
    });
    const visibility = options.visibilityTimeoutSeconds ?? visibilityTimeoutSeconds(stage);
    const queue = await ensureQueue(clients, names.queue(stage.name), {
      VisibilityTimeout: String(visibility),
      RedrivePolicy: JSON.stringify({
        deadLetterTargetArn: deadLetter.arn,
        maxReceiveCount: stage.maxReceiveCount,
      }),
    });
    queues[stage.name] = {
      url: queue.url,
      arn: queue.arn,
      deadLetterUrl: deadLetter.url,
      deadLetterArn: deadLetter.arn,
      visibilityTimeoutSeconds: visibility,
    };
  }
  return queues;
}

/**
 * On an external endpoint (moto, LocalStack) S3 itself delivers object-created notifications to the
 * stage queues, one queue configuration per input prefix, as S3 does in AWS without EventBridge.
 */
export async function configureBucketNotifications(
  clients: RuntimeClients,
  bucket: string,
  queues: StageQueues,
): Promise<void> {
  await clients.s3.send(
    new PutBucketNotificationConfigurationCommand({
      Bucket: bucket,
      NotificationConfiguration: {
        QueueConfigurations: stages.map((stage) => ({
          Id: `${stage.name}-input`,
          QueueArn: queues[stage.name].arn,
          Events: ['s3:ObjectCreated:*'],
          Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: stage.inputPrefix }] } },
        })),
      },
    }),
  );
}

async function ensureBucket(clients: RuntimeClients, bucket: string): Promise<void> {
  try {
    await clients.s3.send(new HeadBucketCommand({ Bucket: bucket }));
    return;
  } catch {
    // missing: create it below
  }
  try {
    await clients.s3.send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (error) {
    if (!(error instanceof BucketAlreadyOwnedByYou)) throw error;
  }
}

async function ensureQueue(
  clients: RuntimeClients,
  name: string,
  attributes: Record<string, string>,
): Promise<{ url: string; arn: string }> {
  const created = await clients.sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
  const url = created.QueueUrl!;
  const described = await clients.sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }),
  );
  return { url, arn: described.Attributes!.QueueArn! };
}

async function waitForTable(clients: RuntimeClients, table: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const described = await clients.dynamodb.send(new DescribeTableCommand({ TableName: table }));
    if (described.Table?.TableStatus === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`table ${table} did not become ACTIVE`);
}
