import { type CfnElement, CfnOutput, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { apiRoutes } from '../shared/api/routes';
import { apiFunction, env, type FunctionSetting, holds, stages } from '../shared/pipeline/definition';
import { bucketOutput, stageDeadLetterQueueOutput, stageQueueOutput } from '../shared/pipeline/stack-outputs';
import { tableDefinition } from '../shared/store/table-definition';
import { ArchiveBucket } from './constructs/archive-bucket';
import { ArticleTable } from './constructs/article-table';
import { PipelineFunction } from './constructs/pipeline-function';
import { PipelineStage } from './constructs/pipeline-stage';
import { ReadApi } from './constructs/read-api';
import { ReaderSite } from './constructs/reader-site';
import {
  grantSecretValue,
  grantStageObjects,
  grantTableRead,
  grantTableReadWrite,
  objectPatternFinding,
} from './grants';
import { repoRoot } from './paths';
import type { PipelineSettings } from './settings';

export interface PipelineStackProps extends StackProps {
  readonly settings: PipelineSettings;
  /** Defaults to the repository root; tests point it elsewhere only for fixtures. */
  readonly projectRoot?: string;
}

/**
 * The deployed pipeline, generated from the shared definitions: one bucket with its zones, one
 * PipelineStage per stage definition, the table from the table definition, the api function behind
 * one HTTP API route per route definition.
 */
export class PipelineStack extends Stack {
  readonly archive: ArchiveBucket;
  readonly table: ArticleTable;
  readonly stages: Readonly<Record<string, PipelineStage>>;
  readonly api: ReadApi;
  readonly apiFunction: PipelineFunction;
  readonly cursorSecret: secretsmanager.Secret;

  constructor(scope: Construct, id: string, props: PipelineStackProps) {
    super(scope, id, props);
    const { settings } = props;
    const projectRoot = props.projectRoot ?? repoRoot;

    const alarmTopic = new sns.Topic(this, 'Alarms', { enforceSSL: true });
    Validations.of(alarmTopic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason: 'Alarm notifications carry no data; CloudWatch cannot publish to an AWS-managed-key topic.',
    });
    if (settings.alarmEmail) alarmTopic.addSubscription(new EmailSubscription(settings.alarmEmail));

    this.archive = new ArchiveBucket(this, 'Archive');
    const { bucket } = this.archive;
    this.table = new ArticleTable(this, 'Articles', { definition: tableDefinition });
    const { table } = this.table;

    const built: Record<string, PipelineStage> = {};
    for (const stage of stages) {
      const pipelineStage = new PipelineStage(this, `${capitalize(stage.name)}Stage`, {
        stage,
        bucket,
        projectRoot,
        alarmTopic,
        environment: this.functionEnvironment(stage.settings, settings),
        assetDirs: Object.fromEntries(
          stage.assets.filter((asset) => holds(asset.when, settings)).map((asset) => [asset.from, asset.to]),
        ),
      });
      const { role } = pipelineStage.handler;
      for (const { prefix, why } of grantStageObjects(role, bucket, stage)) {
        Validations.of(role).acknowledge({
          id: objectPatternFinding(bucket, `${prefix}*`),
          reason: `${why}.`,
        });
      }
      if (stage.output.kind === 'table') {
        grantTableReadWrite(role, table);
        acknowledgeIndexes(role, table);
      }
      const actions = stage.serviceActions.filter((action) => holds(action.when, settings));
      if (actions.length > 0) {
        role.addToPrincipalPolicy(
          new iam.PolicyStatement({ actions: actions.map((a) => a.action), resources: ['*'] }),
        );
        Validations.of(role).acknowledge({
          id: 'AwsSolutions-IAM5[Resource::*]',
          reason: actions.map((a) => a.why).join(' '),
        });
      }
      built[stage.name] = pipelineStage;
      // Read by `articles failures|reprocess|redrive --stack` (shared/pipeline/stack-outputs.ts).
      new CfnOutput(this, stageQueueOutput(stage.name), { value: pipelineStage.queue.queueUrl });
      new CfnOutput(this, stageDeadLetterQueueOutput(stage.name), {
        value: pipelineStage.deadLetterQueue.queueUrl,
      });
    }
    this.stages = built;

    // Signs the read API's page cursors; losing it (stack deleted) only invalidates open cursors.
    this.cursorSecret = new secretsmanager.Secret(this, 'CursorSecret', {
      description: 'HMAC key of the read API page cursors',
      generateSecretString: { excludePunctuation: true, passwordLength: 48 },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(this.cursorSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'A new key only invalidates the cursors clients hold open; no rotation Lambda for that.',
    });

    this.apiFunction = new PipelineFunction(this, 'ApiHandler', {
      name: 'api',
      projectRoot,
      entry: apiFunction.entry,
      memoryMb: apiFunction.memoryMb,
      timeoutSeconds: apiFunction.timeoutSeconds,
      environment: { [env.table]: table.tableName, [env.cursorSecretArn]: this.cursorSecret.secretArn },
      alarmTopic,
    });
    grantTableRead(this.apiFunction.role, table);
    grantSecretValue(this.apiFunction.role, this.cursorSecret);
    acknowledgeIndexes(this.apiFunction.role, table);

    this.api = new ReadApi(this, 'ReadApi', {
      routes: apiRoutes,
      handler: this.apiFunction.function,
      throttle: settings.apiThrottle,
    });

    const reader = new ReaderSite(this, 'Reader', {
      api: this.api.api,
      routes: apiRoutes,
      accessLogs: this.archive.accessLogs,
      projectRoot,
    });
    new CfnOutput(this, 'ReaderUrl', {
      value: reader.url,
      description: 'The reading room (web/), API under it',
    });

    new CfnOutput(this, bucketOutput, { value: bucket.bucketName, description: 'Drop raw files under raw/' });
    new CfnOutput(this, 'ApiUrl', { value: this.api.stage.url, description: 'Base URL of the read API' });
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'AlarmTopicArn', { value: alarmTopic.topicArn });
  }

  /** The environment variables of the settings a function reads; an unset optional one is left out. */
  private functionEnvironment(
    wanted: readonly FunctionSetting[],
    settings: PipelineSettings,
  ): Record<string, string> {
    const values: Record<FunctionSetting, string | undefined> = {
      bucket: this.archive.bucket.bucketName,
      table: this.table.table.tableName,
      tagger: settings.tagger,
      defaultTimeZone: settings.defaultTimeZone,
      maxRawBytes: settings.maxRawBytes === undefined ? undefined : String(settings.maxRawBytes),
    };
    const environment: Record<string, string> = {};
    for (const setting of wanted) {
      const value = values[setting];
      if (value !== undefined) environment[env[setting]] = value;
    }
    return environment;
  }
}

function acknowledgeIndexes(role: iam.IRole, table: TableV2): void {
  const logicalId = Stack.of(table).getLogicalId(table.node.defaultChild as CfnElement);
  Validations.of(role).acknowledge({
    id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/index/*]`,
    reason: 'Queries need every index of the one table; the actions are listed, no Scan.',
  });
}

function capitalize(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
