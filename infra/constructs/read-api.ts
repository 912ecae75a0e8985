import { Duration, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { corsPolicy } from '../../shared/api/http';
import type { RouteDefinition } from '../../shared/api/routes';

export interface ReadApiProps {
  readonly routes: readonly RouteDefinition[];
  readonly handler: lambda.IFunction;
  /** Steady-state requests per second across the stage, and the burst above it. */
  readonly throttle: { readonly rateLimit: number; readonly burstLimit: number };
}

/** The HTTP API: one route per shared route definition, all to the api function; CORS, throttling, access logs. */
export class ReadApi extends Construct {
  readonly api: apigw.HttpApi;
  readonly stage: apigw.HttpStage;

  constructor(scope: Construct, id: string, props: ReadApiProps) {
    super(scope, id);

    this.api = new apigw.HttpApi(this, 'HttpApi', {
      apiName: `${Stack.of(this).stackName}-read-api`,
      description: 'article-pipeline read API',
      createDefaultStage: false,
      corsPreflight: {
        allowMethods: corsPolicy.allowMethods.map((method) => apigw.CorsHttpMethod[method]),
        allowOrigins: [...corsPolicy.allowOrigins],
        allowHeaders: [...corsPolicy.allowHeaders],
        exposeHeaders: [...corsPolicy.exposeHeaders],
        maxAge: Duration.seconds(corsPolicy.maxAgeSeconds),
      },
    });
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason: 'The archive is public and read-only (GET); abuse is bounded by stage throttling.',
    });

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention: logs.RetentionDays.ONE_MONTH });
    this.stage = new apigw.HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle,
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        format: accessLogFormat(),
      },
    });

    const integration = new HttpLambdaIntegration('ApiFunction', props.handler);
    for (const route of props.routes) {
      this.api.addRoutes({ path: route.path, methods: [apigw.HttpMethod[route.method]], integration });
    }
  }
}

/** One JSON line per request, with HTTP API (not REST API) context variables. */
function accessLogFormat() {
  return AccessLogFormat.custom(
    JSON.stringify({
      requestId: '$context.requestId',
      ip: '$context.identity.sourceIp',
      requestTime: '$context.requestTime',
      method: '$context.httpMethod',
      routeKey: '$context.routeKey',
      path: '$context.path',
      status: '$context.status',
      responseLength: '$context.responseLength',
      latencyMs: '$context.responseLatency',
      integrationError: '$context.integrationErrorMessage',
    }),
  );
}
