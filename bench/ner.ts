/**
 * NER benchmark: entity-level exact match for the model as it ships (raw text through the tokenizer, both
 * passes and the repairs) on CoNLL-2003 valid and on the hand-annotated BBC dev set (bench/data/ner-dev.json),
 * per type, with the recall of people after an honorific or title and a confusion table of types; the
 * issue's boundary counts over every BBC article; tagging speed on the seed article, model size, and the
 * cold import time of the bundled tag handler. Prints markdown tables.
 *
 *   npm run bench:ner
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ParsedArticle } from '../shared/article/schema';
import { createTagger } from '../shared/tag/index';
import { loadModel } from '../shared/tag/load-model';
import { recognize } from '../shared/tag/ner/recognize';
import { bundleHandler } from '../support/bundle-handler';
import { readConll } from '../tools/train-ner/conll';
import type { Evaluation } from '../tools/train-ner/evaluate';
import { countBbc, readBbc } from './ner-bbc';
import { type DevDocument, type DevScores, readDevSet, scoreDocuments } from './ner-dev';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const validPath = join(repoRoot, '..', 'shared', 'data', 'conll2003', 'valid.txt');
const seedPath = join(repoRoot, '..', 'shared', 'seeds', '000_9513243bd3d32a71.txt');
const modelPath = join(repoRoot, 'shared', 'tag', 'model', 'ner.bin');
const bbcDir = join(repoRoot, '..', 'shared', 'data', 'bbc-news');
const devPath = join(repoRoot, 'bench', 'data', 'ner-dev.json');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

/** The seed as the parser would give it: headline, caption and credit, body, source (no parser needed). */
function seedArticle(): ParsedArticle {
  const lines = readFileSync(seedPath, 'utf8').split('\n');
  const caption = lines.findIndex((l) => /—\s*AFP photo\s*$/.test(l));
  const source = lines.findIndex((l) => l.startsWith('Source:'));
  const body = lines
    .slice(caption + 1, source)
    .join('\n')
    .trim()
    .replace(/\n{2,}/g, '\n\n');
  return {
    schemaVersion: 1,
    id: 'seed',
    origin: { key: 'raw/seed.txt', contentHash: '', bytes: 0, revision: '' },
    format: 'text',
    encoding: 'utf-8',
    title: lines[0]!.trim(),
    authors: [],
    publishedAt: '2025-12-15T14:46:00Z',
    headings: [],
    images: [{ caption: lines[caption]!.replace(/—\s*AFP photo\s*$/, '').trim(), credit: 'AFP' }],
    body,
    source: 'Al Jazeera',
    parser: { version: 'bench' },
  };
}

/**
 * Articles per second of CPU time of this (single-threaded) process, so that the figure means "on one core"
 * even when other work shares the machine; wall-clock rate reported beside it.
 */
async function taggingSpeed(): Promise<{ cpu: number; wall: number; words: number }> {
  const article = seedArticle();
  const tagger = createTagger();
  for (let i = 0; i < 300; i++) await tagger.tag(article);
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let r = 0; r < 7; r++) {
    const started = performance.now();
    const usage = process.cpuUsage();
    let n = 0;
    while (performance.now() - started < 1000) {
      await tagger.tag(article);
      n++;
    }
    const used = process.cpuUsage(usage);
    cpu.push(n / ((used.user + used.system) / 1e6));
    wall.push(n / ((performance.now() - started) / 1000));
  }
  return { cpu: median(cpu), wall: median(wall), words: article.body.split(/\s+/).length };
}

/** Wall-clock and CPU milliseconds of importing the bundled handler in fresh processes (CPU time holds on a busy machine). */
async function coldImport(): Promise<{ wall: number[]; cpu: number[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'ner-bench-'));
  try {
    await bundleHandler(join(repoRoot, 'functions', 'tag', 'handler.ts'), join(dir, 'index.mjs'));
    cpSync(join(repoRoot, 'shared', 'tag', 'model'), join(dir, 'model'), { recursive: true });
    const probe = join(dir, 'probe.mjs');
    writeFileSync(
      probe,
      `const t = performance.now(); const c = process.cpuUsage(); await import(${JSON.stringify(pathToFileURL(join(dir, 'index.mjs')).href)}); const u = process.cpuUsage(c); console.log(performance.now() - t, (u.user + u.system) / 1000);`,
    );
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < 5; i++) {
      const out = execFileSync(process.execPath, [probe], {
        env: { ...process.env, BUCKET_NAME: 'bench', TABLE_NAME: 'bench', POWERTOOLS_DEV: 'false' },
        encoding: 'utf8',
      });
      const [w, c] = out.trim().split('\n').pop()!.split(' ').map(Number);
      wall.push(w!);
      cpu.push(c!);
    }
    return { wall, cpu };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const pct = (x: number) => (x * 100).toFixed(1);

/** The done-when on the seed: which expected people, organisations, places and speakers are missing. */
async function seedCheck(): Promise<string> {
  const expected: Record<string, string[]> = {
    PERSON: [
      'Volodymyr Zelenskyy',
      'Donald Trump',
      'Steve Witkoff',
      'Jared Kushner',
      'Boris Pistorius',
      'Dmytro Lytvyn',
      'Oleksii Kuleba',
      'Recep Tayyip Erdogan',
    ],
    ORGANIZATION: ['NATO', 'ZDF', 'AFP', 'Al Jazeera'],
    LOCATION: [
      'Kyiv',
      'Berlin',
      'Ukraine',
      'Russia',
      'Moscow',
      'Donetsk',
      'Luhansk',
      'Odesa',
      'Black Sea',
      'Bosphorus Strait',
      'Turkiye',
    ],
  };
  const speakers = [
    'Volodymyr Zelenskyy',
    'Dmytro Lytvyn',
    'Boris Pistorius',
    'Steve Witkoff',
    'Recep Tayyip Erdogan',
  ];
  const result = await createTagger().tag(seedArticle());
  const missing: string[] = [];
  for (const [type, names] of Object.entries(expected)) {
    for (const name of names) {
      if (!result.entities.some((e) => e.type === type && (e.name === name || e.aliases.includes(name))))
        missing.push(`${type} ${name}`);
    }
  }
  const zelenskyy = result.entities.filter(
    (e) => e.type === 'PERSON' && /^Zelensky/.test(e.name.split(' ').pop()!),
  );
  const spellings = zelenskyy.flatMap((e) => [e.name, ...e.aliases].map((a) => a.split(' ').pop()));
  if (zelenskyy.length !== 1 || !spellings.includes('Zelensky') || !spellings.includes('Zelenskyy'))
    missing.push('one entity for Zelenskyy and Zelensky');
  for (const speaker of speakers) {
    if (!result.quotes.some((q) => q.speaker === speaker)) missing.push(`quote by ${speaker}`);
  }
  const people = result.entities.filter((e) => e.type === 'PERSON').length;
  return missing.length === 0
    ? `all found (${people} people, ${result.entities.length} entities, ${result.quotes.length} quotes of which ${result.quotes.filter((q) => q.speaker).length} attributed)`
    : `missing: ${missing.join('; ')}`;
}

const spansOf = (text: string) => recognize(loadModel(), text).spans;

function scoreRows(name: string, scores: DevScores): [string, string][] {
  const e: Evaluation = scores.evaluation;
  const out: [string, string][] = [];
  for (const [label, type] of [
    ['PER', 'PERSON'],
    ['LOC', 'LOCATION'],
    ['ORG', 'ORGANIZATION'],
    ['MISC', 'MISC'],
  ] as const) {
    const s = e.byType[type];
    out.push([`${name} ${label} F1 (P / R)`, `${pct(s.f1)} (${pct(s.precision)} / ${pct(s.recall)})`]);
  }
  out.push([`${name} PER/LOC/ORG micro-F1`, `**${pct(e.perLocOrg.f1)}**`]);
  out.push([`${name} all-4 micro-F1`, pct(e.all.f1)]);
  const h = scores.honorific;
  out.push([
    `${name}: people after Mr/Mrs/Ms/Dr/Sir/President... found exactly`,
    h.gold === 0 ? 'none in the set' : `${pct(h.found / h.gold)}% (${h.found} of ${h.gold})`,
  ]);
  return out;
}

const rows: [string, string][] = [];
let devScores: DevScores | undefined;
if (existsSync(validPath)) {
  const valid: DevDocument[] = readConll(validPath).map((d, k) => ({ file: `valid#${k}`, ...d }));
  for (const row of scoreRows('CoNLL-2003 valid', scoreDocuments(valid, spansOf))) rows.push(row);
} else rows.push(['CoNLL-2003 valid', `not found at ${validPath}`]);
if (existsSync(bbcDir)) {
  const dev = readDevSet(devPath, bbcDir);
  devScores = scoreDocuments(dev, spansOf);
  const gold = dev.reduce((n, d) => n + d.spans.length, 0);
  for (const row of scoreRows(`BBC dev (${dev.length} articles, ${gold} names)`, devScores)) rows.push(row);
} else rows.push(['BBC dev set', `not found at ${bbcDir}`]);

if (existsSync(seedPath)) {
  const speed = await taggingSpeed();
  rows.push([
    `tagging speed: seed-size articles (${speed.words} words, full tag: entities, resolution, quotes, dates) per second on one core`,
    `${speed.cpu.toFixed(0)} per CPU-second (${speed.wall.toFixed(0)} per wall-clock second on a shared machine); median of 7 one-second rounds`,
  ]);
}
if (existsSync(seedPath))
  rows.push(["seed article: the issue's expected entities and quote speakers", await seedCheck()]);
rows.push(['model file size', `${(statSync(modelPath).size / 1024 / 1024).toFixed(2)} MB`]);
const imports = await coldImport();
rows.push([
  'cold import of the bundled tag handler (median of 5 fresh processes), wall clock / CPU',
  `${median(imports.wall).toFixed(0)} ms / ${median(imports.cpu).toFixed(0)} ms (wall ${imports.wall.map((t) => t.toFixed(0)).join(', ')})`,
]);

console.log('| measure | result |\n| --- | --- |');
for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);

if (devScores) {
  const types = ['PERSON', 'ORGANIZATION', 'LOCATION', 'MISC', 'none'];
  console.log(
    '\nBBC dev set, gold type (rows) against predicted type (columns), same offsets; "none": no such span',
  );
  console.log(`| gold \\ predicted | ${types.join(' | ')} |\n| --- |${' --- |'.repeat(types.length)}`);
  for (const g of types)
    console.log(`| ${g} | ${types.map((p) => devScores.confusion[g]![p]).join(' | ')} |`);
}

if (existsSync(bbcDir)) {
  const articles = readBbc(bbcDir);
  const tagger = createTagger();
  const names = new Map<string, string[]>();
  for (const a of articles) {
    const nl = a.text.indexOf('\n');
    const result = await tagger.tag({
      ...seedArticle(),
      id: a.file,
      title: a.text.slice(0, nl).trim(),
      images: [],
      source: undefined,
      body: a.text.slice(nl).trim(),
    });
    names.set(
      a.file,
      result.entities.map((e) => e.name),
    );
  }
  const c = countBbc(articles, spansOf, (a) => names.get(a.file)!);
  const per = (n: number) => `${n} (${((n * 2225) / c.articles).toFixed(0)} per 2,225 articles)`;
  console.log(`\nAll ${c.articles} BBC articles (${c.spans} names found), the issue's counts`);
  console.log('| count | result | examples |\n| --- | --- | --- |');
  const ex = (k: keyof typeof c.examples) => c.examples[k].slice(0, 3).join('; ');
  console.log(`| articles with "Tuvalu" from "TV" (full tag) | ${per(c.tuvalu)} | ${ex('tuvalu')} |`);
  console.log(
    `| names starting with a sentence-initial word (And, But, Before...) | ${per(c.sentenceWordStart)} | ${ex('sentenceWordStart')} |`,
  );
  console.log(
    `| names ending in a full stop (not an abbreviation) | ${per(c.fullStopEnd)} | ${ex('fullStopEnd')} |`,
  );
  console.log(`| names of 6+ words | ${per(c.sixWords)} | ${ex('sixWords')} |`);
}
