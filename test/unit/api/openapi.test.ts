import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../shared/api/openapi';
import { operations } from '../../../shared/api/operations';
import { apiRoutes } from '../../../shared/api/routes';

interface Document {
  openapi: string;
  paths: Record<
    string,
    Record<string, { operationId: string; parameters: { name: string; in: string; required: boolean }[] }>
  >;
}

const document = openApiDocument() as Document;

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(document.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document) as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('has exactly the routes of the route list, method by method', () => {
    const documented = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(apiRoutes.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('names each operation as the route list does, and every operation is implemented', () => {
    for (const route of apiRoutes) {
      expect(document.paths[route.path]![route.method.toLowerCase()]!.operationId).toBe(route.operationId);
      expect(operations[route.operationId]).toBeTypeOf('function');
    }
    expect(new Set(apiRoutes.map((r) => r.operationId)).size).toBe(apiRoutes.length);
  });

  it('declares every path parameter of each path template as required', () => {
    for (const route of apiRoutes) {
      const templated = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = document.paths[route.path]!.get!.parameters.filter((p) => p.in === 'path');
      expect(declared.map((p) => p.name)).toEqual(templated);
      expect(declared.every((p) => p.required)).toBe(true);
    }
  });

  it('documents the query parameters the router accepts', () => {
    const query = (path: string) =>
      document.paths[path]!.get!.parameters.filter((p) => p.in === 'query')
        .map((p) => p.name)
        .sort();
    expect(query('/articles')).toEqual(['cursor', 'from', 'limit', 'section', 'source', 'to']);
    expect(query('/entities')).toEqual(['cursor', 'limit', 'prefix', 'type']);
    expect(document.paths['/entities']!.get!.parameters.find((p) => p.name === 'prefix')?.required).toBe(
      true,
    );
    expect(query('/trending')).toEqual(['from', 'limit', 'to', 'type']);
  });
});
