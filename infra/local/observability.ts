import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { metricsNamespace, type Observability, serviceName } from '../../functions/common/powertools';

type LogLevel = NonNullable<ConstructorParameters<typeof Logger>[0]>['logLevel'];

/** Metrics counted and dropped: the runtime prints one line per file and step instead of EMF blobs. */
class UnpublishedMetrics extends Metrics {
  override publishStoredMetrics(): this {
    this.clearMetrics();
    this.clearDimensions();
    return this;
  }

  override captureColdStartMetric(): void {}
}

/** The handlers' Powertools in the local runtime: quiet logs unless asked, no metrics, no tracing. */
export function localObservability(logLevel: LogLevel = 'ERROR'): Observability {
  return {
    logger: new Logger({ serviceName, logLevel }),
    metrics: new UnpublishedMetrics({ namespace: metricsNamespace, serviceName }),
    tracer: new Tracer({ serviceName, enabled: false }),
  };
}
