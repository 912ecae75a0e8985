import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';
import { closeServer } from './close-server';

export interface RunningStandIn {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

/** DynamoDB on LevelDB under `directory`: tables and items survive a restart. */
export async function startDynamoDb(directory: string, port = 0): Promise<RunningStandIn> {
  mkdirSync(directory, { recursive: true });
  const server = dynalite({ path: directory, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${actual}`,
    port: actual,
    // dynalite's close() also closes its LevelDB, so the next start can open the same folder.
    stop: () => closeServer(server),
  };
}
