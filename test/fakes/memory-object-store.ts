import type { ObjectStore } from '../../functions/common/object-store';

interface Held {
  bytes: Uint8Array;
  lastModified: Date;
  metadata: Record<string, string>;
  contentType?: string;
}

/** An ObjectStore in a Map, for handler tests that need no S3 at all. */
export function memoryObjectStore() {
  const objects = new Map<string, Held>();
  const id = (bucket: string, key: string) => `${bucket}/${key}`;
  const store: ObjectStore = {
    async head(bucket, key) {
      const held = objects.get(id(bucket, key));
      return held && { size: held.bytes.length, lastModified: held.lastModified, metadata: held.metadata };
    },
    async get(bucket, key) {
      const held = objects.get(id(bucket, key));
      return held && { bytes: held.bytes, lastModified: held.lastModified };
    },
    async put(bucket, key, body, options) {
      if (Buffer.byteLength(key) > 1024) throw new Error(`KeyTooLongError: ${key.length} characters`);
      objects.set(id(bucket, key), {
        bytes: body,
        lastModified: new Date(),
        metadata: options.metadata ?? {},
        contentType: options.contentType,
      });
    },
  };
  return {
    store,
    putText: (bucket: string, key: string, text: string) =>
      objects.set(id(bucket, key), { bytes: Buffer.from(text), lastModified: new Date(), metadata: {} }),
    json: (bucket: string, key: string): unknown => {
      const held = objects.get(id(bucket, key));
      return held && JSON.parse(Buffer.from(held.bytes).toString('utf8'));
    },
    keys: () => [...objects.keys()],
  };
}
