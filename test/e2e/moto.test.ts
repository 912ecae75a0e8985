import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { runtimeClients } from '../../infra/local/clients';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime';
import { entityFlowTests } from './entity-flow';
import { eventLog, temporaryFolder } from './helpers';
import { type MotoServer, startMotoServer } from './moto-server';
import { pipelineFlowTests } from './pipeline-flow';

const folder = temporaryFolder('e2e-moto-');
const inbox = join(folder.path, 'inbox');
const log = eventLog();
let moto: MotoServer;
let runtime: LocalRuntime;

const start = () =>
  startLocalRuntime({
    dataDir: join(folder.path, 'data'),
    inbox,
    port: 0,
    // No stand-ins: bucket, queues and table are provisioned on moto, and moto's S3 notifies SQS.
    endpointUrl: moto.endpoint,
    retryDelaySeconds: 1,
    pollWaitSeconds: 1,
    onEvent: log.listener,
    log: () => undefined,
  });

beforeAll(async () => {
  moto = await startMotoServer();
  runtime = await start();
});

afterAll(async () => {
  await runtime?.stop();
  await moto?.stop();
  folder.remove();
});

describe('npm start with AWS_ENDPOINT_URL: moto_server and real S3 -> SQS notifications', () => {
  pipelineFlowTests({
    runtime: () => runtime,
    restart: async () => {
      await runtime.stop();
      runtime = await start();
    },
    log,
    inbox,
  });
});

describe('npm start on moto: one entity across the archive, corrected through the CLI', () => {
  entityFlowTests({
    http: () => runtime.endpoints.http,
    s3: () => runtimeClients(runtime.endpoints).s3,
    bucket: () => runtime.endpoints.bucket,
    dataDir: () => join(folder.path, 'data'),
    log: () => log,
  });
});
