import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { type StageDefinition, visibilityTimeoutSeconds } from '../../shared/pipeline/definition';
import { quarantineZone } from '../../shared/pipeline/key-layout';
import { PipelineFunction } from './pipeline-function';

export interface PipelineStageProps {
  readonly stage: StageDefinition;
  readonly bucket: s3.IBucket;
  readonly projectRoot: string;
  readonly environment: Record<string, string>;
  readonly assetDirs?: Readonly<Record<string, string>>;
  readonly alarmTopic: sns.ITopic;
}

/**
 * One stage of the pipeline, from its definition: an EventBridge rule for "Object Created" under the
 * stage's input prefix, the stage queue with its dead-letter queue and a depth alarm, and the function
 * fed by an SQS event source mapping that reports partial batch failures.
 */
export class PipelineStage extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  readonly handler: PipelineFunction;

  constructor(scope: Construct, id: string, props: PipelineStageProps) {
    super(scope, id);
    const { stage, bucket } = props;

    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(visibilityTimeoutSeconds(stage)),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: stage.maxReceiveCount },
    });

    new events.Rule(this, 'ObjectCreated', {
      description: `s3://${stage.inputPrefix}* Object Created -> ${stage.name} queue`,
      eventPattern: {
        source: ['aws.s3'],
        detailType: ['Object Created'],
        detail: {
          bucket: { name: [bucket.bucketName] },
          object: { key: events.Match.prefix(stage.inputPrefix) },
        },
      },
      // An event EventBridge cannot deliver (queue throttled, policy broken) is retried for up to a day,
      // then kept in the stage's dead-letter queue, where the DLQ alarm and `articles redrive` see it.
      targets: [
        new targets.SqsQueue(this.queue, {
          retryAttempts: 185,
          maxEventAge: Duration.hours(24),
          deadLetterQueue: this.deadLetterQueue,
        }),
      ],
    });

    this.handler = new PipelineFunction(this, 'Handler', {
      name: stage.name,
      projectRoot: props.projectRoot,
      entry: stage.entry,
      memoryMb: stage.memoryMb,
      timeoutSeconds: stage.timeoutSeconds,
      environment: props.environment,
      assetDirs: props.assetDirs,
      alarmTopic: props.alarmTopic,
    });
    this.handler.function.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: stage.batchSize,
        reportBatchItemFailures: true,
        maxConcurrency: stage.maxConcurrency,
      }),
    );

    const dlqAlarm = new cloudwatch.Alarm(this, 'DeadLetterAlarm', {
      alarmDescription: `messages in the ${stage.name} dead-letter queue: see ${quarantineZone(stage.name)}`,
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(1),
        statistic: 'Maximum',
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    dlqAlarm.addAlarmAction(new SnsAction(props.alarmTopic));
  }
}
