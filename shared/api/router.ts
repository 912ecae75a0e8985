import type { z } from 'zod';
import type { ArchiveReader } from '../store/archive-reader';
import type { CursorCodec } from './cursor';
import {
  type ApiRequest,
  type ApiResponse,
  corsHeaders,
  jsonResponse,
  preflightHeaders,
  problemResponse,
} from './http';
import { MovedPermanently, movedLocation, operations } from './operations';
import { type Problem, ProblemError, problems } from './problem';
import { apiRoutes, type RouteDefinition } from './routes';

export interface ApiDependencies {
  reader: ArchiveReader;
  cursors: CursorCodec;
  /** Told about failures that became a 500. */
  onError?: (error: unknown, request: ApiRequest) => void;
}

interface CompiledRoute {
  route: RouteDefinition;
  pattern: RegExp;
  names: string[];
}

const compiled: CompiledRoute[] = apiRoutes.map((route) => {
  const names: string[] = [];
  const source = route.path.replace(/[.]/g, '\\.').replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route, pattern: new RegExp(`^${source}$`), names };
});

/** The route a method and path go to, as API Gateway would match it. */
export function routeFor(method: string, path: string): RouteDefinition | undefined {
  return compiled.find((c) => c.route.method === method && c.pattern.test(path))?.route;
}

/** The read API as a function: request in, response out, whatever carried the request. */
export function createApi(dependencies: ApiDependencies): (request: ApiRequest) => Promise<ApiResponse> {
  return async (request) => {
    try {
      return await answer(request, dependencies);
    } catch (error) {
      if (error instanceof ProblemError) return problemResponse({ ...error.problem, instance: request.path });
      if (error instanceof MovedPermanently) {
        const location = movedLocation(request.path, request.query, error);
        return {
          statusCode: 301,
          headers: { ...corsHeaders, location, 'cache-control': 'public, max-age=30' },
          body: '',
        };
      }
      dependencies.onError?.(error, request);
      return problemResponse({ ...problems.internal().problem, instance: request.path });
    }
  };
}

async function answer(request: ApiRequest, dependencies: ApiDependencies): Promise<ApiResponse> {
  const path = request.path.length > 1 ? request.path.replace(/\/+$/, '') : request.path;
  const matches = compiled.filter((c) => c.pattern.test(path));
  if (matches.length === 0) throw problems.notFound(`no route ${path}`);
  const method = request.method.toUpperCase();
  if (method === 'OPTIONS') return { statusCode: 204, headers: preflightHeaders, body: '' };
  const match = matches.find((c) => c.route.method === method);
  if (!match) throw problems.methodNotAllowed(method);

  const values = match.pattern.exec(path)!.slice(1);
  const rawParams: Record<string, string> = {};
  match.names.forEach((name, i) => {
    try {
      rawParams[name] = decodeURIComponent(values[i]!);
    } catch {
      throw problems.invalidRequest([{ path: name, message: 'not valid percent-encoding' }]);
    }
  });
  const params = validate(match.route.pathParameters, rawParams, 'path') as Record<string, string>;
  const query = validate(match.route.query, withoutEmpty(request.query), 'query') as Record<string, unknown>;
  const body = await operations[match.route.operationId]!({
    operationId: match.route.operationId,
    params,
    query,
    reader: dependencies.reader,
    cursors: dependencies.cursors,
  });
  return jsonResponse(request, body);
}

function validate(schema: z.ZodType | undefined, input: Record<string, unknown>, where: string): unknown {
  if (!schema) return {};
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const errors: NonNullable<Problem['errors']> = result.error.issues.map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  throw problems.invalidRequest(errors);
}

function withoutEmpty(query: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined));
}
