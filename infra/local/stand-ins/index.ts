import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { standInHeapLimits } from '../heap-limits';
import { startDynamoDb } from './dynamodb';
import { type S3rverRecord, startS3 } from './s3';
import { startSqs } from './sqs';

export interface StandIns {
  endpoints: { s3: string; sqs: string; dynamodb: string };
  ports: { s3: number; sqs: number; dynamodb: number };
  /** Object-created and -removed records from the S3 stand-in, after each write. */
  onS3Event(listener: (record: S3rverRecord) => void): void;
  /** Called once if the stand-ins stop without being asked to (their thread died). */
  onFailure(listener: (error: Error) => void): void;
  /** The worker thread they run on, if any. */
  thread?: Worker;
  stop(): Promise<void>;
}

export interface StandInOptions {
  dataDir: string;
  ports?: { s3?: number; sqs?: number; dynamodb?: number };
  /** Run them on a worker thread (default) or on the caller's thread. */
  thread?: 'worker' | 'main';
}

/** DynamoDB (dynalite) and S3 (s3rver) persisted under dataDir, SQS (fauxqs) in memory. */
export async function startStandIns(options: StandInOptions): Promise<StandIns> {
  const dataDir = { dynamodb: join(options.dataDir, 'dynamodb'), s3: join(options.dataDir, 's3') };
  const ports = options.ports ?? {};
  return options.thread === 'main' ? onThisThread(dataDir, ports) : onWorkerThread(dataDir, ports);
}

async function onThisThread(
  dataDir: { dynamodb: string; s3: string },
  ports: NonNullable<StandInOptions['ports']>,
): Promise<StandIns> {
  const dynamodb = await startDynamoDb(dataDir.dynamodb, ports.dynamodb);
  const s3 = await startS3(dataDir.s3, ports.s3);
  const sqs = await startSqs(ports.sqs);
  return {
    endpoints: { s3: s3.endpoint, sqs: sqs.endpoint, dynamodb: dynamodb.endpoint },
    ports: { s3: s3.port, sqs: sqs.port, dynamodb: dynamodb.port },
    onS3Event: (listener) => s3.onEvent(listener),
    // On this thread a stand-in's uncaught error ends the process itself: nothing to report.
    onFailure: () => undefined,
    stop: async () => {
      for (const standIn of [sqs, s3, dynamodb]) await standIn.stop().catch(() => undefined);
    },
  };
}

async function onWorkerThread(
  dataDir: { dynamodb: string; s3: string },
  ports: NonNullable<StandInOptions['ports']>,
): Promise<StandIns> {
  const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), {
    workerData: { dataDir, ports },
    resourceLimits: { ...standInHeapLimits },
  });
  const listeners: ((record: S3rverRecord) => void)[] = [];
  const failureListeners: ((error: Error) => void)[] = [];
  let onStopped: (() => void) | undefined;
  let stopping = false;
  let exited = false;
  let failure: Error | undefined;
  // An uncaught error in a stand-in (s3rver has some) ends the thread: every later request would be
  // refused, so the owner hears about it at once rather than through endless ECONNREFUSED.
  const fail = (error: Error) => {
    if (stopping || failure) return;
    failure = error;
    for (const listener of failureListeners) listener(error);
  };
  worker.on('error', (error) =>
    fail(new Error(`the stand-ins' thread stopped on an uncaught error: ${error.stack ?? error}`)),
  );
  const ready = new Promise<Pick<StandIns, 'endpoints' | 'ports'>>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => {
      exited = true;
      const error = new Error(`the stand-ins' thread exited with code ${code} without being stopped`);
      reject(error);
      fail(error);
    });
    worker.on('message', (message) => {
      if (message.type === 'ready') resolve(message);
      else if (message.type === 's3-event') for (const listener of listeners) listener(message.record);
      else if (message.type === 'stopped') onStopped?.();
    });
  });
  const { endpoints, ports: actual } = await ready;
  return {
    endpoints,
    ports: actual,
    onS3Event: (listener) => listeners.push(listener),
    onFailure: (listener) => {
      failureListeners.push(listener);
      if (failure) listener(failure);
    },
    thread: worker,
    stop: async () => {
      stopping = true;
      if (exited) return;
      const stopped = new Promise<void>((resolve) => {
        onStopped = resolve;
      });
      worker.postMessage({ type: 'stop' });
      await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      await worker.terminate();
    },
  };
}
