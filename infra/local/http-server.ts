import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { preflightHeaders, problemResponse } from '../../shared/api/http';
import { type ProblemError, problems } from '../../shared/api/problem';
import { apiRoutes } from '../../shared/api/routes';
import { apiFunction } from '../../shared/pipeline/definition';
import { httpApiEvent, matchRoute } from './api-gateway-event';
import type { ApiHandler } from './handlers';
import { lambdaContext } from './lambda-context';
import { serveReader } from './reader-assets';
import { closeServer } from './stand-ins/close-server';

export interface RunningHttpServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** The local stand-in for the HTTP API: routes from shared/api/routes.ts, payload format 2.0. */
export async function startHttpServer(
  handler: ApiHandler,
  port: number,
  host = '127.0.0.1',
): Promise<RunningHttpServer> {
  const server: Server = createServer(async (request, response) => {
    try {
      const url = requestTarget(request.url);
      if (!url) return sendProblem(response, problems.notFound('not a request path'));
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      // API Gateway answers CORS preflight itself (corsPreflight on the HTTP API): so does this server.
      if (request.method === 'OPTIONS' && matchRoute(apiRoutes, 'GET', url.pathname)) {
        response.writeHead(204, preflightHeaders);
        response.end();
        return;
      }
      const route = matchRoute(apiRoutes, request.method ?? 'GET', url.pathname);
      if (!route) {
        // API routes first; any other path may be a file of the reading room (web/).
        if (await serveReader(request, response, url.pathname)) return;
        // On AWS, API Gateway answers a route it does not know itself, with {"message":"Not Found"}
        // (see README); here our code answers, so it answers as the API's own errors do.
        const allowed = allowedMethods(url.pathname);
        if (allowed.length === 0) return sendProblem(response, problems.notFound(`no route ${url.pathname}`));
        return sendProblem(response, problems.methodNotAllowed(request.method ?? ''), {
          allow: [...allowed, 'OPTIONS'].join(', '),
        });
      }
      const event = httpApiEvent(request, url, route, Buffer.concat(chunks));
      const result = await handler(
        event,
        lambdaContext('article-pipeline-api', apiFunction.memoryMb, apiFunction.timeoutSeconds),
      );
      sendResult(response, result);
    } catch (error) {
      // API Gateway answers a function error with a bare 500.
      console.error('api handler failed:', error);
      sendJson(response, 500, { message: 'Internal Server Error' });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return { url: `http://${host}:${actual}`, port: actual, stop: () => closeServer(server) };
}

/** Payload 2.0 responses: a structured result, or any other value sent as JSON with status 200. */
function sendResult(response: ServerResponse, result: APIGatewayProxyResultV2): void {
  if (typeof result !== 'object' || result === null || !('statusCode' in result)) {
    sendJson(response, 200, result);
    return;
  }
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name] = String(value);
  if (result.cookies?.length) headers['set-cookie'] = result.cookies;
  const body = result.body ?? '';
  const bytes = result.isBase64Encoded ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8');
  response.writeHead(result.statusCode ?? 200, headers);
  response.end(bytes);
}

/**
 * The path and query of a request target exactly as sent. `new URL` against a base would throw on a
 * Host header such as `a b`, read `//x` as a host and resolve `%2e%2e` segments away; API Gateway
 * does none of that. Undefined for a target that is not a path (`*`, an absolute URL).
 */
function requestTarget(target = '/'): Pick<URL, 'pathname' | 'search' | 'searchParams'> | undefined {
  if (!target.startsWith('/')) return undefined;
  const query = target.indexOf('?');
  const pathname = query < 0 ? target : target.slice(0, query);
  const search = query < 0 ? '' : target.slice(query);
  return { pathname, search: search === '?' ? '' : search, searchParams: new URLSearchParams(search) };
}

function allowedMethods(path: string): string[] {
  const methods = [...new Set(apiRoutes.map((route) => route.method))];
  return methods.filter((method) => matchRoute(apiRoutes, method, path));
}

function sendProblem(response: ServerResponse, error: ProblemError, headers: Record<string, string> = {}) {
  const answer = problemResponse(error.problem);
  response.writeHead(answer.statusCode, { ...answer.headers, ...headers });
  response.end(answer.body);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(value));
}
