import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';

/** A handler's logger, metrics and tracer. */
export interface Observability {
  logger: Logger;
  metrics: Metrics;
  tracer: Tracer;
}

export const serviceName = 'article-pipeline';
export const metricsNamespace = 'ArticlePipeline';

/** On Lambda: configured by the POWERTOOLS_* variables the stack sets, one set per container. */
export function lambdaObservability(): Observability {
  return {
    logger: new Logger({ serviceName }),
    metrics: new Metrics({ namespace: metricsNamespace, serviceName }),
    tracer: new Tracer({ serviceName }),
  };
}
