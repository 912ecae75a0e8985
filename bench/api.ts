/**
 * Store and read-API benchmark: stores synthetic tagged articles through the store's writer into a
 * dynalite on disk (a temp dir), then times every read route through the api Lambda handler with
 * API Gateway HTTP API (payload 2.0) events.
 *
 *   npm run bench:api                         2,000 articles, 4 writes of articles in flight
 *   npm run bench:api -- --articles 500 --concurrency 1 --requests 100
 *
 * Write units: the table's units as dynalite reports them (ReturnConsumedCapacity), plus the index
 * copies it does not report, priced from the table definition's projections (bench/dynamodb-item-size.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ArticleWriter } from '../shared/store/article-writer';
import { mapLimit } from '../shared/store/map-limit';
import { apiHandlerFor, httpEvent, lambdaContext } from '../support/api-events';
import { startTestTable } from '../support/dynalite-table';
import { cast, castId, syntheticCorpus } from '../support/synthetic-corpus';
import { indexWriteUnits } from './dynamodb-item-size';

const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '4' },
    requests: { type: 'string', default: '200' },
  },
});
const articleCount = Number(args.articles);
const concurrency = Number(args.concurrency);
const requestsPerRoute = Number(args.requests);

const dir = mkdtempSync(join(tmpdir(), 'bench-api-'));
const table = await startTestTable({ path: dir, table: 'articles-bench' });
try {
  // Every write, by item type: the table units dynalite reports, and the index copies it does not.
  const byKind = new Map<string, { writes: number; table: number; index: number }>();
  let counting = true;
  const send = table.db.send.bind(table.db) as (command: unknown) => Promise<unknown>;
  (table.db as unknown as { send: typeof send }).send = async (command: unknown) => {
    const result = (await send(command)) as {
      Attributes?: Record<string, unknown>;
      ConsumedCapacity?: { CapacityUnits?: number };
    };
    const kind = writtenKind(command, result.Attributes);
    if (counting && kind) {
      const entry = byKind.get(kind) ?? { writes: 0, table: 0, index: 0 };
      entry.writes++;
      entry.table += result.ConsumedCapacity?.CapacityUnits ?? 0;
      if (command instanceof PutCommand) entry.index += indexWriteUnits(command.input.Item ?? {});
      if (command instanceof DeleteCommand && result.Attributes)
        entry.index += indexWriteUnits(result.Attributes);
      byKind.set(kind, entry);
    }
    return result;
  };
  const totals = () =>
    [...byKind.values()].reduce((sum, e) => ({ table: sum.table + e.table, index: sum.index + e.index }), {
      table: 0,
      index: 0,
    });
  const writer = new ArticleWriter(table.db, table.table);
  const corpus = syntheticCorpus({
    count: articleCount,
    seed: 2000,
    days: 365,
    undatedEvery: 50,
    fillerParagraphs: 12,
  });
  const meanBody = corpus.reduce((sum, a) => sum + a.body.length, 0) / corpus.length;
  const meanEntities = corpus.reduce((sum, a) => sum + a.entities.length, 0) / corpus.length;

  const started = performance.now();
  await mapLimit(corpus, concurrency, (article) => writer.write(article));
  const storeSeconds = (performance.now() - started) / 1000;
  const firstUnits = totals();
  const breakdown = [...byKind].sort((a, b) => b[1].table + b[1].index - (a[1].table + a[1].index));

  // The same events again: what an at-least-once redelivery of the whole archive costs.
  byKind.clear();
  const again = performance.now();
  await mapLimit(corpus, concurrency, (article) => writer.write(article));
  const redeliverySeconds = (performance.now() - again) / 1000;
  const redeliveryUnits = totals().table + totals().index;
  counting = false;

  const handler = apiHandlerFor(table.db, table.table, 'bench-secret');
  const call = async (path: string, query: Record<string, string> = {}) => {
    const response = await handler(httpEvent('GET', path, query), lambdaContext);
    if (response.statusCode !== 200)
      throw new Error(`${path} ${JSON.stringify(query)}: ${response.statusCode} ${response.body}`);
    return JSON.parse(response.body ?? '{}') as { nextCursor?: string };
  };

  const ids = corpus.map((a) => a.id);
  const people = cast.filter((m) => m.type === 'PERSON').map(castId);
  const entities = cast.map(castId);
  const deepCursor = await (async () => {
    let cursor: string | undefined;
    for (let i = 0; i < 20; i++)
      cursor = (await call('/articles', { limit: '20', ...(cursor ? { cursor } : {}) })).nextCursor;
    return cursor!;
  })();
  const nth = <T>(list: readonly T[], i: number) => list[i % list.length]!;
  const routes: [string, (i: number) => [string, Record<string, string>]][] = [
    ['GET /articles', () => ['/articles', {}]],
    ['GET /articles (page 21)', () => ['/articles', { limit: '20', cursor: deepCursor }]],
    [
      'GET /articles?section&from&to',
      (i) => ['/articles', { section: nth(['World', 'Sport'], i), from: '2025-03-01', to: '2025-08-31' }],
    ],
    ['GET /articles/{id}', (i) => [`/articles/${nth(ids, i * 7)}`, {}]],
    ['GET /entities?prefix', (i) => ['/entities', { prefix: nth(['zel', 'ka', 'ber', 'eu', 'mar'], i) }]],
    ['GET /entities/{id}', (i) => [`/entities/${nth(entities, i)}`, {}]],
    ['GET /entities/{id}/articles', (i) => [`/entities/${nth(entities, i)}/articles`, {}]],
    ['GET /entities/{id}/related', (i) => [`/entities/${nth(entities, i)}/related`, {}]],
    ['GET /entities/{id}/quotes', (i) => [`/entities/${nth(people, i)}/quotes`, {}]],
    [
      'GET /trending (7 days)',
      (i) => ['/trending', { from: `2025-0${1 + (i % 9)}-01`, to: `2025-0${1 + (i % 9)}-07` }],
    ],
    [
      'GET /trending (1 year)',
      (i) => [
        '/trending',
        { from: `2025-0${1 + (i % 9)}-1${i % 10}`, to: `2026-0${1 + (i % 9)}-0${1 + (i % 9)}` },
      ],
    ],
    ['GET /openapi.json', () => ['/openapi.json', {}]],
  ];
  const latencies: [string, number, number][] = [];
  for (const [name, request] of routes) {
    for (let i = 0; i < 5; i++) await call(...request(i));
    const times: number[] = [];
    for (let i = 0; i < requestsPerRoute; i++) {
      const t0 = performance.now();
      await call(...request(i));
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    latencies.push([name, percentile(times, 0.5), percentile(times, 0.99)]);
  }

  const total = firstUnits.table + firstUnits.index;
  console.log(`\n### Store and read API (${articleCount} synthetic articles, dynalite on disk)\n`);
  console.log(
    `Node ${process.version}, ${cpus().length} CPUs; mean body ${Math.round(meanBody)} chars, ` +
      `${meanEntities.toFixed(2)} entities per article; ${concurrency} articles written concurrently.\n`,
  );
  console.log('| Store | Value |');
  console.log('|---|---|');
  console.log(`| articles stored per second | ${(articleCount / storeSeconds).toFixed(1)} |`);
  console.log(`| write units per article, table | ${(firstUnits.table / articleCount).toFixed(2)} |`);
  console.log(`| write units per article, indexes | ${(firstUnits.index / articleCount).toFixed(2)} |`);
  console.log(`| write units per article, total | ${(total / articleCount).toFixed(2)} |`);
  console.log(
    `| redelivery of every article: per second | ${(articleCount / redeliverySeconds).toFixed(1)} |`,
  );
  console.log(
    `| redelivery of every article: write units per article | ${(redeliveryUnits / articleCount).toFixed(2)} |`,
  );
  console.log(
    '\n| Writes of the first delivery, by item | writes per article | table units per article | index units per article |',
  );
  console.log('|---|---|---|---|');
  for (const [kind, e] of breakdown) {
    console.log(
      `| ${kind} | ${(e.writes / articleCount).toFixed(2)} | ${(e.table / articleCount).toFixed(2)} | ${(e.index / articleCount).toFixed(2)} |`,
    );
  }
  console.log(`\n| Route (api handler, ${requestsPerRoute} requests each) | p50 ms | p99 ms |`);
  console.log('|---|---|---|');
  for (const [name, p50, p99] of latencies)
    console.log(`| ${name} | ${p50.toFixed(2)} | ${p99.toFixed(2)} |`);
} finally {
  await table.stop();
  rmSync(dir, { recursive: true, force: true });
}

/** Which item type a write wrote, or undefined for a read. */
function writtenKind(command: unknown, removed?: Record<string, unknown>): string | undefined {
  if (command instanceof PutCommand) return `put ${String(command.input.Item?.kind ?? 'item')}`;
  if (command instanceof UpdateCommand) return `update ${String(command.input.Key?.pk ?? '').split('#')[0]}`;
  if (command instanceof DeleteCommand) return `delete ${String(removed?.kind ?? 'nothing')}`;
  return undefined;
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}
