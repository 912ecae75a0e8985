import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface InjectedFault {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type FaultRule = (request: IncomingMessage, body: Buffer) => InjectedFault | undefined;

/** The answers the services give when they throttle or fail, as the SDK sees them. */
export const faults = {
  dynamoDbThrottling: (): InjectedFault => ({
    status: 400,
    headers: { 'content-type': 'application/x-amz-json-1.0' },
    body: JSON.stringify({
      __type: 'com.amazonaws.dynamodb.v20120810#ThrottlingException',
      message: 'Rate of requests exceeds the allowed throughput.',
    }),
  }),
  dynamoDbInternalError: (): InjectedFault => ({
    status: 500,
    headers: { 'content-type': 'application/x-amz-json-1.0' },
    body: JSON.stringify({
      __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError',
      message: 'injected',
    }),
  }),
  s3SlowDown: (): InjectedFault => ({
    status: 503,
    headers: { 'content-type': 'application/xml' },
    body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>',
  }),
  s3InternalError: (): InjectedFault => ({
    status: 500,
    headers: { 'content-type': 'application/xml' },
    body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>InternalError</Code><Message>injected</Message></Error>',
  }),
};

export interface FaultProxy {
  endpoint: string;
  /** Requests answered with an injected fault so far. */
  readonly injected: number;
  setRule(rule: FaultRule | undefined): void;
  stop(): Promise<void>;
}

/** An HTTP proxy in front of a stand-in that answers chosen requests with a fault instead of forwarding. */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  let rule: FaultRule | undefined;
  let injected = 0;
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const fault = rule?.(request, body);
    if (fault) {
      injected++;
      response.writeHead(fault.status, fault.headers);
      response.end(fault.body);
      return;
    }
    const forwarded = httpRequest(
      {
        hostname: upstream.hostname,
        port: upstream.port,
        method: request.method,
        path: request.url,
        // The Host header is kept: S3 signatures cover it.
        headers: request.headers,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    forwarded.on('error', () => {
      response.writeHead(502);
      response.end();
    });
    forwarded.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    get injected() {
      return injected;
    },
    setRule: (next) => {
      rule = next;
    },
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
