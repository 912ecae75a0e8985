import type { StageName } from './key-layout';

/** Output names of the deployed stack, shared by the stack and the operations CLI that reads them. */
export const bucketOutput = 'BucketName';
export const tableOutput = 'TableName';

const capitalized = (stage: StageName) => `${stage[0]!.toUpperCase()}${stage.slice(1)}`;

export function stageQueueOutput(stage: StageName): string {
  return `${capitalized(stage)}QueueUrl`;
}

export function stageDeadLetterQueueOutput(stage: StageName): string {
  return `${capitalized(stage)}DeadLetterQueueUrl`;
}
