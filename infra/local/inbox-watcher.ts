import { mkdirSync } from 'node:fs';
import { readFile, rename } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { type FSWatcher, watch } from 'chokidar';

export const doneFolderName = '.done';

export interface InboxWatcher {
  /** Resolves when the files present at start-up have been seen (not necessarily uploaded). */
  ready: Promise<void>;
  /** Resolves when every file seen so far is uploaded and moved. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export interface InboxOptions {
  folder: string;
  s3: S3Client;
  bucket: string;
  /** Key prefix of the uploads: the parse stage's input zone. */
  prefix: string;
  onUploaded: (file: string, key: string) => void;
  onError: (file: string, error: unknown) => void;
}

/**
 * Uploads each file dropped into the inbox to raw/<file name> through the S3 API and then moves it to
 * inbox/.done/ (a later file of the same name replaces it there). A file leaves the inbox only after
 * S3 acknowledged it, so a crash or an unreachable S3 never loses one: it is picked up again next time.
 */
export function watchInbox(options: InboxOptions): InboxWatcher {
  const doneFolder = join(options.folder, doneFolderName);
  mkdirSync(doneFolder, { recursive: true });
  const pending = new Set<Promise<void>>();
  let stopped = false;

  const upload = async (path: string) => {
    const name = basename(path);
    const key = `${options.prefix}${name}`;
    for (let attempt = 1; !stopped; attempt++) {
      try {
        const body = await readFile(path);
        await options.s3.send(
          new PutObjectCommand({ Bucket: options.bucket, Key: key, Body: body, ContentLength: body.length }),
        );
        await rename(path, join(doneFolder, name));
        options.onUploaded(name, key);
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // moved or deleted by the user
        options.onError(name, error);
        await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 500 * 2 ** attempt)));
      }
    }
  };

  const root = resolve(options.folder);
  const watcher: FSWatcher = watch(root, {
    depth: 0,
    ignoreInitial: false,
    // Editors and copy tools write in steps: wait until the size stops changing.
    awaitWriteFinish: { stabilityThreshold: 300, pollInterval: 50 },
    ignored: (path, stats) =>
      resolve(path) !== root && (basename(path).startsWith('.') || (stats !== undefined && !stats.isFile())),
  });
  watcher.on('add', (path) => {
    const task = upload(path);
    pending.add(task);
    void task.finally(() => pending.delete(task));
  });
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  return {
    ready,
    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    async stop() {
      stopped = true;
      await watcher.close();
      await Promise.all([...pending]);
    },
  };
}
