import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StandIns, startStandIns } from '../../infra/local/stand-ins/index';
import { articleIdFromKey } from '../../shared/article/article-id';
import { objectCreatedMessage } from '../../shared/events/s3-object-event';
import { env } from '../../shared/pipeline/definition';
import { stageDocumentKey } from '../../shared/pipeline/key-layout';
import { bundleHandler } from '../../support/bundle-handler';

/*
 * The Lambdas run on nodejs22.x; the machines that test them may run another Node. The parse
 * handler is bundled as the stack bundles it and run, in a process of its own, under every Node this
 * project supports: the node@22 devDependency (the Lambda runtime's major version) and the machine's
 * own Node, against the S3 stand-in (issue 11, item 15).
 */

const root = resolve(import.meta.dirname, '../..');
const node22 = join(root, 'node_modules', 'node', 'bin', 'node');

/** The machine's own `node`: the first on PATH outside this project (npm puts node_modules/.bin first). */
function machineNode(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '' || dir.includes('node_modules')) continue;
    if (existsSync(join(dir, 'node'))) return join(dir, 'node');
  }
  return undefined;
}

const versionOf = (binary: string) => execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();

const bucket = 'node-versions';
const body =
  'The harbour committee approved the new ferry timetable on Thursday after a year of consultation with residents and operators.';
let standIns: StandIns;
let s3: S3Client;
let scratch: string;
let bundle: string;

beforeAll(async () => {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  // Inside the repository, so the bundle's external AWS SDK resolves from its node_modules, as the
  // Lambda runtime provides it.
  scratch = mkdtempSync(join(root, '.tmp', 'node-versions-'));
  bundle = join(scratch, 'parse.mjs');
  await bundleHandler(join(root, 'functions', 'parse', 'handler.ts'), bundle, {
    target: 'node22',
    minify: false,
    external: ['@aws-sdk/*'],
    logLevel: 'silent',
  });
  standIns = await startStandIns({
    dataDir: mkdtempSync(join(tmpdir(), 'node-versions-data-')),
    thread: 'main',
  });
  s3 = new S3Client({
    endpoint: standIns.endpoints.s3,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
});

afterAll(async () => {
  s3?.destroy();
  await standIns?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** Invokes the bundled handler once under `binary`, with the SQS event the stack would deliver. */
function invokeUnder(binary: string, key: string) {
  const event = {
    Records: [
      {
        messageId: `m-${key}`,
        receiptHandle: 'r',
        body: objectCreatedMessage({ bucket, key }),
        attributes: { ApproximateReceiveCount: '1' },
        messageAttributes: {},
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:parse',
        awsRegion: 'us-east-1',
      },
    ],
  };
  const script = `
    const { handler } = await import(process.argv[1]);
    const context = {
      functionName: 'parse', functionVersion: '$LATEST', memoryLimitInMB: '512', awsRequestId: 'node-versions',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:parse',
      logGroupName: '/aws/lambda/parse', logStreamName: 'test', callbackWaitsForEmptyEventLoop: false,
      getRemainingTimeInMillis: () => 60000,
    };
    console.log(JSON.stringify(await handler(JSON.parse(process.argv[2]), context)));`;
  // Not spawnSync: the stand-ins answer from this process's event loop, which must keep running.
  const child = spawn(binary, ['--input-type=module', '-e', script, bundle, JSON.stringify(event)], {
    timeout: 60_000,
    env: {
      PATH: process.env.PATH,
      AWS_ENDPOINT_URL_S3: standIns.endpoints.s3,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      [env.bucket]: bucket,
      POWERTOOLS_LOG_LEVEL: 'ERROR',
      POWERTOOLS_METRICS_DISABLED: 'true',
      POWERTOOLS_TRACE_ENABLED: 'false',
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((done) =>
    child.on('close', (status) => done({ status, stdout, stderr })),
  );
}

describe('the bundled parse handler on each supported Node', () => {
  it('has the Lambda runtime major version from the node@22 devDependency', () => {
    expect(versionOf(node22)).toMatch(/^v22\./);
  });

  const binaries = [
    ['Node 22 (node@22, the Lambda runtime)', node22],
    ['the machine Node', machineNode()],
  ] as const;

  for (const [label, binary] of binaries)
    it(`parses a raw file into its stage document under ${label}`, async () => {
      expect(binary, 'no node on PATH outside node_modules').toBeDefined();
      expect(versionOf(binary!)).toMatch(/^v(2[0-9]|[3-9][0-9])\./);
      const key = `raw/node-versions/${versionOf(binary!)}.txt`;
      await s3.send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: `Ferry timetable approved\n\n${body}\n` }),
      );

      const run = await invokeUnder(binary!, key);
      expect(run.status, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout.trim().split('\n').at(-1)!)).toEqual({ batchItemFailures: [] });

      const id = articleIdFromKey(key);
      const parsed = await s3.send(
        new GetObjectCommand({ Bucket: bucket, Key: stageDocumentKey('parsed', id) }),
      );
      const document = JSON.parse(await parsed.Body!.transformToString());
      expect(document).toMatchObject({ id, title: 'Ferry timetable approved', body, origin: { key } });
    });
});
