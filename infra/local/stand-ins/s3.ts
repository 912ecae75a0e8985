import { mkdirSync } from 'node:fs';
import S3rver from 's3rver';
import type { RunningStandIn } from './dynamodb';
import { decodeKeyPath, encodeKeyPath, maxKeyBytes } from './s3-key-path';

/** One object-created record as s3rver reports it in-process (key not URL-encoded). */
export interface S3rverRecord {
  eventName: string;
  s3: { bucket: { name: string }; object: { key: string; size?: number; eTag?: string } };
}

export interface RunningS3 extends RunningStandIn {
  /** Called for every record s3rver emits after a write succeeded. */
  onEvent(listener: (record: S3rverRecord) => void): void;
}

/** S3 on the file system under `directory`; it only accepts the credentials S3RVER / S3RVER. */
export async function startS3(directory: string, port = 0): Promise<RunningS3> {
  mkdirSync(directory, { recursive: true });
  const server = new S3rver({ address: '127.0.0.1', port, silent: true, directory, vhostBuckets: false });
  storeKeysAsData(server);
  installListingWithoutDes(server);
  const listeners: ((record: S3rverRecord) => void)[] = [];
  server.on('event', (event: { Records: S3rverRecord[] }) => {
    for (const record of event.Records) for (const listener of listeners) listener(record);
  });
  const address = await server.run();
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    port: address.port,
    onEvent: (listener) => listeners.push(listener),
    stop: async () => {
      const http = (server as unknown as { httpServer?: import('node:http').Server }).httpServer;
      const closing = server.close();
      http?.closeIdleConnections?.();
      setTimeout(() => http?.closeAllConnections?.(), 2000).unref();
      await closing;
    },
  };
}

/**
 * Keys are stored through s3-key-path.ts, whatever they contain; one over S3's 1,024 bytes is refused
 * as S3 refuses it. s3rver's store reads its key encoding from the store class's static methods.
 */
function storeKeysAsData(server: S3rver): void {
  const Store = server.store.constructor as {
    encodeKeyPath(key: string): string;
    decodeKeyPath(path: string): string;
  };
  Store.encodeKeyPath = encodeKeyPath;
  Store.decodeKeyPath = decodeKeyPath;
  const keyAsOneSegment = async (ctx: KoaContext, next: () => Promise<void>) => {
    // Before the router: the key is the path after the bucket, still percent-encoded.
    const [, bucket, encoded] = /^\/([^/]+)\/(.+)$/s.exec(ctx.path) ?? [];
    if (!bucket || !encoded) return next();
    const key = safeDecode(encoded);
    if (Buffer.byteLength(key, 'utf8') > maxKeyBytes) {
      ctx.status = 400;
      ctx.type = 'application/xml';
      ctx.set('x-amz-error-code', 'KeyTooLongError');
      ctx.body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>KeyTooLongError</Code><Message>Your key is too long</Message><MaxSizeAllowed>${maxKeyBytes}</MaxSizeAllowed></Error>`;
      return;
    }
    // The router splits paths on '/' and drops empty segments (`raw//b.txt`, `//etc`): hand it the key
    // as one encoded segment, which it decodes back into exactly the key.
    ctx.path = `/${bucket}/${encodeURIComponent(key)}`;
    await next();
  };
  server.middleware.splice(server.middleware.length - 1, 0, keyAsOneSegment);
}

/** The part of Koa's context the key middleware touches. */
interface KoaContext {
  path: string;
  status: number;
  type: string;
  body: unknown;
  set(name: string, value: string): void;
}

function safeDecode(component: string): string {
  try {
    return decodeURIComponent(component);
  } catch {
    return component;
  }
}

const tokenPrefix = 'local:';

/**
 * s3rver encrypts ListObjectsV2 continuation tokens with DES, which Node 20's OpenSSL 3 refuses unless
 * the process runs with --openssl-legacy-provider. Rather than requiring that flag of `npm start`, the
 * test runner and the benchmarks, this middleware (inserted just before s3rver's router) pages with
 * its own token: the last key of the page, turned into `start-after` on the next request.
 */
function installListingWithoutDes(server: S3rver): void {
  const listingPage = async (ctx: any, next: () => Promise<void>) => {
    if (ctx.method !== 'GET' || ctx.query['list-type'] !== '2') return next();
    const token = ctx.query['continuation-token'];
    if (typeof token === 'string' && token) {
      const query = { ...ctx.query };
      delete query['continuation-token'];
      query['start-after'] = decodeToken(token);
      ctx.query = query;
    }
    let truncated = false;
    const store = ctx.store;
    ctx.store = Object.create(store, {
      listObjects: {
        value: async (...args: unknown[]) => {
          const result = await store.listObjects(...args);
          truncated = result.isTruncated;
          return { ...result, isTruncated: false };
        },
      },
    });
    await next();
    const listing = ctx.body?.ListBucketResult;
    if (truncated && listing) {
      const last = listing.Contents?.at(-1)?.Key ?? listing.CommonPrefixes?.at(-1)?.Prefix;
      listing.IsTruncated = true;
      listing.NextContinuationToken = Buffer.from(`${tokenPrefix}${last}`, 'utf8').toString('base64url');
      listing.StartAfter = undefined;
    }
  };
  server.middleware.splice(server.middleware.length - 1, 0, listingPage);
}

function decodeToken(token: string): string {
  const decoded = Buffer.from(token, 'base64url').toString('utf8');
  return decoded.startsWith(tokenPrefix) ? decoded.slice(tokenPrefix.length) : '';
}
