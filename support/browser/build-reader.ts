import { join } from 'node:path';
import { build } from 'vite';
import { readerDist } from '../../infra/local/reader-assets';
import { repoRoot } from '../../infra/paths';

/** Builds the reading room into web/dist as `npm run build:web` does, so a clean clone's `npm test` needs no manual step. */
export async function buildReader(): Promise<string> {
  await build({ configFile: join(repoRoot, 'web', 'vite.config.ts'), logLevel: 'warn' });
  return readerDist;
}
