import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations, Duration, Stack, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { esmRequireBanner } from '../esm-banner';

export interface PipelineFunctionProps {
  /** Repository root: `entry` and each `assetDirs` source are relative to it. */
  readonly projectRoot: string;
  readonly entry: string;
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
  readonly environment: Record<string, string>;
  /**
   * Folders copied next to the bundle (source relative to the project root -> folder name in the
   * bundle), for data the code loads with `new URL('./<name>/<file>', import.meta.url)`.
   */
  readonly assetDirs?: Readonly<Record<string, string>>;
  readonly alarmTopic: sns.ITopic;
  /** Metric name and log service name, e.g. `parse`. */
  readonly name: string;
}

/**
 * One Lambda function as every function of the pipeline is built: esbuild ESM bundle for arm64,
 * Powertools settings, active tracing, its own log group with a retention, a role that can write
 * only to that log group (no managed policy), and an alarm on errors.
 */
export class PipelineFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: iam.Role;
  readonly errorsAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: PipelineFunctionProps) {
    super(scope, id);

    const logGroup = new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.ONE_MONTH });
    this.role = new iam.Role(this, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(this.role);

    const copies = Object.entries(props.assetDirs ?? {}).filter(([source, target]) => {
      if (existsSync(join(props.projectRoot, source))) return true;
      Annotations.of(this).addWarningV2(
        'article-pipeline:missing-asset-dir',
        `${source} does not exist; the bundle has no ${target}/ folder`,
      );
      return false;
    });

    this.function = new NodejsFunction(this, 'Function', {
      entry: join(props.projectRoot, props.entry),
      handler: 'handler',
      projectRoot: props.projectRoot,
      depsLockFilePath: join(props.projectRoot, 'package-lock.json'),
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memoryMb,
      timeout: Duration.seconds(props.timeoutSeconds),
      tracing: lambda.Tracing.ACTIVE,
      logGroup,
      role: this.role,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'article-pipeline',
        POWERTOOLS_METRICS_NAMESPACE: 'ArticlePipeline',
        POWERTOOLS_LOG_LEVEL: 'INFO',
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node20',
        minify: true,
        sourceMap: true,
        mainFields: ['module', 'main'],
        banner: esmRequireBanner,
        // Bundle the AWS SDK too (none external): the version stays the lockfile's rather than the
        // runtime's, and one minified file imports faster than the runtime's SDK spread over many files.
        externalModules: [],
        // esbuild lowers every \p{...} regex literal to `new RegExp(...)` for any node target, which in a
        // function body compiles the pattern on each call; Node has supported these escapes since 10.
        esbuildArgs: { '--supported:regexp-unicode-property-escapes': 'true' },
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir: string, outputDir: string) =>
            copies.map(
              ([source, target]) => `cp -R "${join(inputDir, source)}" "${join(outputDir, target)}"`,
            ),
        },
      },
    });

    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'Pinned to nodejs22.x, the newest runtime the Node 20/22 toolchain builds and tests against.',
    });
    // X-Ray has no resource-level permissions: active tracing needs PutTraceSegments on "*".
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions.',
    });

    this.errorsAlarm = new cloudwatch.Alarm(this, 'ErrorsAlarm', {
      alarmDescription: `${props.name} function invocations failed (${Stack.of(this).stackName})`,
      metric: this.function.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    this.errorsAlarm.addAlarmAction(new SnsAction(props.alarmTopic));
  }
}
