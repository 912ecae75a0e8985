/**
 * Load: `npm run load -- --articles 2000 --bad 5 [--kill-at 0.5] [--via s3|inbox] [--concurrency 16]`
 *
 * Starts the local runtime as a child process on a fresh data folder, drops a burst of generated
 * articles in the seed layout with a share of malformed files (random bytes, empty, over the size
 * limit, binary signatures), waits until every dropped file is stored or quarantined, and reports the
 * accounting, time to drain, articles per second and the runtime's peak memory. With --kill-at F the
 * runtime is SIGKILLed once a fraction F of the files is dropped, and started again on the same state.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { type Accounting, accountForRawFiles } from '../infra/local/accounting';
import { runtimeClients } from '../infra/local/clients';
import { type RuntimeProcess, startRuntimeProcess } from '../infra/local/runtime-process';
import { fixtureArticle } from '../support/article-fixtures';
import { malformedFile } from '../support/malformed-files';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '2000' },
    bad: { type: 'string', default: '5' },
    'kill-at': { type: 'string' },
    via: { type: 'string', default: 's3' },
    concurrency: { type: 'string', default: '16' },
    keep: { type: 'boolean', default: false },
  },
});
const total = Number(values.articles);
const badPercent = Number(values.bad);
const killAt = values['kill-at'] === undefined ? undefined : Number(values['kill-at']);
const via = values.via as 's3' | 'inbox';
const concurrency = Number(values.concurrency);

interface DropFile {
  name: string;
  bytes: Uint8Array;
  kind: string;
}

/** Bad files are spread evenly through the burst, not bunched at its end. */
function burst(): DropFile[] {
  const badCount = Math.round((total * badPercent) / 100);
  const every = badCount > 0 ? total / badCount : Number.POSITIVE_INFINITY;
  const files: DropFile[] = [];
  let bad = 0;
  for (let i = 0; i < total; i++) {
    if (bad < badCount && i >= Math.floor(bad * every)) {
      const malformed = malformedFile(bad);
      files.push({
        name: `load-${String(i).padStart(5, '0')}-${malformed.kind}.bin`,
        bytes: malformed.bytes,
        kind: 'bad',
      });
      bad++;
    } else {
      files.push({
        name: `load-${String(i).padStart(5, '0')}.txt`,
        bytes: Buffer.from(fixtureArticle(i).text),
        kind: 'good',
      });
    }
  }
  return files;
}

const folder = mkdtempSync(join(tmpdir(), 'load-'));
const dataDir = join(folder, 'data');
const inbox = join(folder, 'inbox');
const logFile = join(folder, 'runtime.log');
mkdirSync(inbox, { recursive: true });
const peaks: number[] = [];

let runtime: RuntimeProcess = await startRuntimeProcess({ dataDir, inbox, logFile });
const files = burst();
console.log(
  `load: ${files.length} files (${files.filter((f) => f.kind === 'bad').length} malformed) via ${via}` +
    `${killAt !== undefined ? `, SIGKILL at ${Math.round(killAt * 100)}% dropped` : ''}; data ${folder}`,
);

const started = performance.now();
let dropped = 0;
let next = 0;
let killed = false;

async function dropOne(file: DropFile): Promise<void> {
  if (via === 'inbox') {
    // Write beside the inbox and rename in, so the watcher never sees half a file.
    const staging = join(folder, file.name);
    writeFileSync(staging, file.bytes);
    renameSync(staging, join(inbox, file.name));
    return;
  }
  for (let attempt = 1; ; attempt++) {
    try {
      const clients = runtimeClients(runtime.endpoints);
      await clients.s3.send(
        new PutObjectCommand({
          Bucket: runtime.endpoints.bucket,
          Key: `raw/${file.name}`,
          Body: file.bytes,
          ContentLength: file.bytes.length,
        }),
      );
      clients.destroy();
      return;
    } catch (error) {
      // The runtime is being killed or restarted: the upload did not happen, try again.
      if (attempt > 60) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

async function dropper(): Promise<void> {
  while (next < files.length) {
    const file = files[next++]!;
    await dropOne(file);
    dropped++;
    if (killAt !== undefined && !killed && dropped >= files.length * killAt) {
      killed = true;
      await restart();
    }
  }
}

let restarting: Promise<void> | undefined;
async function restart(): Promise<void> {
  restarting ??= (async () => {
    const peak = runtime.peakRss();
    await runtime.kill();
    if (peak) peaks.push(peak);
    console.log(`killed the runtime (SIGKILL) after ${dropped} files dropped; starting it again`);
    runtime = await startRuntimeProcess({ dataDir, inbox, logFile });
  })();
  await restarting;
}

await Promise.all(Array.from({ length: concurrency }, () => dropper()));
const droppedAt = performance.now();

let accounting: Accounting;
for (let lastReport = 0; ; ) {
  const clients = runtimeClients(runtime.endpoints);
  accounting = await accountForRawFiles(
    clients.s3,
    clients.dynamodb,
    runtime.endpoints.bucket,
    runtime.endpoints.table,
  );
  clients.destroy();
  runtime.peakRss();
  const done = accounting.stored + accounting.quarantined;
  if (accounting.raw >= files.length && accounting.pending.length === 0) break;
  if (performance.now() - lastReport > 10_000) {
    lastReport = performance.now();
    console.log(`  ${Math.round((performance.now() - started) / 1000)} s: ${done}/${files.length} settled`);
  }
  if (performance.now() - started > 60 * 60_000) break;
  // Counting reads the whole archive: poll gently so the count does not slow the pipeline it measures.
  await new Promise((resolve) => setTimeout(resolve, 2000));
}
const drained = performance.now();
const peak = runtime.peakRss();
if (peak) peaks.push(peak);
await runtime.stop();

const seconds = (drained - started) / 1000;
const settled = accounting.stored + accounting.quarantined;
const lines = [
  `dropped      ${dropped} (${files.filter((f) => f.kind === 'good').length} articles, ${files.filter((f) => f.kind === 'bad').length} malformed)`,
  `stored       ${accounting.stored}`,
  `quarantined  ${accounting.quarantined} (${Object.entries(accounting.quarantinedByStage)
    .map(([stage, n]) => `${stage} ${n}`)
    .join(', ')})`,
  `pending      ${accounting.pending.length}`,
  `accounted    ${settled === dropped && accounting.pending.length === 0 ? 'yes' : 'NO'}: dropped ${dropped} = stored ${accounting.stored} + quarantined ${accounting.quarantined}`,
  `drop time    ${((droppedAt - started) / 1000).toFixed(1)} s`,
  `drain time   ${seconds.toFixed(1)} s (first drop to last file settled)`,
  `throughput   ${(dropped / seconds).toFixed(1)} files/s, ${(accounting.stored / seconds).toFixed(1)} articles stored/s`,
  `peak RSS     ${peaks.length ? peaks.map((p) => `${Math.round(p / 1024 / 1024)} MB`).join(', then ') : 'n/a'} (runtime process${peaks.length > 1 ? 'es before and after the kill' : ''})`,
];
console.log(lines.join('\n'));
if (!values.keep) rmSync(folder, { recursive: true, force: true });
process.exitCode = settled === dropped && accounting.pending.length === 0 ? 0 : 1;
