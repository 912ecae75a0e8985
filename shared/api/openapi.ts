import { z } from 'zod';
import type { OpenApiDocument as OpenApiSchema } from './responses';
import { apiRoutes, type RouteDefinition } from './routes';

/**
 * The OpenAPI 3.1 document, generated from routes.ts and the zod schemas the router validates with,
 * so the document describes exactly the inputs the API accepts.
 */
let cached: OpenApiDocument | undefined;

type OpenApiDocument = z.input<typeof OpenApiSchema>;

export function openApiDocument(): OpenApiDocument {
  cached ??= build();
  return cached;
}

function build(): OpenApiDocument {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of apiRoutes) {
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'article-pipeline read API',
      version: '1.0.0',
      description:
        'The archive of parsed and tagged news articles. Lists are newest first and paginated with opaque ' +
        'cursors (pass nextCursor back unchanged, with the same filters). Every 200 carries an ETag; send it ' +
        'in If-None-Match to get 304. Errors are application/problem+json (RFC 9457).',
    },
    paths,
    components: {
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status'],
          properties: {
            type: { type: 'string', format: 'uri' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            instance: { type: 'string' },
            errors: {
              type: 'array',
              items: {
                type: 'object',
                properties: { path: { type: 'string' }, message: { type: 'string' } },
              },
            },
          },
        },
      },
      responses: {
        Problem: {
          description: 'The request cannot be answered; see the problem details.',
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        },
      },
    },
  };
}

function operation(route: RouteDefinition): object {
  const parameters = [
    ...parametersOf(route.pathParameters, 'path'),
    ...parametersOf(route.query, 'query'),
    {
      name: 'If-None-Match',
      in: 'header',
      required: false,
      schema: { type: 'string' },
      description: 'An ETag from an earlier response; the same content answers 304.',
    },
  ];
  const responses: Record<string, unknown> = {
    '200': {
      description: route.paginated ? 'A page of items and, when more follow, a nextCursor.' : 'OK',
      headers: { ETag: { schema: { type: 'string' } } },
      content: {
        'application/json': {
          schema: jsonSchema(route.response, 'output'),
        },
      },
    },
    '304': { description: 'Not modified since the ETag given in If-None-Match.' },
    '400': { $ref: '#/components/responses/Problem' },
    '500': { $ref: '#/components/responses/Problem' },
  };
  if (route.notFound) responses['404'] = { $ref: '#/components/responses/Problem' };
  if (route.path.startsWith('/entities/{id}'))
    responses['301'] = {
      description: 'The entity was merged into another: Location is the same request about the survivor.',
      headers: { Location: { schema: { type: 'string' } } },
    };
  return { operationId: route.operationId, summary: route.summary, parameters, responses };
}

function parametersOf(schema: z.ZodType | undefined, location: 'path' | 'query'): object[] {
  if (!schema) return [];
  const json = jsonSchema(schema, 'input') as {
    properties?: Record<string, { description?: string } & Record<string, unknown>>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: location,
      required: location === 'path' || (json.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

/** JSON Schema 2020-12, the dialect of OpenAPI 3.1; the dialect is the document's, so no `$schema`. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
}
