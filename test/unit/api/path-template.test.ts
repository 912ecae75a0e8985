import { describe, expect, it } from 'vitest';
import { matchRoute } from '../../../infra/local/api-gateway-event';
import { pathTemplate } from '../../../shared/api/path-template';
import { routeFor } from '../../../shared/api/router';
import { apiRoutes } from '../../../shared/api/routes';

describe('path templates', () => {
  it('match one segment per parameter and hand back the raw segment', () => {
    const template = pathTemplate('/entities/{id}/articles');
    expect(template.match('/entities/per-a%20b/articles')).toEqual({ id: 'per-a%20b' });
    expect(template.match('/entities/a/b/articles')).toBeUndefined();
    expect(template.match('/entities//articles')).toBeUndefined();
    expect(pathTemplate('/articles').match('/articles/')).toEqual({});
  });

  it('route a path the same way in the router and in the local API Gateway', () => {
    for (const path of ['/articles', '/articles/x', '/entities/e/related', '/entities/e/x', '/trending/']) {
      expect(routeFor('GET', path)?.path).toBe(
        matchRoute(apiRoutes, 'GET', path)?.routeKey.replace(/^GET /, ''),
      );
    }
  });
});
