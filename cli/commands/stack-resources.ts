import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { type StageName, stageNames } from '../../shared/pipeline/key-layout';
import {
  bucketOutput,
  stageDeadLetterQueueOutput,
  stageQueueOutput,
  tableOutput,
} from '../../shared/pipeline/stack-outputs';

export interface StackResources {
  bucket: string;
  /** The archive table (the entities commands write corrections to it). */
  table?: string;
  queues: Partial<Record<StageName, { url?: string; deadLetterUrl?: string }>>;
}

/** Reads the deployed stack's outputs: the bucket and each stage's queue and dead-letter queue URLs. */
export async function readStack(
  stackName: string,
  client = new CloudFormationClient({}),
): Promise<StackResources> {
  const described = await client.send(new DescribeStacksCommand({ StackName: stackName }));
  const outputs = new Map((described.Stacks?.[0]?.Outputs ?? []).map((o) => [o.OutputKey, o.OutputValue]));
  const bucket = outputs.get(bucketOutput);
  if (!bucket) throw new Error(`stack ${stackName} has no ${bucketOutput} output`);
  const queues: StackResources['queues'] = {};
  for (const stage of stageNames) {
    queues[stage] = {
      url: outputs.get(stageQueueOutput(stage)),
      deadLetterUrl: outputs.get(stageDeadLetterQueueOutput(stage)),
    };
  }
  return { bucket, table: outputs.get(tableOutput), queues };
}
