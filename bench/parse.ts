/**
 * Parser benchmark: body F1 on the development half of the article-extraction benchmark (its own
 * shingle metric), how often headline/author/publication time are found on those pages, and the median
 * time per HTML page and per seed-size text article on one core.
 *
 *   npm run bench:parse            the summary table
 *   npm run bench:parse -- --pages per-page precision/recall, worst first (for error analysis)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseArticle } from '../shared/parse/index';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(repoRoot, '..', 'shared', 'data', 'article-extraction');
const seedDir = join(repoRoot, '..', 'shared', 'seeds');
const fixtureDir = join(repoRoot, 'test', 'fixtures', 'parse');

type Counts = [tp: number, fp: number, fn: number];

/** The benchmark's tokens: runs of Unicode letters, digits and underscore (Python's `\w+`). */
function shingles(text: string, n = 4): Map<string, number> {
  const tokens = text.match(/[\p{L}\p{N}_]+/gu) ?? [];
  const counts = new Map<string, number>();
  for (let i = 0; i < Math.max(1, tokens.length - n + 1); i++) {
    const shingle = tokens.slice(i, i + n);
    if (shingle.length === 0) continue;
    const key = shingle.join('\u0000');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** TP/FP/FN over shingle multisets, normalised by their sum so that every page weighs the same. */
export function shingleMatching(truth: string, predicted: string): Counts {
  const t = shingles(truth);
  const p = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, count] of t) {
    const other = p.get(key) ?? 0;
    tp += Math.min(count, other);
    fn += Math.max(0, count - other);
  }
  for (const [key, count] of p) fp += Math.max(0, count - (t.get(key) ?? 0));
  const sum = tp + fp + fn;
  return sum > 0 ? [tp / sum, fp / sum, fn / sum] : [0, 0, 0];
}

const precisionOf = ([tp, fp, fn]: Counts) =>
  fp === 0 && fn === 0 ? 1 : tp === 0 && fp === 0 ? 0 : tp / (tp + fp);
const recallOf = ([tp, fp, fn]: Counts) =>
  fp === 0 && fn === 0 ? 1 : tp === 0 && fn === 0 ? 0 : tp / (tp + fn);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export function metrics(rows: Counts[]): { precision: number; recall: number; f1: number } {
  const precision = mean(rows.filter(([tp, fp]) => tp + fp > 0).map(precisionOf));
  const recall = mean(rows.filter(([tp, , fn]) => tp + fn > 0).map(recallOf));
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Median over items of each item's median over `rounds` passes, as wall time and as the process's CPU
 * time: on a shared machine the CPU time is the fairer figure for "one core".
 */
function timeEach(inputs: Uint8Array[], key: string, rounds: number): { wall: number; cpu: number } {
  const wall = inputs.map(() => [] as number[]);
  const cpu = inputs.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++)
    inputs.forEach((bytes, i) => {
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      parseArticle(bytes, { key });
      wall[i]!.push(performance.now() - start);
      const used = process.cpuUsage(cpuStart);
      cpu[i]!.push((used.user + used.system) / 1000);
    });
  return { wall: median(wall.map(median)), cpu: median(cpu.map(median)) };
}

function main(): void {
  const showPages = process.argv.includes('--pages');
  if (!existsSync(join(dataDir, 'ground-truth.json'))) {
    console.error(`benchmark data not found at ${dataDir}`);
    process.exit(1);
  }
  const truth = JSON.parse(readFileSync(join(dataDir, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string; url: string }
  >;
  const ids = Object.keys(truth);
  const pages = ids.map((id) => gunzipSync(readFileSync(join(dataDir, 'html', `${id}.html.gz`))));
  const rows: Counts[] = [];
  const found = { headline: 0, author: 0, publishedAt: 0, rejected: 0 };
  const perPage: string[] = [];
  ids.forEach((id, i) => {
    const outcome = parseArticle(pages[i]!, { key: `${id}.html` });
    const body = outcome.ok ? outcome.article.body : '';
    const counts = shingleMatching(truth[id]!.articleBody, body);
    rows.push(counts);
    if (!outcome.ok) found.rejected++;
    else {
      if (outcome.article.title.trim() !== '') found.headline++;
      if (outcome.article.authors.length > 0) found.author++;
      if (outcome.article.publishedAt) found.publishedAt++;
    }
    perPage.push(
      `${precisionOf(counts).toFixed(3)} ${recallOf(counts).toFixed(3)} ${id.slice(0, 12)} ${truth[id]!.url}`,
    );
  });
  const { precision, recall, f1 } = metrics(rows);

  const htmlMs = timeEach(pages, 'page.html', 3);
  // The seed is the reference size for a text article; the fixtures stand in where it is absent.
  const textDir = existsSync(seedDir) ? seedDir : fixtureDir;
  const texts = readdirSync(textDir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => new Uint8Array(readFileSync(join(textDir, f))));
  const textKb = texts.reduce((n, t) => n + t.length, 0) / Math.max(1, texts.length) / 1024;
  const textMs =
    texts.length > 0 ? timeEach(texts, 'article.txt', 50) : { wall: Number.NaN, cpu: Number.NaN };

  const pct = (n: number) => `${((100 * n) / ids.length).toFixed(1)}% (${n}/${ids.length})`;
  if (showPages) console.log(`precision recall page\n${perPage.sort().join('\n')}\n`);
  console.log('| Parser figure | Value |');
  console.log('| --- | --- |');
  console.log(`| HTML body F1, article-extraction dev half (${ids.length} pages) | ${f1.toFixed(3)} |`);
  console.log(`| HTML body precision / recall | ${precision.toFixed(3)} / ${recall.toFixed(3)} |`);
  console.log(`| Headline found | ${pct(found.headline)} |`);
  console.log(`| Author found | ${pct(found.author)} |`);
  console.log(`| Publication time found | ${pct(found.publishedAt)} |`);
  console.log(`| Pages rejected | ${found.rejected} |`);
  console.log(
    `| Median ms per HTML page, CPU / wall (one core) | ${htmlMs.cpu.toFixed(2)} / ${htmlMs.wall.toFixed(2)} |`,
  );
  console.log(
    `| Median ms per text article, CPU / wall (${texts.length} file(s), ${textKb.toFixed(1)} KB on average) | ${textMs.cpu.toFixed(3)} / ${textMs.wall.toFixed(3)} |`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
