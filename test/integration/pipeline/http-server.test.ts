import { request as httpRequest } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningHttpServer, startHttpServer } from '../../../infra/local/http-server';

const events: APIGatewayProxyEventV2[] = [];
let answer: APIGatewayProxyResultV2 = { statusCode: 200, body: '{}' };
let server: RunningHttpServer;

beforeAll(async () => {
  server = await startHttpServer(async (event) => {
    events.push(event);
    return answer;
  }, 0);
});

afterAll(async () => {
  await server?.stop();
});

/** A request sent exactly as written: fetch would normalise the path and refuse a Host header. */
function raw(method: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = httpRequest(`${server.url}/`, { method, path, headers }, (response) => {
      let body = '';
      response.on('data', (chunk) => {
        body += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('the local HTTP API (API Gateway payload format 2.0)', () => {
  it('fills routeKey, decoded path parameters, joined repeated query parameters, cookies and headers', async () => {
    answer = {
      statusCode: 200,
      headers: { 'content-type': 'application/json', etag: '"x"' },
      body: '{"ok":true}',
    };
    const response = await fetch(
      `${server.url}/entities/person%3Aada%20lovelace/articles?limit=5&tag=a&tag=b`,
      {
        headers: { 'X-Trace': 'abc', cookie: 'a=1; b=2' },
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"x"');
    expect(await response.json()).toEqual({ ok: true });
    const event = events.at(-1)!;
    expect(event.version).toBe('2.0');
    expect(event.routeKey).toBe('GET /entities/{id}/articles');
    expect(event.requestContext.routeKey).toBe('GET /entities/{id}/articles');
    expect(event.pathParameters).toEqual({ id: 'person:ada lovelace' });
    expect(event.rawPath).toBe('/entities/person%3Aada%20lovelace/articles');
    expect(event.rawQueryString).toBe('limit=5&tag=a&tag=b');
    expect(event.queryStringParameters).toEqual({ limit: '5', tag: 'a,b' });
    expect(event.cookies).toEqual(['a=1', 'b=2']);
    expect(event.headers['x-trace']).toBe('abc');
    expect(event.requestContext.http.method).toBe('GET');
    expect(event.requestContext.stage).toBe('$default');
    expect(event.body).toBeUndefined();
  });

  it('routes a template without parameters and leaves pathParameters out', async () => {
    await fetch(`${server.url}/articles`);
    expect(events.at(-1)!.routeKey).toBe('GET /articles');
    expect(events.at(-1)!.pathParameters).toBeUndefined();
    expect(events.at(-1)!.queryStringParameters).toBeUndefined();
  });

  it('answers an unknown route 404 as problem+json without calling the function', async () => {
    const before = events.length;
    const response = await fetch(`${server.url}/nowhere/at/all`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 404, type: expect.stringMatching(/not-found$/) });
    expect(events.length).toBe(before);
  });

  it('answers a method a route does not have 405 as problem+json, naming the allowed ones', async () => {
    const before = events.length;
    const response = await fetch(`${server.url}/articles`, { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, OPTIONS');
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 405 });
    expect(events.length).toBe(before);
  });

  it('serves a request whose Host header is not a host name', async () => {
    const response = await raw('GET', '/articles', { host: 'a b' });
    expect(response.status).toBe(200);
    expect(events.at(-1)!.routeKey).toBe('GET /articles');
  });

  it('keeps encoded dot segments in the path, as a parameter', async () => {
    const response = await raw('GET', '/entities/%2e%2e/articles?limit=2');
    expect(response.status).toBe(200);
    const event = events.at(-1)!;
    expect(event.routeKey).toBe('GET /entities/{id}/articles');
    expect(event.pathParameters).toEqual({ id: '..' });
    expect(event.rawPath).toBe('/entities/%2e%2e/articles');
    expect(event.queryStringParameters).toEqual({ limit: '2' });
  });

  it('answers CORS preflight itself', async () => {
    const before = events.length;
    const response = await fetch(`${server.url}/articles`, { method: 'OPTIONS' });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(events.length).toBe(before);
  });

  it('sends base64 bodies as bytes, and a result without statusCode as JSON 200', async () => {
    answer = { statusCode: 202, isBase64Encoded: true, body: Buffer.from([0, 1, 2, 255]).toString('base64') };
    const bytes = new Uint8Array(await (await fetch(`${server.url}/articles`)).arrayBuffer());
    expect([...bytes]).toEqual([0, 1, 2, 255]);
    answer = { plain: 'object' } as unknown as APIGatewayProxyResultV2;
    const response = await fetch(`${server.url}/articles`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ plain: 'object' });
  });

  it('answers 500 when the function throws', async () => {
    const failing = await startHttpServer(async () => {
      throw new Error('boom');
    }, 0);
    const response = await fetch(`${failing.url}/articles`);
    await failing.stop();
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: 'Internal Server Error' });
  });
});
