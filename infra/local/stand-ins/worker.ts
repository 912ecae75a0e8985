import { parentPort, workerData } from 'node:worker_threads';
import { startDynamoDb } from './dynamodb';
import { startS3 } from './s3';
import { startSqs } from './sqs';

/**
 * The three stand-ins on their own thread, so the handlers and the SDK on the main thread and the
 * stand-ins' own work (request parsing, LevelDB, XML) use two cores instead of sharing one.
 */
const { dataDir, ports } = workerData as {
  dataDir: { dynamodb: string; s3: string };
  ports: { s3?: number; sqs?: number; dynamodb?: number };
};

const dynamodb = await startDynamoDb(dataDir.dynamodb, ports.dynamodb);
const s3 = await startS3(dataDir.s3, ports.s3);
const sqs = await startSqs(ports.sqs);
s3.onEvent((record) => parentPort!.postMessage({ type: 's3-event', record }));

parentPort!.on('message', async (message: { type: string }) => {
  if (message.type !== 'stop') return;
  for (const standIn of [sqs, s3, dynamodb]) await standIn.stop().catch(() => undefined);
  parentPort!.postMessage({ type: 'stopped' });
});

parentPort!.postMessage({
  type: 'ready',
  endpoints: { s3: s3.endpoint, sqs: sqs.endpoint, dynamodb: dynamodb.endpoint },
  ports: { s3: s3.port, sqs: sqs.port, dynamodb: dynamodb.port },
});
