import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { createApiHandler } from '../../functions/api/api-handler';
import type { Observability } from '../../functions/common/powertools';
import { s3ObjectStore } from '../../functions/common/s3-object-store';
import { createParseHandler } from '../../functions/parse/parse-handler';
import { createStoreHandler } from '../../functions/store/store-handler';
import { createTagHandler } from '../../functions/tag/tag-handler';
import { documentClientOf } from '../../shared/aws/clients';
import type { StageName } from '../../shared/pipeline/key-layout';
import { ArchiveReader } from '../../shared/store/archive-reader';
import { ArticleWriter } from '../../shared/store/article-writer';
import { createConfiguredTagger } from '../../shared/tag/configured';
import { runtimeClients, type ServiceEndpoints } from './clients';
import type { StageHandler } from './poller';

export type ApiHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyResultV2>;

/** What the functions read from their environment on Lambda, given explicitly here. */
export interface FunctionSettings {
  table: string;
  tagger: string;
  defaultTimeZone: string;
  maxRawBytes: number;
  cursorKey: () => Promise<string>;
}

export interface LocalHandlers {
  stages: Record<StageName, StageHandler>;
  api: ApiHandler;
  /** Ends the handlers' own SDK clients. */
  destroy(): void;
}

/**
 * Builds every function's handler as its entry module would on Lambda, but with the runtime's
 * endpoints, credentials and settings passed in: nothing is read from, or written to, process.env.
 * The handlers get SDK clients of their own, so a test can route their traffic through a proxy.
 */
export function buildHandlers(
  endpoints: ServiceEndpoints,
  settings: FunctionSettings,
  observability: Observability,
): LocalHandlers {
  const clients = runtimeClients(endpoints);
  const documents = documentClientOf(clients.dynamodb);
  const base = { objects: s3ObjectStore(clients.s3), observability };
  return {
    stages: {
      parse: createParseHandler({
        ...base,
        defaultTimeZone: settings.defaultTimeZone,
        maxRawBytes: settings.maxRawBytes,
      }),
      tag: createTagHandler({ ...base, tagger: createConfiguredTagger(settings.tagger) }),
      store: createStoreHandler({ ...base, articles: new ArticleWriter(documents, settings.table) }),
    },
    api: createApiHandler({
      observability,
      reads: new ArchiveReader(documents, settings.table),
      cursorKey: settings.cursorKey,
    }),
    destroy: clients.destroy,
  };
}
