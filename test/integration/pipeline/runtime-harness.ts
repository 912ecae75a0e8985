import { join } from 'node:path';
import { GetQueueAttributesCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { accountForRawFiles } from '../../../infra/local/accounting';
import { runtimeClients } from '../../../infra/local/clients';
import { type LocalRuntime, type LocalRuntimeOptions, startLocalRuntime } from '../../../infra/local/runtime';
import { objectCreatedMessage } from '../../../shared/events/s3-object-event';
import type { StageName } from '../../../shared/pipeline/key-layout';
import { eventually } from '../../../support/eventually';
import { eventLog, getJson, temporaryFolder } from '../../e2e/helpers';

/** One local runtime on temporary state, with what the pipeline tests need to drive and observe it. */
export async function startHarness(options: Partial<LocalRuntimeOptions> = {}) {
  const folder = temporaryFolder('pipeline-');
  const log = eventLog();
  const start = (previous?: LocalRuntime) =>
    startLocalRuntime({
      dataDir: join(folder.path, 'data'),
      inbox: false,
      port: 0,
      // A restart in this process must bring the stand-ins back where the handlers' clients point.
      standInPorts: previous?.standInPorts,
      retryDelaySeconds: 1,
      pollWaitSeconds: 1,
      onEvent: log.listener,
      log: () => undefined,
      ...options,
    });
  let runtime: LocalRuntime = await start();
  const clients = runtimeClients(runtime.endpoints);
  const { bucket, table } = runtime.endpoints;
  const http = () => runtime.endpoints.http;
  const account = () => accountForRawFiles(clients.s3, clients.dynamodb, bucket, table);

  return {
    get runtime() {
      return runtime;
    },
    /** Stops the runtime (finishing the batches in flight) and starts it again on the same state. */
    async restart() {
      await runtime.stop();
      runtime = await start(runtime);
      return runtime;
    },
    dataDir: join(folder.path, 'data'),
    clients,
    log,
    bucket,
    async article(id: string) {
      const { status, body } = await getJson(`${http()}/articles/${id}`);
      return status === 200 ? body : undefined;
    },
    async entity(id: string) {
      const { status, body } = await getJson(`${http()}/entities/${encodeURIComponent(id)}`);
      return status === 200 ? body : undefined;
    },
    account,
    /** Waits until every raw file is stored or quarantined. */
    async settled() {
      return eventually('every raw file stored or quarantined', async () => {
        const accounting = await account();
        return accounting.pending.length === 0 ? accounting : undefined;
      });
    },
    /** Sends one object-created event for `key` straight to a stage's queue, as S3 would (again). */
    async deliver(stage: StageName, key: string, sequencer?: string) {
      await clients.sqs.send(
        new SendMessageCommand({
          QueueUrl: runtime.endpoints.queues[stage].url,
          MessageBody: objectCreatedMessage({ bucket, key, sequencer }),
        }),
      );
    },
    async deadLetterDepth(stage: StageName) {
      const attributes = await clients.sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl: runtime.endpoints.queues[stage].deadLetterUrl,
          AttributeNames: ['ApproximateNumberOfMessages'],
        }),
      );
      return Number(attributes.Attributes?.ApproximateNumberOfMessages ?? 0);
    },
    async stop() {
      await runtime.stop();
      clients.destroy();
      folder.remove();
    },
  };
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;
