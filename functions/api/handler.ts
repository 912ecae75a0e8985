import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ArchiveReader } from '../../shared/store/archive-reader';
import { config } from '../common/config';
import { lambdaAdapters } from '../common/lambda-adapters';
import { createApiHandler } from './api-handler';
import { cursorKeySettingsFromEnvironment, cursorKeySource } from './cursor-key';

const adapters = lambdaAdapters();
const secretsClient = adapters.observability.tracer.captureAWSv3Client(new SecretsManagerClient({}));

export const handler = createApiHandler({
  observability: adapters.observability,
  reads: new ArchiveReader(adapters.documents, config.table()),
  cursorKey: cursorKeySource({
    ...cursorKeySettingsFromEnvironment(),
    secrets: new SecretsProvider({ awsSdkV3Client: secretsClient }),
  }),
});
