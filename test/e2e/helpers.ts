import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { PipelineEvent } from '../../infra/local/reporter';

export function temporaryFolder(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export async function putObject(s3: S3Client, bucket: string, key: string, body: Uint8Array | string) {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ContentLength: bytes.length }));
}

export async function getJsonObject<T>(s3: S3Client, bucket: string, key: string): Promise<T | undefined> {
  try {
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return JSON.parse(await object.Body!.transformToString()) as T;
  } catch {
    return undefined;
  }
}

export async function getJson<T = any>(url: string): Promise<{ status: number; body: T }> {
  const response = await fetch(url);
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** Collects the runtime's per-file events, so a test can wait for a step without timing it. */
export function eventLog() {
  const events: PipelineEvent[] = [];
  return {
    events,
    listener: (event: PipelineEvent) => {
      events.push(event);
    },
    count: (kind: PipelineEvent['kind'], key: string) =>
      events.filter((e) => e.kind === kind && e.key === key).length,
  };
}
