import {
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
} from '@aws-sdk/client-sqs';
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { objectsInMessage } from '../../shared/events/s3-object-event';
import type { StageName } from '../../shared/pipeline/key-layout';
import {
  addTargetOptions,
  operatorAction,
  type PipelineTarget,
  resolveTarget,
  stageOption,
  type TargetOptions,
} from './pipeline-target';
import { clearQuarantine } from './quarantine-records';

/**
 * Moves every message of the stage's DLQ back to its queue: send first, delete after, so a failure in
 * between duplicates a message (the stages are idempotent) and never loses one. The quarantine records
 * of the redriven objects go, so a file that fails again is quarantined afresh.
 */
export async function redrive(
  target: PipelineTarget,
  stage: StageName,
  onProgress: (moved: number, total: number) => void = () => undefined,
): Promise<number> {
  const [queueUrl, deadLetterUrl] = await Promise.all([
    target.queueUrl(stage),
    target.deadLetterQueueUrl(stage),
  ]);
  const attributes = await target.sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: deadLetterUrl,
      AttributeNames: ['ApproximateNumberOfMessages'],
    }),
  );
  let total = Number(attributes.Attributes?.ApproximateNumberOfMessages ?? 0);
  let moved = 0;
  for (let emptyReceives = 0; emptyReceives < 2; ) {
    const received = await target.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: deadLetterUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 1,
        VisibilityTimeout: 60,
        MessageAttributeNames: ['All'],
      }),
    );
    const messages = received.Messages ?? [];
    if (messages.length === 0) {
      emptyReceives++;
      continue;
    }
    const keys = messages.flatMap((m) => {
      try {
        return objectsInMessage(m.Body ?? '').map((o) => o.key);
      } catch {
        return [];
      }
    });
    await clearQuarantine(target, stage, keys);
    const sent = await target.sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: messages.map((m, i) => ({
          Id: String(i),
          MessageBody: m.Body ?? '',
          MessageAttributes: m.MessageAttributes,
        })),
      }),
    );
    const sentIds = new Set((sent.Successful ?? []).map((s) => s.Id));
    const toDelete = messages
      .map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! }))
      .filter((e) => sentIds.has(e.Id));
    if (toDelete.length > 0) {
      await target.sqs.send(new DeleteMessageBatchCommand({ QueueUrl: deadLetterUrl, Entries: toDelete }));
    }
    moved += toDelete.length;
    total = Math.max(total, moved);
    onProgress(moved, total);
  }
  return moved;
}

export function register(program: Command): void {
  addTargetOptions(
    program
      .command('redrive')
      .description("move the messages of a stage's dead-letter queue back to the stage's queue")
      .addOption(stageOption('the stage whose DLQ to empty', true)),
  ).action(
    operatorAction(async (options: TargetOptions & { stage: StageName }) => {
      const target = await resolveTarget(options);
      const bar = new SingleBar(
        { format: `${options.stage} DLQ [{bar}] {value}/{total} moved` },
        Presets.shades_classic,
      );
      bar.start(0, 0);
      const moved = await redrive(target, options.stage, (done, total) => {
        bar.setTotal(total);
        bar.update(done);
      });
      bar.stop();
      console.error(`${moved} messages moved back to the ${options.stage} queue in ${target.description}`);
    }),
  );
}
