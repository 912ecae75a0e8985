import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { describe, expect, it } from 'vitest';
import { readStack } from '../../../cli/commands/stack-resources';
import { stageDeadLetterQueueOutput, stageQueueOutput } from '../../../shared/pipeline/stack-outputs';

const url = (name: string) => `https://sqs.eu-west-1.amazonaws.com/123456789012/${name}`;

/** Answers DescribeStacks as CloudFormation does for the deployed stack. */
function fakeCloudFormation(outputs: Record<string, string>): CloudFormationClient {
  const send = async () => ({
    Stacks: [
      { Outputs: Object.entries(outputs).map(([OutputKey, OutputValue]) => ({ OutputKey, OutputValue })) },
    ],
  });
  return { send } as unknown as CloudFormationClient;
}

describe('reading the deployed stack for the operating commands', () => {
  it('finds the bucket and every stage queue and DLQ in the stack outputs', async () => {
    const outputs: Record<string, string> = {
      BucketName: 'articlepipeline-archive-abc',
      TableName: 'ArticlePipeline-Articles-xyz',
      ApiUrl: 'https://x',
    };
    for (const stage of ['parse', 'tag', 'store'] as const) {
      outputs[stageQueueOutput(stage)] = url(`${stage}-q`);
      outputs[stageDeadLetterQueueOutput(stage)] = url(`${stage}-dlq`);
    }
    const stack = await readStack('ArticlePipeline', fakeCloudFormation(outputs));
    expect(stack.bucket).toBe('articlepipeline-archive-abc');
    expect(stack.table).toBe('ArticlePipeline-Articles-xyz');
    expect(stack.queues).toEqual({
      parse: { url: url('parse-q'), deadLetterUrl: url('parse-dlq') },
      tag: { url: url('tag-q'), deadLetterUrl: url('tag-dlq') },
      store: { url: url('store-q'), deadLetterUrl: url('store-dlq') },
    });
  });

  it('says which output is missing when the stack is not ours', async () => {
    await expect(readStack('Other', fakeCloudFormation({}))).rejects.toThrow(/no BucketName output/);
  });
});
