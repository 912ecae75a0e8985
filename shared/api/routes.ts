/**
 * The read API's routes, one list read by the CDK stack (one HTTP API route each), the local HTTP
 * server and the OpenAPI document. (Starter list: the read-API work owns and extends it.)
 */
export interface RouteDefinition {
  readonly method: 'GET';
  /** API Gateway path syntax: `{name}` is a path parameter. */
  readonly path: string;
}

export const apiRoutes: readonly RouteDefinition[] = [
  { method: 'GET', path: '/articles' },
  { method: 'GET', path: '/articles/{id}' },
  { method: 'GET', path: '/entities/{id}/articles' },
];
