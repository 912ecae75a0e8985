import {
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import type { z } from 'zod';
import { s3Client } from '../../shared/aws/clients';
import { StageRejection } from './stage-error';

export interface FetchedObject {
  bytes: Uint8Array;
  lastModified: Date;
  size: number;
}

/**
 * Reads an object, refusing one larger than `maxBytes` before downloading it. An object deleted
 * between its event and now is a rejection (there is nothing left to process), not a retry.
 */
export async function fetchObject(bucket: string, key: string, maxBytes: number): Promise<FetchedObject> {
  try {
    const head = await s3Client().send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    const size = head.ContentLength ?? 0;
    if (size > maxBytes) {
      throw new StageRejection('too-large', `${size} bytes is over the ${maxBytes}-byte limit`);
    }
    const object = await s3Client().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const bytes = await object.Body!.transformToByteArray();
    return {
      bytes,
      lastModified: object.LastModified ?? head.LastModified ?? new Date(),
      size: bytes.length,
    };
  } catch (error) {
    if (error instanceof NoSuchKey || error instanceof NotFound) {
      throw new StageRejection('source-missing', `s3://${bucket}/${key} no longer exists`);
    }
    throw error;
  }
}

const fingerprintHeader = 'fingerprint';

/**
 * Writes a stage document unless the object there already has the same fingerprint (same input
 * content, same code version): a duplicate or replayed event then writes nothing and triggers nothing
 * downstream. Returns whether it wrote.
 */
export async function putJsonUnlessSame(
  bucket: string,
  key: string,
  document: unknown,
  fingerprint: string,
): Promise<boolean> {
  try {
    const head = await s3Client().send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    if (head.Metadata?.[fingerprintHeader] === fingerprint) return false;
  } catch (error) {
    if (!(error instanceof NotFound || error instanceof NoSuchKey)) throw error;
  }
  await putJson(bucket, key, document, { [fingerprintHeader]: fingerprint });
  return true;
}

export async function putJson(
  bucket: string,
  key: string,
  document: unknown,
  metadata?: Record<string, string>,
): Promise<void> {
  const body = Buffer.from(JSON.stringify(document));
  await s3Client().send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: body,
      ContentLength: body.length,
      ContentType: 'application/json',
      Metadata: metadata,
    }),
  );
}

/** Stage documents are at most this large; anything bigger is not one of ours. */
const maxStageDocumentBytes = 50 * 1024 * 1024;

/**
 * Reads a stage document (parsed/ or tagged/) and validates it against its schema; a document that is
 * not what the schema says is bad input for this stage, quarantined rather than retried.
 */
export async function readStageDocument<T extends z.ZodType>(
  bucket: string,
  key: string,
  schema: T,
): Promise<{ document: z.infer<T>; lastModified: Date }> {
  const object = await fetchObject(bucket, key, maxStageDocumentBytes);
  try {
    const document = schema.parse(JSON.parse(Buffer.from(object.bytes).toString('utf8')));
    return { document, lastModified: object.lastModified };
  } catch (error) {
    throw new StageRejection('invalid-stage-document', `${key}: ${String(error).slice(0, 300)}`);
  }
}
