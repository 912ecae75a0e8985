import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import {
  CreateSecretCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHandler } from '../../../functions/api/api-handler';
import { cursorKeySource } from '../../../functions/api/cursor-key';
import { localObservability } from '../../../infra/local/observability';
import { ArchiveReader } from '../../../shared/store/archive-reader';
import { ArticleWriter } from '../../../shared/store/article-writer';
import { type ApiHandler, httpEvent, lambdaContext } from '../../../support/api-events';
import { startTestTable, type TestTable } from '../../../support/dynalite-table';
import { syntheticCorpus } from '../../../support/synthetic-corpus';
import { type MotoServer, startMotoServer } from '../../e2e/moto-server';

let t: TestTable;
let moto: MotoServer;
let secrets: SecretsManagerClient;

beforeAll(async () => {
  [t, moto] = await Promise.all([startTestTable(), startMotoServer()]);
  const writer = new ArticleWriter(t.db, t.table);
  for (const article of syntheticCorpus({ count: 6, seed: 3, start: '2025-02-01T00:00:00Z', days: 10 })) {
    await writer.write(article);
  }
  secrets = new SecretsManagerClient({
    endpoint: moto.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
});

afterAll(async () => {
  secrets?.destroy();
  await Promise.all([t?.stop(), moto?.stop()]);
});

/** A fresh container: the handler built anew under these settings, with a secrets cache of its own. */
async function container(settings: { key?: string; arn?: string }): Promise<ApiHandler> {
  const provider = new SecretsProvider({
    clientConfig: {
      endpoint: moto.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    },
  });
  return createApiHandler({
    reads: new ArchiveReader(t.db, t.table),
    cursorKey: cursorKeySource({ ...settings, secrets: provider }),
    observability: localObservability(),
  });
}

async function page(handler: ApiHandler, cursor?: string) {
  const query: Record<string, string> = { limit: '2', ...(cursor ? { cursor } : {}) };
  const response = await handler(httpEvent('GET', '/articles', query), lambdaContext);
  const body = JSON.parse(response.body ?? '{}');
  return { status: response.statusCode, type: response.headers?.['content-type'], body };
}

async function firstCursor(handler: ApiHandler): Promise<string> {
  const first = await page(handler);
  expect(first.status).toBe(200);
  expect(first.body.nextCursor).toEqual(expect.any(String));
  return first.body.nextCursor;
}

async function createSecret(name: string, value: string): Promise<string> {
  const created = await secrets.send(new CreateSecretCommand({ Name: name, SecretString: value }));
  return created.ARN!;
}

describe('the cursor signing key', () => {
  it('refuses with 400 problem+json a cursor signed under another key', async () => {
    const cursor = await firstCursor(await container({ key: 'key-one' }));
    expect((await page(await container({ key: 'key-one' }), cursor)).status).toBe(200);

    const refused = await page(await container({ key: 'key-two' }), cursor);
    expect(refused.status).toBe(400);
    expect(refused.type).toBe('application/problem+json');
    expect(refused.body.type).toBe('urn:article-pipeline:problem:invalid-cursor');
  });

  it('comes from the secret CURSOR_SECRET_ARN names, ahead of CURSOR_SECRET', async () => {
    const value = 'k'.repeat(48);
    const arn = await createSecret('cursor-key-arn-wins', value);
    const cursor = await firstCursor(await container({ arn, key: 'not-this-one' }));
    expect((await page(await container({ key: value }), cursor)).status).toBe(200);
    expect((await page(await container({ key: 'not-this-one' }), cursor)).status).toBe(400);
  });

  it('is fetched once per container: a new value in the secret is not read on every request', async () => {
    const arn = await createSecret('cursor-key-cached', 'first-value-of-the-secret');
    const handler = await container({ arn });
    const before = await firstCursor(handler);
    await secrets.send(new PutSecretValueCommand({ SecretId: arn, SecretString: 'second-value' }));
    // Signing is deterministic: the same page under the same key gives the same cursor.
    expect(await firstCursor(handler)).toBe(before);
    expect(await firstCursor(await container({ arn }))).not.toBe(before);
  });

  it('is never a built-in constant: with no key configured the invocation fails', async () => {
    const handler = await container({});
    await expect(handler(httpEvent('GET', '/articles', { limit: '2' }), lambdaContext)).rejects.toThrow(
      /no cursor signing key/,
    );
  });

  it('fails the invocation when the secret cannot be read', async () => {
    const handler = await container({
      arn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:no-such-secret-AbCdEf',
    });
    await expect(handler(httpEvent('GET', '/articles', { limit: '2' }), lambdaContext)).rejects.toThrow();
  });
});
