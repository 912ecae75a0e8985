import type { AddressInfo } from 'node:net';
import { DynamoDBClient, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import dynalite from 'dynalite';
import { createTable } from '../shared/store/create-table';

export interface TestTable {
  client: DynamoDBClient;
  db: DynamoDBDocumentClient;
  table: string;
  endpoint: string;
  stop(): Promise<void>;
}

/** An in-process dynalite on an ephemeral port (in memory, or on disk under `path`) with the product's table. */
export async function startTestTable(options: { path?: string; table?: string } = {}): Promise<TestTable> {
  const server = dynalite({ createTableMs: 0, path: options.path });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  const table = options.table ?? 'articles-test';
  await createTable(client, table);
  // dynalite answers CreateTable while the table is still CREATING (for createTableMs, on a timer), and
  // a read of a CREATING table is ResourceNotFoundException: wait until it is ACTIVE, as on AWS.
  await waitUntilTableExists(
    { client, maxWaitTime: 30, minDelay: 0.05, maxDelay: 0.2 },
    { TableName: table },
  );
  const db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  return {
    client,
    db,
    table,
    endpoint,
    stop: async () => {
      client.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
