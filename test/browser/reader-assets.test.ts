import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveReader } from '../../infra/local/reader-assets';
import { temporaryFolder } from '../e2e/helpers';

const folder = temporaryFolder('reader-assets-');
const root = join(folder.path, 'dist');
const empty = join(folder.path, 'empty');
let server: Server;
let base: string;

beforeAll(async () => {
  mkdirSync(join(root, 'assets'), { recursive: true });
  mkdirSync(empty);
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(folder.path, 'secret.txt'), 'not served');
  server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const dir = url.searchParams.has('empty') ? empty : root;
    if (!(await serveReader(request, response, url.pathname, dir))) {
      response.writeHead(404);
      response.end('api 404');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  folder.remove();
});

describe('the reading room files of npm start', () => {
  it('serves index.html at / for revalidation and hashed assets as immutable', async () => {
    const index = await fetch(`${base}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(await index.text()).toContain('<title>x</title>');
    const script = await fetch(`${base}/assets/index-abc.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toContain('immutable');
  });

  it('leaves unknown paths, other methods and paths outside the build folder to the caller', async () => {
    expect((await fetch(`${base}/nowhere`)).status).toBe(404);
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${base}/%2e%2e/secret.txt`)).status).toBe(404);
    expect((await fetch(`${base}/%E0%A4%A`)).status).toBe(404);
  });

  it('says how to build the UI when / is asked for before it is built', async () => {
    const response = await fetch(`${base}/?empty`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build:web');
  });
});
