import { createHash } from 'node:crypto';
import { type Problem, problemContentType } from './problem';

/** The API's view of an HTTP request, independent of API Gateway's event shape. */
export interface ApiRequest {
  method: string;
  path: string;
  /** Path parameters when the caller already matched the route (API Gateway does). */
  pathParameters?: Record<string, string | undefined>;
  query: Record<string, string | undefined>;
  headers: Record<string, string | undefined>;
  requestId?: string;
}

export interface ApiResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Any origin may read: the archive is public and the API takes no credentials. One policy: the HTTP
 * API's preflight configuration (infra/constructs/read-api.ts), the local server's preflight answer
 * and the headers on every response all come from it.
 */
export const corsPolicy = {
  allowOrigins: ['*'],
  allowMethods: ['GET'],
  allowHeaders: ['If-None-Match', 'Content-Type'],
  exposeHeaders: ['ETag'],
  maxAgeSeconds: 86_400,
} as const;

export const corsHeaders: Record<string, string> = {
  'access-control-allow-origin': corsPolicy.allowOrigins.join(', '),
  'access-control-expose-headers': corsPolicy.exposeHeaders.join(', ').toLowerCase(),
};

/** What API Gateway answers a CORS preflight with. */
export const preflightHeaders: Record<string, string> = {
  ...corsHeaders,
  'access-control-allow-methods': [...corsPolicy.allowMethods, 'OPTIONS'].join(', '),
  'access-control-allow-headers': corsPolicy.allowHeaders.join(', ').toLowerCase(),
  'access-control-max-age': String(corsPolicy.maxAgeSeconds),
};

const cacheControl = 'public, max-age=30';

/**
 * A JSON response with a strong ETag over its body; when the request's If-None-Match names that tag,
 * a 304 with no body instead.
 */
export function jsonResponse(request: ApiRequest, body: unknown): ApiResponse {
  const text = JSON.stringify(body);
  const etag = `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;
  const headers = { ...corsHeaders, etag, 'cache-control': cacheControl, vary: 'origin' };
  if (matchesEtag(header(request, 'if-none-match'), etag)) return { statusCode: 304, headers, body: '' };
  return { statusCode: 200, headers: { ...headers, 'content-type': 'application/json' }, body: text };
}

export function problemResponse(problem: Problem): ApiResponse {
  return {
    statusCode: problem.status,
    headers: { ...corsHeaders, 'content-type': problemContentType, 'cache-control': 'no-store' },
    body: JSON.stringify(problem),
  };
}

/** RFC 9110: If-None-Match is `*` or a list of tags, compared weakly. */
function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

export function header(request: ApiRequest, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(request.headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}
