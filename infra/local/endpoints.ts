import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StageName } from '../../shared/pipeline/key-layout';

/** Where the runtime's AWS services listen, and what it calls its resources there. */
export interface RuntimeEndpoints {
  s3: string;
  sqs: string;
  dynamodb: string;
  /** The local read API, e.g. http://127.0.0.1:3000 */
  http: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  bucket: string;
  table: string;
  queues: Record<StageName, { url: string; deadLetterUrl: string }>;
}

export const endpointsFileName = 'endpoints.json';

/** Written on start-up so the CLI (`articles failures|reprocess|redrive`) finds a running local pipeline. */
export function writeEndpointsFile(dataDir: string, endpoints: RuntimeEndpoints): string {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, endpointsFileName);
  writeFileSync(path, `${JSON.stringify(endpoints, null, 2)}\n`);
  return path;
}

export function readEndpointsFile(dataDir: string): RuntimeEndpoints | undefined {
  try {
    return JSON.parse(readFileSync(join(dataDir, endpointsFileName), 'utf8')) as RuntimeEndpoints;
  } catch {
    return undefined;
  }
}
