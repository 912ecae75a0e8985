import { paginateListObjectsV2, type S3Client } from '@aws-sdk/client-s3';

/** One object of a bucket zone (raw/, parsed/, tagged/, quarantine/). */
export interface ZoneObject {
  key: string;
  /** Milliseconds since the epoch. */
  lastModified: number;
  size: number;
}

/** Every object under a prefix, across all pages. */
export async function listZone(s3: S3Client, bucket: string, prefix: string): Promise<ZoneObject[]> {
  const objects: ZoneObject[] = [];
  for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: bucket, Prefix: prefix })) {
    for (const o of page.Contents ?? []) {
      objects.push({ key: o.Key!, lastModified: o.LastModified?.getTime() ?? 0, size: o.Size ?? 0 });
    }
  }
  return objects;
}
