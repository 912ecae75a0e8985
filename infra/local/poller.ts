import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  type Message,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { StageDefinition } from '../../shared/pipeline/definition';
import { lambdaContext } from './lambda-context';
import type { StageQueue } from './provision';
import { sqsEvent } from './sqs-event';

export type StageHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | undefined>;

export interface BatchOutcome {
  stage: StageDefinition;
  event: SQSEvent;
  /** Message ids the handler reported as failed (all of them when it threw or timed out). */
  failedIds: ReadonlySet<string>;
  error?: unknown;
  startedAt: number;
}

export interface PollerOptions {
  stage: StageDefinition;
  queue: StageQueue;
  sqs: SQSClient;
  region: string;
  handler: StageHandler;
  /** Batches handled at once, like a Lambda event source mapping's concurrency. */
  concurrency: number;
  /**
   * A failed message is made visible again after this many seconds. Lambda leaves it invisible for the
   * whole visibility timeout (6x the function timeout: minutes); locally the retry comes sooner so a
   * poison file reaches its DLQ in seconds. The redrive itself is the queue's RedrivePolicy.
   */
  retryDelaySeconds: number;
  waitSeconds: number;
  onBatch?: (outcome: BatchOutcome) => void | Promise<void>;
  onPollError?: (error: unknown) => void;
}

export interface Poller {
  /** Stops receiving; with `drain`, waits for the batches in flight to finish and settle their messages. */
  stop(options?: { drain?: boolean }): Promise<void>;
  /** Batches being handled right now. */
  readonly inFlight: number;
}

/** Drives a stage handler from its queue exactly as the Lambda SQS event source mapping does. */
export function startPoller(options: PollerOptions): Poller {
  const { stage, queue, sqs } = options;
  const abort = new AbortController();
  let running = true;
  let inFlight = 0;

  const handleBatch = async (messages: Message[]) => {
    const event = sqsEvent(messages, queue.arn, options.region);
    const startedAt = Date.now();
    let failedIds: Set<string>;
    let error: unknown;
    try {
      const response = await withTimeout(
        options.handler(
          event,
          lambdaContext(`article-pipeline-${stage.name}`, stage.memoryMb, stage.timeoutSeconds),
        ),
        stage.timeoutSeconds * 1000,
      );
      failedIds = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
    } catch (thrown) {
      error = thrown;
      failedIds = new Set(messages.map((m) => m.MessageId!));
    }
    const succeeded = messages.filter((m) => !failedIds.has(m.MessageId!));
    const failed = messages.filter((m) => failedIds.has(m.MessageId!));
    await settle(succeeded, failed);
    await options.onBatch?.({ stage, event, failedIds, error, startedAt });
  };

  const settle = async (succeeded: Message[], failed: Message[]) => {
    if (succeeded.length > 0) {
      await sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: queue.url,
          Entries: succeeded.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
        }),
      );
    }
    await showAgain(failed, options.retryDelaySeconds);
  };

  /** Makes messages visible again after `seconds`; on failure they reappear after the queue's timeout anyway. */
  const showAgain = async (messages: Message[], seconds: number) => {
    if (messages.length === 0) return;
    await sqs
      .send(
        new ChangeMessageVisibilityBatchCommand({
          QueueUrl: queue.url,
          Entries: messages.map((m, i) => ({
            Id: String(i),
            ReceiptHandle: m.ReceiptHandle!,
            VisibilityTimeout: seconds,
          })),
        }),
      )
      .catch(() => undefined);
  };

  const loop = async () => {
    while (running) {
      let messages: Message[] = [];
      try {
        const received = await sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: queue.url,
            MaxNumberOfMessages: stage.batchSize,
            WaitTimeSeconds: options.waitSeconds,
            MessageSystemAttributeNames: ['All'],
            MessageAttributeNames: ['All'],
          }),
          { abortSignal: abort.signal },
        );
        messages = received.Messages ?? [];
        if (!running) {
          // A receive under way when the poller stopped may still hand out messages (an SQS server keeps
          // a long poll open whatever the client does): give them straight back rather than leave them
          // invisible for the queue's visibility timeout, so a restarted runtime sees them at once.
          await showAgain(messages, 0);
          return;
        }
      } catch (error) {
        if (!running) return;
        options.onPollError?.(error);
        await sleep(1000);
        continue;
      }
      if (messages.length === 0) continue;
      inFlight++;
      try {
        await handleBatch(messages);
      } catch (error) {
        options.onPollError?.(error);
      } finally {
        inFlight--;
      }
    }
  };

  const loops = Array.from({ length: options.concurrency }, () => loop());

  return {
    get inFlight() {
      return inFlight;
    },
    async stop({ drain = true } = {}) {
      running = false;
      // Draining lets the open receive finish (at most its wait time) so that what it took is released;
      // a stop without draining cuts it off.
      if (drain) await Promise.all(loops);
      else abort.abort();
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Task timed out after ${ms / 1000} seconds`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
