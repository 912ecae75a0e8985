/**
 * Reading-room benchmark: builds the UI, starts `npm start` (infra/local/main.ts, a child process on a
 * temp DATA_DIR and free ports), drops the browser test's articles into its inbox, then in Debian's
 * Chromium measures
 *   - the JavaScript the home page loads, gzipped (as fetched by the browser, each file gzip -9);
 *   - first contentful paint of the home page (Performance API paint entry), a cold profile each run;
 *   - axe-core violations on home, article, entity and trending pages.
 *
 *   npm run bench:web                 9 page loads
 *   npm run bench:web -- --runs 15
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { startRuntimeProcess } from '../infra/local/runtime-process';
import { repoRoot } from '../infra/paths';
import { buildReader } from '../support/browser/build-reader';
import { launchChromium } from '../support/browser/chromium';
import { type AxeViolation, seriousViolations } from '../support/browser/page-checks';
import { readingRoomArticle } from '../support/browser/reading-room-articles';
import { eventually } from '../support/eventually';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '9' } } });
const runs = Math.max(1, Number(values.runs));

const work = mkdtempSync(join(tmpdir(), 'bench-web-'));
const inbox = join(work, 'inbox');
mkdirSync(inbox);
await buildReader();
const runtime = await startRuntimeProcess({
  dataDir: join(work, 'data'),
  inbox,
  logFile: join(work, 'runtime.log'),
});
const home = `${runtime.endpoints.http}/`;

try {
  const articles = [0, 1, 2, 3, 4].map(readingRoomArticle);
  for (const article of articles) writeFileSync(join(inbox, article.fileName), article.text);
  writeFileSync(
    join(inbox, 'desk-layout.txt'),
    readFileSync(join(repoRoot, 'test/fixtures/parse/desk-layout.txt')),
  );
  await eventually(
    'the articles listed',
    async () => {
      const page = (await (await fetch(`${home}articles?limit=100`)).json()) as { items: unknown[] };
      return page.items.length === articles.length + 1;
    },
    120_000,
  );

  const paints: number[] = [];
  const listed: number[] = [];
  let scripts: { url: string; bytes: number; gzipped: number }[] = [];
  for (let run = 0; run < runs; run++) {
    // A new profile each run: nothing cached, as a first visit.
    const browser = await launchChromium();
    const page = await browser.context.newPage();
    const loaded: { url: string; bytes: number; gzipped: number }[] = [];
    page.on('response', async (response) => {
      if (response.request().resourceType() !== 'script') return;
      const body = await response.body();
      loaded.push({
        url: new URL(response.url()).pathname,
        bytes: body.length,
        gzipped: gzipSync(body, { level: 9 }).length,
      });
    });
    await page.goto(home, { waitUntil: 'load' });
    await page.locator('main ol.articles a.title').first().waitFor();
    const fcp = (await page.evaluate(
      "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1",
    )) as number;
    const list = (await page.evaluate('performance.now()')) as number;
    paints.push(fcp);
    listed.push(list);
    if (run === 0) scripts = loaded;
    await browser.close();
  }

  const browser = await launchChromium();
  const page = await browser.context.newPage();
  const id = ((await (await fetch(`${home}articles?limit=1`)).json()) as { items: { id: string }[] })
    .items[0]!.id;
  const pages: [string, string, string][] = [
    ['home', '#/', 'main ol.articles a.title'],
    ['article', `#/articles/${id}`, 'main .body a.mention'],
    ['entity', '#/entities/per-volodymyr-zelenskyy', 'main .timeline canvas'],
    ['trending', '#/trending?days=31&to=2026-11-30', 'main ol.trending li'],
  ];
  const axe: Record<string, { all: number; serious: number }> = {};
  for (const [name, hash, ready] of pages) {
    await page.goto(`${home}${hash}`);
    await page.locator(ready).first().waitFor();
    const serious = await seriousViolations(page);
    const all = (await page.evaluate(
      'axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations)',
    )) as AxeViolation[];
    axe[name] = { all: all.length, serious: serious.length };
  }
  await browser.close();

  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
  const range = (list: number[]) => {
    const sorted = [...list].sort((a, b) => a - b);
    return `${sorted[0]!.toFixed(0)}-${sorted.at(-1)!.toFixed(0)}`;
  };
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  const gz = scripts.reduce((sum, s) => sum + s.gzipped, 0);
  const raw = scripts.reduce((sum, s) => sum + s.bytes, 0);
  console.log(
    `first-page JavaScript (home, ${scripts.length} file(s)): ${kb(gz)} KB gzipped, ${kb(raw)} KB raw`,
  );
  for (const s of scripts) console.log(`  ${s.url}  ${kb(s.gzipped)} KB gzipped`);
  console.log(
    `first contentful paint, home, ${runs} cold loads: median ${median(paints).toFixed(0)} ms (${range(paints)} ms)`,
  );
  console.log(`article list shown, same loads: median ${median(listed).toFixed(0)} ms (${range(listed)} ms)`);
  for (const [name, counts] of Object.entries(axe))
    console.log(
      `axe-core ${name}: ${counts.serious} serious/critical, ${counts.all} violations of any impact`,
    );
} finally {
  await runtime.stop();
  rmSync(work, { recursive: true, force: true });
}
