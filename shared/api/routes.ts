import { z } from 'zod';
import {
  articlePath,
  datedListQuery,
  emptyQuery,
  entityPath,
  listArticlesQuery,
  relatedQuery,
  searchEntitiesQuery,
  trendingQuery,
} from './params';
import { Article, Entity, OpenApiDocument, RelatedEntities, responses, TrendingEntities } from './responses';

/**
 * The read API's routes, one list read by the CDK stack (one HTTP API route each), the local HTTP
 * server, the router and the OpenAPI document, so none of them can drift from the others. Each
 * definition keeps its schemas' types, so an operation receives exactly what its schemas produce.
 */
export interface RouteDefinition<
  Id extends string = string,
  Query extends z.ZodType = z.ZodType,
  Path extends z.ZodType = z.ZodType,
  Response extends z.ZodType = z.ZodType,
> {
  readonly method: 'GET';
  /** API Gateway path syntax: `{name}` is a path parameter. */
  readonly path: string;
  readonly operationId: Id;
  readonly summary: string;
  readonly query: Query;
  /** The path parameters of `path`; an empty object for a path without any. */
  readonly pathParameters: Path;
  /** The body of a 200. */
  readonly response: Response;
  /** The route answers 404 when the thing named in its path does not exist. */
  readonly notFound?: boolean;
  /** The route returns a page of items with a nextCursor. */
  readonly paginated?: boolean;
}

const noPathParameters = z.strictObject({});

/** Keeps the literal operation id and the schemas' own types. */
function route<
  const Id extends string,
  Query extends z.ZodType,
  Path extends z.ZodType,
  Response extends z.ZodType,
>(definition: RouteDefinition<Id, Query, Path, Response>): RouteDefinition<Id, Query, Path, Response> {
  return definition;
}

const routeList = {
  listArticles: route({
    method: 'GET',
    path: '/articles',
    operationId: 'listArticles',
    summary: 'Latest articles, newest first, optionally within a date range, a section and a source.',
    query: listArticlesQuery,
    pathParameters: noPathParameters,
    response: responses.articlePage,
    paginated: true,
  }),
  getArticle: route({
    method: 'GET',
    path: '/articles/{id}',
    operationId: 'getArticle',
    summary: 'One article: its fields, body, entities with their mentions, and quotes.',
    query: emptyQuery,
    response: Article,
    pathParameters: articlePath,
    notFound: true,
  }),
  searchEntities: route({
    method: 'GET',
    path: '/entities',
    operationId: 'searchEntities',
    summary: 'Entities whose name or an alias has a word starting with the prefix, optionally of one type.',
    query: searchEntitiesQuery,
    pathParameters: noPathParameters,
    response: responses.entityMatchPage,
    paginated: true,
  }),
  getEntity: route({
    method: 'GET',
    path: '/entities/{id}',
    operationId: 'getEntity',
    summary: 'One entity: canonical name, type, aliases, number of articles, first and last seen.',
    query: emptyQuery,
    response: Entity,
    pathParameters: entityPath,
    notFound: true,
  }),
  listEntityArticles: route({
    method: 'GET',
    path: '/entities/{id}/articles',
    operationId: 'listEntityArticles',
    summary: 'The articles that mention an entity, newest first, optionally within a date range.',
    query: datedListQuery,
    response: responses.entityArticlePage,
    pathParameters: entityPath,
    notFound: true,
    paginated: true,
  }),
  listRelatedEntities: route({
    method: 'GET',
    path: '/entities/{id}/related',
    operationId: 'listRelatedEntities',
    summary: 'The entities that appear most often in the same articles as this one (over its newest 500).',
    query: relatedQuery,
    response: RelatedEntities,
    pathParameters: entityPath,
    notFound: true,
  }),
  listQuotes: route({
    method: 'GET',
    path: '/entities/{id}/quotes',
    operationId: 'listQuotes',
    summary: 'Quotes attributed to an entity as speaker, newest first.',
    query: datedListQuery,
    response: responses.quotePage,
    pathParameters: entityPath,
    notFound: true,
    paginated: true,
  }),
  listTrendingEntities: route({
    method: 'GET',
    path: '/trending',
    operationId: 'listTrendingEntities',
    summary:
      'The entities mentioned in the most articles in a window of up to a year (default: last 7 days).',
    query: trendingQuery,
    pathParameters: noPathParameters,
    response: TrendingEntities,
  }),
  getOpenApiDocument: route({
    method: 'GET',
    path: '/openapi.json',
    operationId: 'getOpenApiDocument',
    summary: 'This API described as OpenAPI 3.1.',
    query: emptyQuery,
    pathParameters: noPathParameters,
    response: OpenApiDocument,
  }),
};

export type ApiRoute = (typeof routeList)[keyof typeof routeList];
export type OperationId = ApiRoute['operationId'];
/** The route of an operation, with its schemas' types. */
export type RouteOf<Id extends OperationId> = Extract<ApiRoute, { operationId: Id }>;
export type QueryOf<Id extends OperationId> = z.output<RouteOf<Id>['query']>;
export type PathParametersOf<Id extends OperationId> = z.output<RouteOf<Id>['pathParameters']>;
/** What an operation returns: the 200 body before the response schema checks it. */
export type ResponseOf<Id extends OperationId> = z.input<RouteOf<Id>['response']>;

export const apiRoutes: readonly ApiRoute[] = Object.values(routeList);

/** The route of each operation, typed so that `routes[id]` keeps its schemas' types for a generic id. */
export type RouteMap = {
  readonly [Id in OperationId]: RouteDefinition<
    Id,
    z.ZodType<QueryOf<Id>>,
    z.ZodType<PathParametersOf<Id>>,
    z.ZodType<unknown, ResponseOf<Id>>
  >;
};

/** Checked, not cast: each key must be its route's operationId and keep its schemas. */
export const routes: RouteMap = routeList;
