import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';

/** One logger, metrics and tracer per container, shared by every handler module. */
export const logger = new Logger({ serviceName: 'article-pipeline' });
export const metrics = new Metrics({ namespace: 'ArticlePipeline', serviceName: 'article-pipeline' });
export const tracer = new Tracer({ serviceName: 'article-pipeline' });
