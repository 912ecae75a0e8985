import { Stack } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { StageDefinition } from '../shared/pipeline/definition';
import { quarantineZone } from '../shared/pipeline/key-layout';

/**
 * What a stage may touch, derived from its definition: read its input prefix, read and write its
 * output prefix (the idempotent write reads the existing object's fingerprint first), write its own
 * quarantine folder. ListBucket lets HeadObject answer 404 rather than 403 for a missing key.
 */
export interface PrefixGrant {
  readonly prefix: string;
  /** Why the grant covers every key under the prefix, for the cdk-nag acknowledgement. */
  readonly why: string;
}

export function grantStageObjects(
  role: iam.IRole,
  bucket: s3.IBucket,
  stage: StageDefinition,
): PrefixGrant[] {
  const prefixes: PrefixGrant[] = [
    {
      prefix: stage.inputPrefix,
      why: `${stage.name} reads any object of its input zone ${stage.inputPrefix}`,
    },
  ];
  // For a missing key S3 checks ListBucket with the key as s3:prefix: under these prefixes the stage
  // gets a 404 (NotFound) rather than a 403, and it can list nothing else.
  const output = stage.output.kind === 'documents' ? stage.output.prefix : undefined;
  const readPrefixes = [stage.inputPrefix, ...(output ? [output] : [])];
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: ['s3:ListBucket'],
      resources: [bucket.bucketArn],
      conditions: { StringLike: { 's3:prefix': readPrefixes.map((prefix) => `${prefix}*`) } },
    }),
  );
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: ['s3:GetObject'],
      resources: [bucket.arnForObjects(`${stage.inputPrefix}*`)],
    }),
  );
  if (output) {
    prefixes.push({
      prefix: output,
      why: `${stage.name} writes <articleId>.json into its output zone ${output}, reading the old fingerprint first`,
    });
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObject', 's3:PutObject'],
        resources: [bucket.arnForObjects(`${output}*`)],
      }),
    );
  }
  const quarantine = quarantineZone(stage.name);
  prefixes.push({
    prefix: quarantine,
    why: `${stage.name} writes rejection records only into ${quarantine}`,
  });
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: ['s3:PutObject'],
      resources: [bucket.arnForObjects(`${quarantine}*`)],
    }),
  );
  return prefixes;
}

const tableReadActions = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];
const tableWriteActions = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
];

/** Key lookups and queries on the table and its indexes; deliberately no Scan and no write. */
export function grantTableRead(role: iam.IRole, table: dynamodb.ITableV2): void {
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: tableReadActions,
      resources: [table.tableArn, `${table.tableArn}/index/*`],
    }),
  );
}

/** The store reads the previous revision's items (to drop stale edges) and writes items; no Scan. */
export function grantTableReadWrite(role: iam.IRole, table: dynamodb.ITableV2): void {
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: [...tableReadActions, ...tableWriteActions],
      resources: [table.tableArn, `${table.tableArn}/index/*`],
    }),
  );
}

/**
 * The secret's value and nothing else: Secret.grantRead would add DescribeSecret, which the reader
 * does not need. The secret uses the AWS-managed key, so no KMS grant either.
 */
export function grantSecretValue(role: iam.IRole, secret: secretsmanager.ISecret): void {
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [secret.secretArn] }),
  );
}

/** The cdk-nag finding id of a grant on `<bucket ARN>/<pattern>`, for acknowledging exactly that one. */
export function objectPatternFinding(bucket: s3.IBucket, pattern: string): string {
  const logicalId = Stack.of(bucket).getLogicalId(bucket.node.defaultChild as s3.CfnBucket);
  return `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/${pattern}]`;
}
