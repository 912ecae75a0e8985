import type { z } from 'zod';
import type { ArchiveReads } from '../store/archive-reads';
import type { CursorCodec } from './cursor';
import { type ApiRequest, type ApiResponse, corsHeaders, jsonResponse, problemResponse } from './http';
import { MovedPermanently, movedLocation, operations } from './operations';
import { type PathTemplate, pathTemplate } from './path-template';
import { type Problem, ProblemError, problems } from './problem';
import { type ApiRoute, apiRoutes, type OperationId, type ResponseOf, routes } from './routes';

export interface ApiDependencies {
  reader: ArchiveReads;
  cursors: CursorCodec;
  /** Told about failures that became a 500. */
  onError?: (error: unknown, request: ApiRequest) => void;
}

const compiled: { route: ApiRoute; template: PathTemplate }[] = apiRoutes.map((route) => ({
  route,
  template: pathTemplate(route.path),
}));

/** The route a method and path go to, as API Gateway would match it. */
export function routeFor(method: string, path: string): ApiRoute | undefined {
  return compiled.find((c) => c.route.method === method && c.template.match(path))?.route;
}

/**
 * The read API as a function: request in, response out, whatever carried the request. CORS preflight
 * never arrives here: API Gateway answers it (and the local HTTP server in its place), from the policy
 * in http.ts.
 */
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
  const matches = compiled.flatMap(({ route, template }) => {
    const values = template.match(request.path);
    return values ? [{ route, values }] : [];
  });
  if (matches.length === 0) throw problems.notFound(`no route ${request.path}`);
  const method = request.method.toUpperCase();
  const match = matches.find((m) => m.route.method === method);
  if (!match) throw problems.methodNotAllowed(method);

  const rawParams: Record<string, string> = {};
  for (const [name, value] of Object.entries(match.values)) {
    try {
      rawParams[name] = decodeURIComponent(value);
    } catch {
      throw problems.invalidRequest([{ path: name, message: 'not valid percent-encoding' }]);
    }
  }
  return jsonResponse(request, await run(match.route.operationId, rawParams, request.query, dependencies));
}

/** Validates the input with the operation's own schemas and runs it: each operation gets its own types. */
async function run<Id extends OperationId>(
  operationId: Id,
  rawParams: Record<string, string>,
  rawQuery: ApiRequest['query'],
  dependencies: ApiDependencies,
): Promise<ResponseOf<Id>> {
  const route = routes[operationId];
  const operation = operations[operationId];
  return operation({
    operationId,
    params: validate(route.pathParameters, rawParams, 'path'),
    query: validate(route.query, withoutEmpty(rawQuery), 'query'),
    reader: dependencies.reader,
    cursors: dependencies.cursors,
  });
}

function validate<T>(schema: z.ZodType<T>, input: Record<string, unknown>, where: string): T {
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
