import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { CursorCodec } from '../../shared/api/cursor';
import type { ApiRequest } from '../../shared/api/http';
import { createApi } from '../../shared/api/router';
import { documentClient } from '../../shared/aws/clients';
import { ArchiveReader } from '../../shared/store/archive-reader';
import { config } from '../common/config';
import { logger, metrics, tracer } from '../common/powertools';
import { cursorKey } from './cursor-key';

let api: { key: string; answer: ReturnType<typeof createApi> } | undefined;

/**
 * Built on the first request rather than at import, so the import stays free of network calls; rebuilt
 * only if the cursor key comes back different (a new value put into the secret).
 */
async function theApi() {
  const key = await cursorKey();
  if (api?.key !== key) {
    api = {
      key,
      answer: createApi({
        reader: new ArchiveReader(documentClient(), config.table()),
        cursors: new CursorCodec(key),
        onError: (error, request) =>
          logger.error('request failed', { path: request.path, error: String(error) }),
      }),
    };
  }
  return api.answer;
}

/** API Gateway HTTP API (payload 2.0) event in, response out. */
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

export const handler = middy(lambdaHandler)
  .use(captureLambdaHandler(tracer))
  .use(logMetrics(metrics))
  .use(injectLambdaContext(logger, { clearState: true }));
