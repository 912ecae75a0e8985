import {
  CloudFormationClient,
  DescribeStacksCommand,
  ListStackResourcesCommand,
  type ListStackResourcesCommandOutput,
} from '@aws-sdk/client-cloudformation';
import { type StageName, stageNames } from '../../shared/article/schema';

export interface StackResources {
  bucket: string;
  queues: Partial<Record<StageName, { url?: string; deadLetterUrl?: string }>>;
}

/**
 * Reads the deployed stack: the bucket from its BucketName output, each stage's queue and DLQ from the
 * stack's AWS::SQS::Queue resources (their physical id is the queue URL; the logical id starts with
 * the stage construct's name, e.g. ParseStageQueue… and ParseStageDeadLetterQueue…).
 */
export async function readStack(
  stackName: string,
  client = new CloudFormationClient({}),
): Promise<StackResources> {
  const described = await client.send(new DescribeStacksCommand({ StackName: stackName }));
  const outputs = described.Stacks?.[0]?.Outputs ?? [];
  const bucket = outputs.find((o) => o.OutputKey === 'BucketName')?.OutputValue;
  if (!bucket) throw new Error(`stack ${stackName} has no BucketName output`);
  const queues: StackResources['queues'] = {};
  let token: string | undefined;
  do {
    const page: ListStackResourcesCommandOutput = await client.send(
      new ListStackResourcesCommand({ StackName: stackName, NextToken: token }),
    );
    for (const resource of page.StackResourceSummaries ?? []) {
      if (resource.ResourceType !== 'AWS::SQS::Queue' || !resource.PhysicalResourceId) continue;
      const logical = resource.LogicalResourceId ?? '';
      for (const stage of stageNames) {
        const prefix = `${stage[0]!.toUpperCase()}${stage.slice(1)}Stage`;
        if (!logical.startsWith(prefix)) continue;
        const rest = logical.slice(prefix.length);
        queues[stage] ??= {};
        const entry = queues[stage]!;
        if (rest.startsWith('DeadLetterQueue')) entry.deadLetterUrl = resource.PhysicalResourceId;
        else if (rest.startsWith('Queue')) entry.url = resource.PhysicalResourceId;
      }
    }
    token = page.NextToken;
  } while (token);
  return { bucket, queues };
}
