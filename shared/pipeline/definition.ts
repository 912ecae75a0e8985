import { type DocumentZone, type StageName, zones } from './key-layout';

/** What a stage produces: one JSON document per article in a zone, or the items of the table. */
export type StageOutput =
  | { readonly kind: 'documents'; readonly zone: DocumentZone; readonly prefix: string }
  | { readonly kind: 'table' };

/** A setting a function reads from its environment (the names are in `env` below). */
export type FunctionSetting = 'bucket' | 'table' | 'tagger' | 'defaultTimeZone' | 'maxRawBytes';

export type TaggerName = 'builtin' | 'comprehend';

/** Holds only when the deployment uses this tagger; no condition, always. */
export interface DeploymentCondition {
  readonly tagger?: TaggerName;
}

/** A folder of the repository shipped beside the function's bundle, where its code looks for it. */
export interface StageAsset {
  readonly from: string;
  readonly to: string;
  readonly when?: DeploymentCondition;
}

/** An AWS action beyond the bucket and the table, allowed on any resource because it has none. */
export interface StageServiceAction {
  readonly action: string;
  readonly why: string;
  readonly when?: DeploymentCondition;
}

export interface StageDefinition {
  readonly name: StageName;
  /** The zone whose new objects trigger the stage. */
  readonly input: 'raw' | DocumentZone;
  /** zones[input]: objects created under this prefix trigger the stage. */
  readonly inputPrefix: string;
  readonly output: StageOutput;
  /** The settings the function reads; the stack and the local runtime give exactly these. */
  readonly settings: readonly FunctionSetting[];
  readonly assets: readonly StageAsset[];
  readonly serviceActions: readonly StageServiceAction[];
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

const documents = (zone: DocumentZone): StageOutput => ({ kind: 'documents', zone, prefix: zones[zone] });

/**
 * The pipeline, defined once. The CDK stack and the local runtime both read this, so the deployed
 * system and `npm start` cannot drift apart: a stage's input prefix, output, handler, queue
 * settings, environment, assets and permissions live here and nowhere else.
 */
export const stages: readonly StageDefinition[] = [
  {
    name: 'parse',
    input: 'raw',
    inputPrefix: zones.raw,
    output: documents('parsed'),
    settings: ['bucket', 'defaultTimeZone', 'maxRawBytes'],
    assets: [],
    serviceActions: [],
    entry: 'functions/parse/handler.ts',
    memoryMb: 1024,
    timeoutSeconds: 60,
    batchSize: 10,
    maxReceiveCount: 3,
    maxConcurrency: 5,
  },
  {
    name: 'tag',
    input: 'parsed',
    inputPrefix: zones.parsed,
    output: documents('tagged'),
    settings: ['bucket', 'tagger'],
    // The built-in tagger loads its model with new URL('./model/<file>', import.meta.url).
    assets: [{ from: 'shared/tag/model', to: 'model', when: { tagger: 'builtin' } }],
    serviceActions: [
      {
        action: 'comprehend:DetectEntities',
        why: 'comprehend:DetectEntities with the built-in model supports no resource-level permission.',
        when: { tagger: 'comprehend' },
      },
    ],
    entry: 'functions/tag/handler.ts',
    memoryMb: 1024,
    timeoutSeconds: 60,
    batchSize: 10,
    maxReceiveCount: 3,
    maxConcurrency: 5,
  },
  {
    name: 'store',
    input: 'tagged',
    inputPrefix: zones.tagged,
    output: { kind: 'table' },
    settings: ['bucket', 'table'],
    assets: [],
    serviceActions: [],
    entry: 'functions/store/handler.ts',
    memoryMb: 512,
    timeoutSeconds: 30,
    batchSize: 10,
    maxReceiveCount: 3,
    maxConcurrency: 5,
  },
];

/** Whether a condition holds for a deployment. */
export function holds(
  condition: DeploymentCondition | undefined,
  deployment: { tagger: TaggerName },
): boolean {
  return condition?.tagger === undefined || condition.tagger === deployment.tagger;
}

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
