import { env } from '../../shared/pipeline/definition';
import type { ServiceEndpoints } from './clients';

/**
 * Points the handlers, which run in this process, at the runtime's services: the SDK reads the
 * service-specific endpoint variables, the handlers read the pipeline's own variables. Powertools
 * output is quietened because the runtime prints one line per file and step itself.
 */
export function applyProcessEnv(
  endpoints: ServiceEndpoints,
  names: { bucket: string; table: string },
  external: boolean,
): void {
  if (external) {
    process.env.AWS_ENDPOINT_URL = endpoints.s3;
  } else {
    process.env.AWS_ENDPOINT_URL_S3 = endpoints.s3;
    process.env.AWS_ENDPOINT_URL_SQS = endpoints.sqs;
    process.env.AWS_ENDPOINT_URL_DYNAMODB = endpoints.dynamodb;
  }
  process.env.AWS_REGION = endpoints.region;
  process.env.AWS_ACCESS_KEY_ID = endpoints.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = endpoints.secretAccessKey;
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
  process.env[env.bucket] = names.bucket;
  process.env[env.table] = names.table;
  process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  process.env.POWERTOOLS_TRACE_ENABLED ??= 'false';
}
