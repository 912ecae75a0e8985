import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const cursorSecretFile = 'cursor-secret';

/**
 * The local api handler's cursor signing key: made once per data folder and kept in it, so a cursor
 * handed out before a restart still reads after it.
 */
export function persistedCursorSecret(dataDir: string): string {
  const path = join(dataDir, cursorSecretFile);
  mkdirSync(dataDir, { recursive: true });
  // Written aside and linked into place: of two runtimes starting on one folder, both end up with
  // whichever key was linked first, and neither can read a half-written file.
  const draft = `${path}.${process.pid}.draft`;
  writeFileSync(draft, randomBytes(36).toString('base64url'), { mode: 0o600 });
  try {
    linkSync(draft, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(draft, { force: true });
  }
  const secret = readFileSync(path, 'utf8').trim();
  if (!secret) throw new Error(`${path} is empty: delete it and the next start makes a new cursor key`);
  return secret;
}
