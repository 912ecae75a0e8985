import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { describe, expect, it } from 'vitest';
import { readStack } from '../../../cli/commands/stack-resources';

/** Answers DescribeStacks and ListStackResources (two pages) as CloudFormation does for the deployed stack. */
function fakeCloudFormation(): CloudFormationClient {
  const queue = (logical: string, name: string) => ({
    LogicalResourceId: logical,
    ResourceType: 'AWS::SQS::Queue',
    PhysicalResourceId: `https://sqs.eu-west-1.amazonaws.com/123456789012/${name}`,
  });
  const pages = [
    [
      {
        LogicalResourceId: 'ArchiveBucket1234',
        ResourceType: 'AWS::S3::Bucket',
        PhysicalResourceId: 'bucket-x',
      },
      queue('ParseStageDeadLetterQueue16715283', 'parse-dlq'),
      queue('ParseStageQueue52838B6B', 'parse-q'),
      queue('TagStageDeadLetterQueue22A71458', 'tag-dlq'),
    ],
    [
      queue('TagStageQueueB2805F19', 'tag-q'),
      queue('StoreStageDeadLetterQueue319B6EC1', 'store-dlq'),
      queue('StoreStageQueue3BA48ABB', 'store-q'),
    ],
  ];
  const send = async (command: { constructor: { name: string }; input: { NextToken?: string } }) => {
    if (command.constructor.name === 'DescribeStacksCommand') {
      return {
        Stacks: [{ Outputs: [{ OutputKey: 'BucketName', OutputValue: 'articlepipeline-archive-abc' }] }],
      };
    }
    const index = command.input.NextToken ? Number(command.input.NextToken) : 0;
    return {
      StackResourceSummaries: pages[index],
      NextToken: index + 1 < pages.length ? String(index + 1) : undefined,
    };
  };
  return { send } as unknown as CloudFormationClient;
}

describe('reading the deployed stack for the operating commands', () => {
  it('finds the bucket output and every stage queue and DLQ across pages', async () => {
    const stack = await readStack('ArticlePipeline', fakeCloudFormation());
    const url = (name: string) => `https://sqs.eu-west-1.amazonaws.com/123456789012/${name}`;
    expect(stack.bucket).toBe('articlepipeline-archive-abc');
    expect(stack.queues).toEqual({
      parse: { url: url('parse-q'), deadLetterUrl: url('parse-dlq') },
      tag: { url: url('tag-q'), deadLetterUrl: url('tag-dlq') },
      store: { url: url('store-q'), deadLetterUrl: url('store-dlq') },
    });
  });
});
