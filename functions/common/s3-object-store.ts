import {
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { ObjectStore } from './object-store';

/** The ObjectStore on S3 (or anything speaking its API): a missing object is undefined, not an error. */
export function s3ObjectStore(s3: S3Client): ObjectStore {
  return {
    async head(bucket, key) {
      try {
        const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return {
          size: head.ContentLength ?? 0,
          lastModified: head.LastModified,
          metadata: head.Metadata ?? {},
        };
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },
    async get(bucket, key) {
      try {
        const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return { bytes: await object.Body!.transformToByteArray(), lastModified: object.LastModified };
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },
    async put(bucket, key, body, options) {
      await s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: body,
          ContentLength: body.length,
          ContentType: options.contentType,
          Metadata: options.metadata,
        }),
      );
    },
  };
}

function isMissing(error: unknown): boolean {
  return error instanceof NoSuchKey || error instanceof NotFound;
}
