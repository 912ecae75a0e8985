import type { z } from 'zod';
import type { ObjectStore } from './object-store';
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
export async function fetchObject(
  objects: ObjectStore,
  bucket: string,
  key: string,
  maxBytes: number,
): Promise<FetchedObject> {
  const head = await objects.head(bucket, key);
  if (head && head.size > maxBytes) {
    throw new StageRejection('too-large', `${head.size} bytes is over the ${maxBytes}-byte limit`);
  }
  const object = head && (await objects.get(bucket, key));
  if (!object) throw new StageRejection('source-missing', `s3://${bucket}/${key} no longer exists`);
  return {
    bytes: object.bytes,
    lastModified: object.lastModified ?? head?.lastModified ?? new Date(),
    size: object.bytes.length,
  };
}

const fingerprintHeader = 'fingerprint';

/**
 * Writes a stage document unless the object there already has the same fingerprint (same input
 * content, same code version): a duplicate or replayed event then writes nothing and triggers nothing
 * downstream. Returns whether it wrote.
 */
export async function putJsonUnlessSame(
  objects: ObjectStore,
  bucket: string,
  key: string,
  document: unknown,
  fingerprint: string,
): Promise<boolean> {
  const head = await objects.head(bucket, key);
  if (head?.metadata[fingerprintHeader] === fingerprint) return false;
  await putJson(objects, bucket, key, document, { [fingerprintHeader]: fingerprint });
  return true;
}

export async function putJson(
  objects: ObjectStore,
  bucket: string,
  key: string,
  document: unknown,
  metadata?: Record<string, string>,
): Promise<void> {
  const body = Buffer.from(JSON.stringify(document));
  await objects.put(bucket, key, body, { contentType: 'application/json', metadata });
}

/** Stage documents are at most this large; anything bigger is not one of ours. */
const maxStageDocumentBytes = 50 * 1024 * 1024;

/**
 * Reads a stage document (parsed/ or tagged/) and validates it against its schema; a document that is
 * not what the schema says is bad input for this stage, quarantined rather than retried.
 */
export async function readStageDocument<T extends z.ZodType>(
  objects: ObjectStore,
  bucket: string,
  key: string,
  schema: T,
): Promise<{ document: z.infer<T>; lastModified: Date }> {
  const object = await fetchObject(objects, bucket, key, maxStageDocumentBytes);
  try {
    const document = schema.parse(JSON.parse(Buffer.from(object.bytes).toString('utf8')));
    return { document, lastModified: object.lastModified };
  } catch (error) {
    throw new StageRejection('invalid-stage-document', `${key}: ${String(error).slice(0, 300)}`);
  }
}
