import { resolve } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { type Command, Option } from 'commander';
import { runtimeClients } from '../../infra/local/clients';
import { readEndpointsFile } from '../../infra/local/endpoints';
import { env, localResourceNames } from '../../shared/pipeline/definition';
import { type StageName, stageNames } from '../../shared/pipeline/key-layout';
import { readStack, type StackResources } from './stack-resources';

/** Where the operating commands act: a bucket and the stage queues, with clients for them. */
export interface PipelineTarget {
  description: string;
  bucket: string;
  s3: S3Client;
  sqs: SQSClient;
  queueUrl(stage: StageName): Promise<string>;
  deadLetterQueueUrl(stage: StageName): Promise<string>;
}

export interface TargetOptions {
  stack?: string;
  dataDir?: string;
  bucket?: string;
  queueUrl?: string;
  dlqUrl?: string;
  endpointUrl?: string;
}

export function addTargetOptions(command: Command): Command {
  return command
    .option(
      '--stack <name>',
      'the deployed CloudFormation stack, e.g. ArticlePipeline (default: $ARTICLES_STACK)',
    )
    .option('--bucket <name>', `the pipeline's bucket on AWS (default: $${env.bucket})`)
    .option(
      '--queue-url <url>',
      "the stage's queue on AWS (default: $<STAGE>_QUEUE_URL, e.g. PARSE_QUEUE_URL)",
    )
    .option('--dlq-url <url>', "the stage's dead-letter queue on AWS (default: $<STAGE>_DLQ_URL)")
    .option(
      '--endpoint-url <url>',
      'an AWS-compatible endpoint such as moto_server (default: $AWS_ENDPOINT_URL)',
    )
    .option(
      '--data-dir <dir>',
      'the local runtime to use when no bucket is given (default: $DATA_DIR or ./.data)',
    );
}

/**
 * With --stack (or ARTICLES_STACK) the commands read the bucket and queue URLs from the deployed stack.
 * With a bucket (flag or BUCKET_NAME) the commands act on AWS (or on --endpoint-url), with queue URLs
 * from flags or <STAGE>_QUEUE_URL / <STAGE>_DLQ_URL, else looked up by the local resource names.
 * Without one they act on the local runtime whose endpoints `npm start` wrote to DATA_DIR.
 */
export async function resolveTarget(options: TargetOptions): Promise<PipelineTarget> {
  const stackName =
    options.stack ?? (options.dataDir || options.bucket ? undefined : process.env.ARTICLES_STACK);
  if (stackName) {
    const stack = await readStack(stackName);
    return remoteTarget(stack.bucket, {
      ...options,
      stackQueues: stack.queues,
      description: `stack ${stackName} (bucket ${stack.bucket})`,
    });
  }
  // An explicit --bucket means AWS, an explicit --data-dir the local runtime; then the environment.
  const bucket = options.bucket ?? (options.dataDir ? undefined : process.env[env.bucket]);
  if (bucket) return remoteTarget(bucket, options);
  const dataDir = resolve(options.dataDir ?? process.env.DATA_DIR ?? '.data');
  const local = readEndpointsFile(dataDir);
  if (!local) {
    throw new Error(
      `no local pipeline found in ${dataDir} (start one with \`npm start\`), and no --bucket or ${env.bucket} for AWS`,
    );
  }
  const clients = runtimeClients(local);
  return {
    description: `local runtime (${local.s3}, bucket ${local.bucket})`,
    bucket: local.bucket,
    s3: clients.s3,
    sqs: clients.sqs,
    queueUrl: async (stage) => local.queues[stage].url,
    deadLetterQueueUrl: async (stage) => local.queues[stage].deadLetterUrl,
  };
}

function remoteTarget(
  bucket: string,
  options: TargetOptions & { stackQueues?: StackResources['queues']; description?: string },
): PipelineTarget {
  const endpoint = options.endpointUrl ?? process.env.AWS_ENDPOINT_URL;
  const s3 = new S3Client({
    endpoint,
    forcePathStyle: Boolean(endpoint),
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  // Stand-ins hand out queue URLs whose host does not resolve: keep requests on the configured endpoint.
  const onStandIn = Boolean(endpoint || process.env.AWS_ENDPOINT_URL_SQS);
  const sqs = new SQSClient({ endpoint, useQueueUrlAsEndpoint: !onStandIn });
  const lookup = async (
    given: string | undefined,
    fromStack: string | undefined,
    variable: string,
    name: string,
  ) => {
    const url = given ?? fromStack ?? process.env[variable];
    if (url) return url;
    try {
      return (await sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl!;
    } catch (error) {
      throw new Error(
        `no queue URL: pass it as a flag or set ${variable} (${name}: ${(error as Error).message})`,
      );
    }
  };
  return {
    description: options.description ?? `bucket ${bucket}${endpoint ? ` on ${endpoint}` : ''}`,
    bucket,
    s3,
    sqs,
    queueUrl: (stage) =>
      lookup(
        options.queueUrl,
        options.stackQueues?.[stage]?.url,
        `${stage.toUpperCase()}_QUEUE_URL`,
        localResourceNames.queue(stage),
      ),
    deadLetterQueueUrl: (stage) =>
      lookup(
        options.dlqUrl,
        options.stackQueues?.[stage]?.deadLetterUrl,
        `${stage.toUpperCase()}_DLQ_URL`,
        localResourceNames.deadLetterQueue(stage),
      ),
  };
}

/** `--stage`, limited to the pipeline's stage names. */
export function stageOption(description: string, mandatory: boolean): Option {
  const option = new Option('--stage <stage>', description).choices(stageNames);
  return mandatory ? option.makeOptionMandatory() : option;
}

/** Runs a command's action; an error ends the command with its message, not a stack trace. */
export function operatorAction<T>(action: (options: T) => Promise<void>) {
  return async (options: T, command: Command) => {
    try {
      await action(options);
    } catch (error) {
      command.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}
