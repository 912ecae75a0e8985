import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { createApiHandler } from '../functions/api/api-handler';
import { localObservability } from '../infra/local/observability';
import { ArchiveReader } from '../shared/store/archive-reader';

/** An API Gateway HTTP API (payload 2.0) event, as API Gateway and the local runtime build it. */
export function httpEvent(
  method: string,
  path: string,
  query: Record<string, string> = {},
  headers: Record<string, string> = {},
): APIGatewayProxyEventV2 {
  const rawQueryString = new URLSearchParams(query).toString();
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString,
    headers: { host: 'localhost', ...headers },
    queryStringParameters: Object.keys(query).length ? query : undefined,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
      requestId: `req-${Math.random().toString(36).slice(2)}`,
      routeKey: '$default',
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    isBase64Encoded: false,
  };
}

export const lambdaContext = {
  functionName: 'api',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:api',
  memoryLimitInMB: '512',
  awsRequestId: 'test',
  logGroupName: 'api',
  logStreamName: 'api',
  callbackWaitsForEmptyEventLoop: false,
  getRemainingTimeInMillis: () => 10_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
} as Context;

export type ApiHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

/** The api handler as its entry module builds it, reading the given table through ArchiveReader. */
export function apiHandlerFor(db: DynamoDBDocumentClient, table: string, cursorSecret: string): ApiHandler {
  return createApiHandler({
    reads: new ArchiveReader(db, table),
    cursorKey: async () => cursorSecret,
    observability: localObservability(),
  });
}
