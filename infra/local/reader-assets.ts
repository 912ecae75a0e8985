import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { repoRoot } from '../paths';

/** Where `npm run build:web` (vite, web/vite.config.ts) writes the reading room. */
export const readerDist = join(repoRoot, 'web', 'dist');

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves the built reading room for a GET or HEAD that no API route took: `/` is index.html, anything
 * else a file under the build folder. The UI routes by hash (#/articles/ID), so no other path needs
 * index.html. Returns false when there is no such file, for the caller's 404.
 */
export async function serveReader(
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
  root = readerDist,
): Promise<boolean> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  let relative: string;
  try {
    relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  } catch {
    return false;
  }
  const file = normalize(join(root, relative));
  if (!file.startsWith(root + sep)) return false;
  const found = await stat(file).catch(() => undefined);
  if (!found?.isFile()) {
    if (pathname !== '/') return false;
    response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('The reading room is not built: run `npm run build:web` (npm start does it first).\n');
    return true;
  }
  const body = await readFile(file);
  response.writeHead(200, {
    'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
    'content-length': body.length,
    // Vite names every asset by its content hash; only index.html must be revalidated.
    'cache-control': relative.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  response.end(request.method === 'HEAD' ? undefined : body);
  return true;
}
