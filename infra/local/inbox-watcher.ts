import { mkdirSync } from 'node:fs';
import { mkdir, readFile, rename } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { type FSWatcher, watch } from 'chokidar';
import { rawKeyOfPath } from '../../shared/pipeline/key-layout';

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
  onUploaded: (file: string, key: string) => void;
  /** A file or folder left in the inbox (hidden, or not a regular file), reported once. */
  onSkipped: (file: string, reason: string) => void;
  onError: (file: string, error: unknown) => void;
}

/**
 * Uploads each file dropped into the inbox, subfolders included, to raw/<path under the inbox> through
 * the S3 API and then moves it to the same path under inbox/.done/ (a later file of the same name
 * replaces it there). A file leaves the inbox only after S3 acknowledged it, so a crash or an
 * unreachable S3 never loses one: it is picked up again next time. Hidden files and folders (editor
 * swap files, .DS_Store, .git) and anything that is not a regular file stay where they are, each
 * reported once through `onSkipped`.
 */
export function watchInbox(options: InboxOptions): InboxWatcher {
  const root = resolve(options.folder);
  const doneFolder = join(root, doneFolderName);
  mkdirSync(doneFolder, { recursive: true });
  const pending = new Set<Promise<void>>();
  const reported = new Set<string>();
  let stopped = false;

  /** The file's path under the inbox, with '/' whatever the platform. */
  const relativeName = (path: string) => relative(root, resolve(path)).split(sep).join('/');

  const skip = (path: string, reason: string) => {
    const name = relativeName(path);
    if (reported.has(name)) return;
    reported.add(name);
    options.onSkipped(name, reason);
  };

  const upload = async (path: string) => {
    const name = relativeName(path);
    const key = rawKeyOfPath(name); // the CLI's rule too: business/001.txt and politics/001.txt differ
    for (let attempt = 1; !stopped; attempt++) {
      try {
        const body = await readFile(path);
        await options.s3.send(
          new PutObjectCommand({ Bucket: options.bucket, Key: key, Body: body, ContentLength: body.length }),
        );
        const done = join(doneFolder, ...name.split('/'));
        await mkdir(dirname(done), { recursive: true });
        await rename(path, done);
        options.onUploaded(name, key);
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // moved or deleted by the user
        if ((error as Error).name === 'KeyTooLongError') {
          skip(path, `${key} is over S3's 1,024-byte key limit: not uploaded`); // retrying cannot help
          return;
        }
        options.onError(name, error);
        await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 500 * 2 ** attempt)));
      }
    }
  };

  const watcher: FSWatcher = watch(root, {
    ignoreInitial: false,
    // Editors and copy tools write in steps: wait until the size stops changing.
    awaitWriteFinish: { stabilityThreshold: 300, pollInterval: 50 },
    ignored: (path, stats) => {
      const absolute = resolve(path);
      if (absolute === root) return false;
      if (absolute === doneFolder || absolute.startsWith(`${doneFolder}${sep}`)) return true;
      if (basename(absolute).startsWith('.')) {
        skip(absolute, `hidden ${stats?.isDirectory() ? 'folder' : 'file'}: not uploaded`);
        return true;
      }
      if (stats && !stats.isFile() && !stats.isDirectory()) {
        skip(absolute, 'not a regular file: not uploaded');
        return true;
      }
      return false;
    },
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
