import { resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Command } from 'commander';
import { readEndpointsFile } from '../../infra/local/endpoints';
import { env } from '../../shared/pipeline/definition';
import { readStack } from './stack-resources';

/** The archive table the editorial and maintenance commands write to, with a client for it. */
export interface TableTarget {
  description: string;
  db: DynamoDBDocumentClient;
  table: string;
  close(): void;
}

export interface TableOptions {
  stack?: string;
  table?: string;
  endpointUrl?: string;
  dataDir?: string;
}

export function addTableOptions(command: Command): Command {
  return command
    .option('--stack <name>', 'the deployed CloudFormation stack (default: $ARTICLES_STACK)')
    .option('--table <name>', `the archive table on AWS (default: $${env.table})`)
    .option(
      '--endpoint-url <url>',
      'an AWS-compatible endpoint such as moto_server (default: $AWS_ENDPOINT_URL)',
    )
    .option(
      '--data-dir <dir>',
      'the local runtime to use when no table is given (default: $DATA_DIR or ./.data)',
    );
}

/**
 * As the other operating commands: --stack (or ARTICLES_STACK) reads the table from the stack's
 * outputs; a table (flag or TABLE_NAME) means AWS or --endpoint-url; otherwise the local runtime whose
 * endpoints `npm start` wrote to DATA_DIR/endpoints.json.
 */
export async function resolveTableTarget(options: TableOptions): Promise<TableTarget> {
  const stackName =
    options.stack ?? (options.dataDir || options.table ? undefined : process.env.ARTICLES_STACK);
  const marshall = { marshallOptions: { removeUndefinedValues: true } };
  if (stackName) {
    const stack = await readStack(stackName);
    if (!stack.table) throw new Error(`stack ${stackName} has no TableName output`);
    const client = new DynamoDBClient({});
    return {
      description: `stack ${stackName} (table ${stack.table})`,
      db: DynamoDBDocumentClient.from(client, marshall),
      table: stack.table,
      close: () => client.destroy(),
    };
  }
  const table = options.table ?? (options.dataDir ? undefined : process.env[env.table]);
  if (table) {
    const endpoint = options.endpointUrl ?? process.env.AWS_ENDPOINT_URL;
    const client = new DynamoDBClient({ endpoint });
    return {
      description: `table ${table}${endpoint ? ` on ${endpoint}` : ''}`,
      db: DynamoDBDocumentClient.from(client, marshall),
      table,
      close: () => client.destroy(),
    };
  }
  const dataDir = resolve(options.dataDir ?? process.env.DATA_DIR ?? '.data');
  const local = readEndpointsFile(dataDir);
  if (!local) {
    throw new Error(
      `no local pipeline found in ${dataDir} (start one with \`npm start\`), and no --table, ${env.table} or --stack for AWS`,
    );
  }
  const client = new DynamoDBClient({
    endpoint: local.dynamodb,
    region: local.region,
    credentials: { accessKeyId: local.accessKeyId, secretAccessKey: local.secretAccessKey },
  });
  return {
    description: `local runtime (${local.dynamodb}, table ${local.table})`,
    db: DynamoDBDocumentClient.from(client, marshall),
    table: local.table,
    close: () => client.destroy(),
  };
}
