import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { pathTemplate } from '../../shared/api/path-template';
import type { RouteDefinition } from '../../shared/api/routes';

export interface MatchedRoute {
  routeKey: string;
  pathParameters?: Record<string, string>;
}

/** Matches a request against the API's route templates as API Gateway does (`{name}` is one segment). */
export function matchRoute(
  routes: readonly RouteDefinition[],
  method: string,
  path: string,
): MatchedRoute | undefined {
  for (const route of routes) {
    if (route.method !== method) continue;
    const values = pathTemplate(route.path).match(path);
    if (!values) continue;
    const parameters = Object.entries(values).map(([name, value]) => [name, safeDecode(value)]);
    return {
      routeKey: `${route.method} ${route.path}`,
      pathParameters: parameters.length > 0 ? Object.fromEntries(parameters) : undefined,
    };
  }
  return undefined;
}

/** An API Gateway HTTP API payload format 2.0 event for one request. */
export function httpApiEvent(
  request: IncomingMessage,
  url: Pick<URL, 'pathname' | 'search' | 'searchParams'>,
  route: MatchedRoute,
  body: Buffer,
): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    if (name === 'cookie') for (const cookie of String(value).split(/;\s*/)) cookies.push(cookie);
    else headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) {
    query[name] = name in query ? `${query[name]},${value}` : value;
  }
  const now = new Date();
  const isText = body.length === 0 || /json|text|xml|urlencoded/.test(headers['content-type'] ?? '');
  return {
    version: '2.0',
    routeKey: route.routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    cookies: cookies.length > 0 ? cookies : undefined,
    headers,
    queryStringParameters: Object.keys(query).length > 0 ? query : undefined,
    pathParameters: route.pathParameters,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: (headers.host ?? 'localhost').split('.')[0]!,
      http: {
        method: request.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: route.routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    body: body.length > 0 ? (isText ? body.toString('utf8') : body.toString('base64')) : undefined,
    isBase64Encoded: body.length > 0 && !isText,
  };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
