/**
 * The port through which handlers reach the bucket: the three object operations they need. The S3
 * adapter (s3-object-store.ts) speaks to S3 or a stand-in; a test can hold objects in a Map.
 */
export interface ObjectStore {
  /** The object's size, time and user metadata, or undefined when there is no such object. */
  head(bucket: string, key: string): Promise<ObjectHead | undefined>;
  /** The object's bytes, or undefined when there is no such object. */
  get(bucket: string, key: string): Promise<ObjectBody | undefined>;
  put(bucket: string, key: string, body: Uint8Array, options: PutOptions): Promise<void>;
}

export interface ObjectHead {
  size: number;
  lastModified?: Date;
  metadata: Record<string, string>;
}

export interface ObjectBody {
  bytes: Uint8Array;
  lastModified?: Date;
}

export interface PutOptions {
  contentType: string;
  metadata?: Record<string, string>;
}
