import { resolve } from 'node:path';
import { defaultMaxRawBytes } from '../../functions/common/config';
import { localResourceNames, stages } from '../../shared/pipeline/definition';
import { articleIdOfKey, type StageName } from '../../shared/pipeline/key-layout';
import { runtimeClients, type ServiceEndpoints } from './clients';
import { persistedCursorSecret } from './cursor-secret';
import { type RuntimeEndpoints, writeEndpointsFile } from './endpoints';
import { createEventBridge } from './event-bridge';
import { buildHandlers, type FunctionSettings } from './handlers';
import { type RunningHttpServer, startHttpServer } from './http-server';
import { type InboxWatcher, watchInbox } from './inbox-watcher';
import { localObservability } from './observability';
import { type Poller, type StageHandler, startPoller } from './poller';
import { configureBucketNotifications, provision, type ResourceNames } from './provision';
import { type ReconcileResult, reconcile } from './reconcile';
import { batchReporter, formatEvent, type PipelineListener } from './reporter';
import { type StandIns, startStandIns } from './stand-ins/index';
import { storedCheck } from './stored-check';

export interface LocalRuntimeOptions {
  /** State of the embedded stand-ins (ignored with `endpointUrl`). */
  dataDir: string;
  /** Watched folder, or false for none. */
  inbox?: string | false;
  /** HTTP API port; 0 picks a free one. */
  port?: number;
  /** An AWS-compatible endpoint (moto_server, LocalStack): no stand-ins start, S3 notifies SQS itself. */
  endpointUrl?: string;
  /** Stand-in ports; a restart in the same process reuses them, so endpoints written down stay valid. */
  standInPorts?: { s3?: number; sqs?: number; dynamodb?: number };
  /** The stand-ins run on a worker thread by default, leaving this one to the handlers. */
  standInThread?: 'worker' | 'main';
  names?: ResourceNames;
  /** Batches per stage handled at once. */
  concurrency?: number;
  retryDelaySeconds?: number;
  /** Overrides each queue's visibility timeout (default: 6x the stage's function timeout). */
  visibilityTimeoutSeconds?: number;
  pollWaitSeconds?: number;
  /**
   * Fault-injection seams for tests: wrap a stage's handler, or route the handlers' S3 and DynamoDB
   * traffic through another endpoint (a proxy that throttles or fails requests).
   */
  wrapHandler?: (stage: StageName, handler: StageHandler) => StageHandler;
  handlerEndpoint?: (service: 's3' | 'dynamodb', endpoint: string) => Promise<string>;
  /**
   * The functions' settings, which the stack passes as environment variables on Lambda. By default the
   * built-in tagger, UTC, 5 MiB, and a cursor key kept in the data folder (so cursors survive a restart).
   */
  functions?: Partial<Omit<FunctionSettings, 'table'>>;
  /** The handlers' Powertools log level (default ERROR: the runtime prints its own line per step). */
  logLevel?: Parameters<typeof localObservability>[0];
  /** Called for every step of every file; default prints a line. */
  onEvent?: PipelineListener;
  /** Runtime messages (start-up, errors); default console.log. */
  log?: (line: string) => void;
  /**
   * The embedded stand-ins died (their thread ended on an uncaught error): the runtime has already
   * logged it and stopped its pollers, HTTP server and inbox. `npm start` exits; tests may assert.
   */
  onFatal?: (error: Error) => void;
}

export interface LocalRuntime {
  endpoints: RuntimeEndpoints;
  standInPorts: { s3: number; sqs: number; dynamodb: number };
  reconciled: ReconcileResult;
  /** The embedded stand-ins (none with `endpointUrl`). */
  standIns?: StandIns;
  /** Without drain, everything closes at once, as close to a crash as an in-process stop gets. */
  stop(options?: { drain?: boolean }): Promise<void>;
}

export async function startLocalRuntime(options: LocalRuntimeOptions): Promise<LocalRuntime> {
  const log = options.log ?? ((line: string) => console.log(line));
  const onEvent = options.onEvent ?? ((event) => log(formatEvent(event)));
  const names = options.names ?? localResourceNames;
  const dataDir = resolve(options.dataDir);
  const stopStandIns: (() => Promise<void>)[] = [];

  let service: ServiceEndpoints;
  let s3Events: StandIns | undefined;
  let standInPorts = { s3: 0, sqs: 0, dynamodb: 0 };
  if (options.endpointUrl) {
    service = {
      s3: options.endpointUrl,
      sqs: options.endpointUrl,
      dynamodb: options.endpointUrl,
      region: process.env.AWS_REGION ?? 'us-east-1',
      accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'test',
      secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'test',
    };
  } else {
    const standIns = await startStandIns({
      dataDir,
      ports: options.standInPorts,
      thread: options.standInThread,
    });
    stopStandIns.push(standIns.stop);
    s3Events = standIns;
    standInPorts = standIns.ports;
    // s3rver accepts only its own key pair; dynalite and fauxqs accept any.
    service = {
      ...standIns.endpoints,
      region: 'us-east-1',
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
    };
  }

  try {
    const runtime = await startPipeline({
      options,
      service,
      standInPorts,
      s3Events,
      stopStandIns,
      log,
      onEvent,
      names,
      dataDir,
    });
    runtime.standIns = s3Events;
    s3Events?.onFailure((error) => {
      log(`${error.message}\nthe stand-ins are gone, so the pipeline cannot go on: stopping; start it again`);
      void runtime.stop({ drain: false }).finally(() => options.onFatal?.(error));
    });
    return runtime;
  } catch (error) {
    // A half-started runtime (a busy PORT, an unreachable endpoint) must not leave its stand-ins running.
    for (const stop of stopStandIns.reverse()) await stop().catch(() => undefined);
    throw error;
  }
}

interface PipelineParts {
  options: LocalRuntimeOptions;
  service: ServiceEndpoints;
  standInPorts: LocalRuntime['standInPorts'];
  s3Events: StandIns | undefined;
  stopStandIns: (() => Promise<void>)[];
  log: (line: string) => void;
  onEvent: PipelineListener;
  names: ResourceNames;
  dataDir: string;
}

/** Everything after the services are reachable: provisioning, handlers, pollers, HTTP, inbox. */
async function startPipeline(parts: PipelineParts): Promise<LocalRuntime> {
  const { options, service, standInPorts, s3Events, stopStandIns, log, onEvent, names, dataDir } = parts;
  const external = Boolean(options.endpointUrl);
  const handlerService = { ...service };
  if (options.handlerEndpoint && !external) {
    handlerService.s3 = await options.handlerEndpoint('s3', service.s3);
    handlerService.dynamodb = await options.handlerEndpoint('dynamodb', service.dynamodb);
  }
  const handlers = buildHandlers(
    handlerService,
    {
      table: names.table,
      tagger: options.functions?.tagger ?? 'builtin',
      defaultTimeZone: options.functions?.defaultTimeZone ?? 'UTC',
      maxRawBytes: options.functions?.maxRawBytes ?? defaultMaxRawBytes,
      cursorKey: options.functions?.cursorKey ?? localCursorKey(dataDir),
    },
    localObservability(options.logLevel),
  );
  const clients = runtimeClients(service);
  const queues = await provision(clients, names, {
    visibilityTimeoutSeconds: options.visibilityTimeoutSeconds,
  });
  if (external) await configureBucketNotifications(clients, names.bucket, queues);

  const bridge = s3Events
    ? createEventBridge(clients, queues, (key, error) =>
        log(`event for ${key} not delivered: ${String(error)}`),
      )
    : undefined;
  if (s3Events && bridge) s3Events.onS3Event((record) => bridge.deliver(record));

  const report = batchReporter(clients.s3, onEvent);

  // Listen before any work starts, so a busy port fails the start-up cleanly.
  const http: RunningHttpServer = await startHttpServer(handlers.api, options.port ?? 3000);

  const reconciled = await reconcile({
    s3: clients.s3,
    sqs: clients.sqs,
    bucket: names.bucket,
    queues,
    isStored: storedCheck(clients.dynamodb, names.table),
  });

  const pollers: Poller[] = [];
  for (const stage of stages) {
    const loaded = handlers.stages[stage.name];
    const handler = options.wrapHandler ? options.wrapHandler(stage.name, loaded) : loaded;
    pollers.push(
      startPoller({
        stage,
        queue: queues[stage.name],
        sqs: clients.sqs,
        region: service.region,
        handler,
        concurrency: options.concurrency ?? 2,
        retryDelaySeconds: options.retryDelaySeconds ?? 2,
        waitSeconds: options.pollWaitSeconds ?? 2,
        onBatch: report,
        onPollError: (error) => log(`${stage.name} poller: ${String(error)}`),
      }),
    );
  }

  let inbox: InboxWatcher | undefined;
  if (options.inbox !== false) {
    inbox = watchInbox({
      folder: resolve(options.inbox ?? 'inbox'),
      s3: clients.s3,
      bucket: names.bucket,
      onUploaded: (file, key) => onEvent({ kind: 'uploaded', file, key, articleId: articleIdOfKey(key) }),
      onSkipped: (file, reason) => log(`inbox: skipped ${file} (${reason})`),
      onError: (file, error) => log(`inbox: ${file} not uploaded yet: ${String(error)}`),
    });
    await inbox.ready;
  }

  const queueEndpoints = Object.fromEntries(
    stages.map((s) => [s.name, { url: queues[s.name].url, deadLetterUrl: queues[s.name].deadLetterUrl }]),
  ) as Record<StageName, { url: string; deadLetterUrl: string }>;
  const endpoints: RuntimeEndpoints = {
    ...service,
    http: http.url,
    bucket: names.bucket,
    table: names.table,
    queues: queueEndpoints,
  };
  writeEndpointsFile(dataDir, endpoints);

  let stopping: Promise<void> | undefined;
  return {
    endpoints,
    standInPorts,
    reconciled,
    stop({ drain = true } = {}) {
      stopping ??= (async () => {
        if (drain) {
          await inbox?.stop();
          await Promise.all(pollers.map((p) => p.stop({ drain: true })));
          await bridge?.flush();
        } else {
          void inbox?.stop();
          await Promise.all(pollers.map((p) => p.stop({ drain: false })));
        }
        await http.stop();
        clients.destroy();
        handlers.destroy();
        for (const stop of stopStandIns.reverse()) await stop().catch(() => undefined);
      })();
      return stopping;
    },
  };
}

/** The cursor key kept in the data folder: made on first start, so a cursor outlives a restart. */
function localCursorKey(dataDir: string): () => Promise<string> {
  const key = persistedCursorSecret(dataDir);
  return async () => key;
}
