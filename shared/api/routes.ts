import type { z } from 'zod';
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
 * server, the router and the OpenAPI document, so none of them can drift from the others.
 */
export interface RouteDefinition {
  readonly method: 'GET';
  /** API Gateway path syntax: `{name}` is a path parameter. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly query: z.ZodType;
  readonly pathParameters?: z.ZodType;
  /** The body of a 200. */
  readonly response: z.ZodType;
  /** The route answers 404 when the thing named in its path does not exist. */
  readonly notFound?: boolean;
  /** The route returns a page of items with a nextCursor. */
  readonly paginated?: boolean;
}

export const apiRoutes: readonly RouteDefinition[] = [
  {
    method: 'GET',
    path: '/articles',
    operationId: 'listArticles',
    summary: 'Latest articles, newest first, optionally within a date range, a section and a source.',
    query: listArticlesQuery,
    response: responses.articlePage,
    paginated: true,
  },
  {
    method: 'GET',
    path: '/articles/{id}',
    operationId: 'getArticle',
    summary: 'One article: its fields, body, entities with their mentions, and quotes.',
    query: emptyQuery,
    response: Article,
    pathParameters: articlePath,
    notFound: true,
  },
  {
    method: 'GET',
    path: '/entities',
    operationId: 'searchEntities',
    summary: 'Entities whose name or an alias has a word starting with the prefix, optionally of one type.',
    query: searchEntitiesQuery,
    response: responses.entityMatchPage,
    paginated: true,
  },
  {
    method: 'GET',
    path: '/entities/{id}',
    operationId: 'getEntity',
    summary: 'One entity: canonical name, type, aliases, number of articles, first and last seen.',
    query: emptyQuery,
    response: Entity,
    pathParameters: entityPath,
    notFound: true,
  },
  {
    method: 'GET',
    path: '/entities/{id}/articles',
    operationId: 'listEntityArticles',
    summary: 'The articles that mention an entity, newest first, optionally within a date range.',
    query: datedListQuery,
    response: responses.entityArticlePage,
    pathParameters: entityPath,
    notFound: true,
    paginated: true,
  },
  {
    method: 'GET',
    path: '/entities/{id}/related',
    operationId: 'listRelatedEntities',
    summary: 'The entities that appear most often in the same articles as this one (over its newest 500).',
    query: relatedQuery,
    response: RelatedEntities,
    pathParameters: entityPath,
    notFound: true,
  },
  {
    method: 'GET',
    path: '/entities/{id}/quotes',
    operationId: 'listQuotes',
    summary: 'Quotes attributed to an entity as speaker, newest first.',
    query: datedListQuery,
    response: responses.quotePage,
    pathParameters: entityPath,
    notFound: true,
    paginated: true,
  },
  {
    method: 'GET',
    path: '/trending',
    operationId: 'listTrendingEntities',
    summary:
      'The entities mentioned in the most articles in a window of up to a year (default: last 7 days).',
    query: trendingQuery,
    response: TrendingEntities,
  },
  {
    method: 'GET',
    path: '/openapi.json',
    operationId: 'getOpenApiDocument',
    summary: 'This API described as OpenAPI 3.1.',
    query: emptyQuery,
    response: OpenApiDocument,
  },
];
