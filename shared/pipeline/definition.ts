import { type StageName, zones } from './key-layout';

/**
 * The pipeline, defined once. The CDK stack and the local runtime both read this, so the deployed
 * system and `npm start` cannot drift apart: a stage's input prefix, output, handler and queue settings
 * live here and nowhere else.
 */
export interface StageDefinition {
  readonly name: StageName;
  /** Objects created under this prefix trigger the stage. */
  readonly inputPrefix: string;
  /** Where the stage writes (an S3 prefix), or 'table' for the store stage. */
  readonly output: string;
  /** Handler module, relative to the repository root; it exports `handler`. */
  readonly entry: string;
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
  /** SQS event source mapping batch size. */
  readonly batchSize: number;
  /** Deliveries before a message moves to the stage's dead-letter queue. */
  readonly maxReceiveCount: number;
  /**
   * Concurrent invocations the SQS event source mapping may start (2 to 1,000), so a burst of uploads
   * cannot take the account's whole Lambda concurrency; the queue holds the rest.
   */
  readonly maxConcurrency: number;
}

export const stages: readonly StageDefinition[] = [
  {
    name: 'parse',
    inputPrefix: zones.raw,
    output: zones.parsed,
    entry: 'functions/parse/handler.ts',
    memoryMb: 1024,
    timeoutSeconds: 60,
    batchSize: 10,
    maxReceiveCount: 3,
    maxConcurrency: 5,
  },
  {
    name: 'tag',
    inputPrefix: zones.parsed,
    output: zones.tagged,
    entry: 'functions/tag/handler.ts',
    memoryMb: 1024,
    timeoutSeconds: 60,
    batchSize: 10,
    maxReceiveCount: 3,
    maxConcurrency: 5,
  },
  {
    name: 'store',
    inputPrefix: zones.tagged,
    output: 'table',
    entry: 'functions/store/handler.ts',
    memoryMb: 512,
    timeoutSeconds: 30,
    batchSize: 10,
    maxReceiveCount: 3,
    maxConcurrency: 5,
  },
];

export const apiFunction = {
  entry: 'functions/api/handler.ts',
  memoryMb: 512,
  timeoutSeconds: 10,
} as const;

/** SQS visibility timeout: AWS asks for at least six times the function timeout. */
export function visibilityTimeoutSeconds(stage: StageDefinition): number {
  return stage.timeoutSeconds * 6;
}

export function stageNamed(name: StageName): StageDefinition {
  const stage = stages.find((s) => s.name === name);
  if (!stage) throw new Error(`unknown stage ${name}`);
  return stage;
}

/** The stage whose input prefix the key falls under, if any. */
export function stageForKey(key: string): StageDefinition | undefined {
  return stages.find((s) => key.startsWith(s.inputPrefix));
}

/** Names used by the local runtime; the CDK stack lets CloudFormation name resources and passes them as env. */
export const localResourceNames = {
  bucket: 'article-pipeline',
  table: 'article-pipeline',
  queue: (stage: StageName) => `article-pipeline-${stage}`,
  deadLetterQueue: (stage: StageName) => `article-pipeline-${stage}-dlq`,
} as const;

/** Environment variables every function reads; the stack and the local runtime both set them. */
export const env = {
  bucket: 'BUCKET_NAME',
  table: 'TABLE_NAME',
  tagger: 'TAGGER',
  defaultTimeZone: 'DEFAULT_TIME_ZONE',
  maxRawBytes: 'MAX_RAW_BYTES',
  /** The api function's cursor signing key: a Secrets Manager secret (deployed) or the key itself (local, tests). */
  cursorSecretArn: 'CURSOR_SECRET_ARN',
  cursorSecret: 'CURSOR_SECRET',
} as const;
