import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime';
import { eventLog, temporaryFolder } from './helpers';
import { pipelineFlowTests } from './pipeline-flow';

const folder = temporaryFolder('e2e-local-');
const inbox = join(folder.path, 'inbox');
const log = eventLog();
let runtime: LocalRuntime;

const start = (previous?: LocalRuntime) =>
  startLocalRuntime({
    dataDir: join(folder.path, 'data'),
    inbox,
    port: 0,
    // The handlers' SDK clients keep the endpoints of the first start: the stand-ins come back on them.
    standInPorts: previous?.standInPorts,
    retryDelaySeconds: 1,
    pollWaitSeconds: 1,
    onEvent: log.listener,
    log: () => undefined,
  });

beforeAll(async () => {
  runtime = await start();
});

afterAll(async () => {
  await runtime?.stop();
  folder.remove();
});

describe('npm start: embedded stand-ins (dynalite, s3rver, fauxqs)', () => {
  pipelineFlowTests({
    runtime: () => runtime,
    restart: async () => {
      await runtime.stop();
      runtime = await start(runtime);
    },
    log,
    inbox,
  });
});
