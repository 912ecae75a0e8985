import { afterAll, beforeAll, describe } from 'vitest';
import { type Harness, startHarness } from '../integration/pipeline/runtime-harness';
import { entityFlowTests } from './entity-flow';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.stop();
});

describe('npm start: one entity across the archive, corrected through the CLI', () => {
  entityFlowTests({
    http: () => harness.runtime.endpoints.http,
    s3: () => harness.clients.s3,
    bucket: () => harness.bucket,
    dataDir: () => harness.dataDir,
    log: () => harness.log,
  });
});
