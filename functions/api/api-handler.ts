import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { CursorCodec } from '../../shared/api/cursor';
import type { ApiRequest } from '../../shared/api/http';
import { createApi } from '../../shared/api/router';
import type { ArchiveReads } from '../../shared/store/archive-reads';
import type { Observability } from '../common/powertools';

export interface ApiDependencies {
  reads: ArchiveReads;
  /** The key that signs page cursors; asked on every request, so it may change (a rotated secret). */
  cursorKey: () => Promise<string>;
  observability: Observability;
}

/** API Gateway HTTP API (payload 2.0) event in, response out. */
export function createApiHandler({ reads, cursorKey, observability }: ApiDependencies) {
  const { logger, metrics, tracer } = observability;
  let api: { key: string; answer: ReturnType<typeof createApi> } | undefined;

  /** Rebuilt only if the cursor key comes back different (a new value put into the secret). */
  const theApi = async () => {
    const key = await cursorKey();
    if (api?.key !== key) {
      api = {
        key,
        answer: createApi({
          reader: reads,
          cursors: new CursorCodec(key),
          onError: (error, request) =>
            logger.error('request failed', { path: request.path, error: String(error) }),
        }),
      };
    }
    return api.answer;
  };

  const lambdaHandler = async (
    event: APIGatewayProxyEventV2,
    _context: Context,
  ): Promise<APIGatewayProxyStructuredResultV2> => {
    const response = await (await theApi())(requestFromEvent(event));
    metrics.addMetric(`api${Math.floor(response.statusCode / 100)}xx`, MetricUnit.Count, 1);
    logger.debug('answered', {
      method: event.requestContext?.http?.method,
      path: event.rawPath,
      status: response.statusCode,
    });
    return response;
  };

  return middy(lambdaHandler)
    .use(captureLambdaHandler(tracer))
    .use(logMetrics(metrics))
    .use(injectLambdaContext(logger, { clearState: true }));
}

export function requestFromEvent(event: APIGatewayProxyEventV2): ApiRequest {
  const stage = event.requestContext?.stage;
  const rawPath = event.rawPath ?? '/';
  const path =
    stage && stage !== '$default' && rawPath.startsWith(`/${stage}/`)
      ? rawPath.slice(stage.length + 1)
      : rawPath;
  return {
    method: event.requestContext?.http?.method ?? 'GET',
    path,
    query: event.queryStringParameters ?? {},
    headers: event.headers ?? {},
    requestId: event.requestContext?.requestId,
  };
}
