import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { env } from '../../shared/pipeline/definition';

export const cursorSecretFile = 'cursor-secret';

/** The key this process put into the environment, told apart from one the caller set. */
let provided: string | undefined;

/**
 * Gives the in-process api handler its cursor signing key: made once per data folder and kept in it,
 * so a cursor handed out before a restart still reads after it. A key the caller set (CURSOR_SECRET
 * or CURSOR_SECRET_ARN in the environment) wins.
 */
export function provideCursorSecret(dataDir: string): void {
  const current = process.env[env.cursorSecret];
  if (process.env[env.cursorSecretArn] || (current && current !== provided)) return;
  provided = persistedCursorSecret(dataDir);
  process.env[env.cursorSecret] = provided;
}

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
