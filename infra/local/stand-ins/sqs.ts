import { startFauxqs } from 'fauxqs';
import type { RunningStandIn } from './dynamodb';

/**
 * SQS (JSON protocol, visibility timeouts, RedrivePolicy to a DLQ) in memory. Messages do not survive
 * a restart; the runtime's reconcile step re-enqueues whatever the zones show as unfinished.
 */
export async function startSqs(port = 0): Promise<RunningStandIn> {
  const server = await startFauxqs({ port, logger: false, host: 'localhost' });
  return {
    endpoint: `http://127.0.0.1:${server.port}`,
    port: server.port,
    stop: () => server.stop(),
  };
}
