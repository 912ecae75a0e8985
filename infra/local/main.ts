import { resolve } from 'node:path';
import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { cursorKeySettingsFromEnvironment, cursorKeySource } from '../../functions/api/cursor-key';
import { env } from '../../shared/pipeline/definition';
import { startLocalRuntime } from './runtime';

/**
 * `npm start`: the whole pipeline on this machine. PORT (3000; S3, SQS and DynamoDB on the three ports after
 * it unless S3_PORT, SQS_PORT, DYNAMODB_PORT say otherwise), DATA_DIR (./.data), INBOX (./inbox);
 * with AWS_ENDPOINT_URL set, the pipeline runs against that endpoint instead of embedded stand-ins.
 * The functions' own variables (TAGGER, DEFAULT_TIME_ZONE, MAX_RAW_BYTES, CURSOR_SECRET or
 * CURSOR_SECRET_ARN, POWERTOOLS_LOG_LEVEL) are read here and passed to the runtime.
 */
const dataDir = resolve(process.env.DATA_DIR ?? '.data');
const port = Number(process.env.PORT ?? 3000);
// Stable stand-in ports next to the HTTP port, so `aws --endpoint-url` commands can be written down.
const besideHttp = (offset: number, variable: string) =>
  Number(process.env[variable] ?? (port === 0 ? 0 : port + offset));
const runtime = await startLocalRuntime({
  dataDir,
  inbox: resolve(process.env.INBOX ?? 'inbox'),
  port,
  standInPorts: {
    s3: besideHttp(1, 'S3_PORT'),
    sqs: besideHttp(2, 'SQS_PORT'),
    dynamodb: besideHttp(3, 'DYNAMODB_PORT'),
  },
  endpointUrl: process.env.AWS_ENDPOINT_URL || undefined,
  functions: functionSettings(),
  logLevel: (process.env.POWERTOOLS_LOG_LEVEL as 'ERROR' | undefined) || undefined,
  onFatal: () => process.exit(1),
}).catch((error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE')
    console.error(
      `port ${port} or one of the three after it is in use: set PORT to another port (0 picks free ones)`,
    );
  else console.error(error);
  process.exit(1);
});

const e = runtime.endpoints;
const r = runtime.reconciled.enqueued;
console.log(
  [
    'article-pipeline is running',
    `  HTTP API   ${e.http}/articles`,
    `  S3         ${e.s3}   bucket ${e.bucket}`,
    `  SQS        ${e.sqs}`,
    `  DynamoDB   ${e.dynamodb}   table ${e.table}`,
    `  region ${e.region}, credentials ${e.accessKeyId} / ${e.secretAccessKey}`,
    `  inbox      ${resolve(process.env.INBOX ?? 'inbox')}   data ${dataDir}`,
    `  e.g.  AWS_ACCESS_KEY_ID=${e.accessKeyId} AWS_SECRET_ACCESS_KEY=${e.secretAccessKey} aws --endpoint-url ${e.s3} s3 cp FILE s3://${e.bucket}/raw/`,
    `  reconcile re-enqueued parse ${r.parse}, tag ${r.tag}, store ${r.store}`,
  ].join('\n'),
);

let signals = 0;
const shutdown = (signal: string) => {
  signals++;
  if (signals > 1) process.exit(130);
  console.log(`${signal}: finishing the batches in flight (again to quit at once)`);
  runtime.stop({ drain: true }).then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));

function functionSettings() {
  const variable = (name: string) => process.env[name] || undefined;
  const cursor = cursorKeySettingsFromEnvironment();
  return {
    tagger: variable(env.tagger),
    defaultTimeZone: variable(env.defaultTimeZone),
    maxRawBytes: variable(env.maxRawBytes) ? Number(variable(env.maxRawBytes)) : undefined,
    // Without either, the runtime keeps a key of its own in DATA_DIR.
    cursorKey:
      cursor.arn || cursor.key ? cursorKeySource({ ...cursor, secrets: new SecretsProvider() }) : undefined,
  };
}
