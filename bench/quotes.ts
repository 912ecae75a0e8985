/**
 * Quote attribution benchmark: the tagger's quotes and speakers against quotes annotated by hand in
 * bench/data/quotes-*.tsv (offsets into the parsed body of stories in ../shared/data/bbc-news, and of the
 * article-extraction pages for quotes-web.tsv; no
 * article text in the repo). Then, over every story there, what resolution within an article leaves
 * wrong: honorific people apart from their full name, names with a honorific or junk in them, and
 * relative dates resolved near the epoch. Prints markdown tables; `--show` also lists every miss.
 *
 *   npm run bench:quotes
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { Entity, Quote } from '../shared/article/schema';
import { parseArticle } from '../shared/parse/index';
import { buildParsedArticle } from '../shared/parse/parsed-article';
import { createTagger } from '../shared/tag/index';
import { foldName } from '../shared/tag/resolve/names';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataRoot = join(repoRoot, '..', 'shared', 'data', 'bbc-news');
/** Pages of other outlets: rows of quotes-web.tsv name them `web/<id>`. */
const webRoot = join(repoRoot, '..', 'shared', 'data', 'article-extraction', 'html');
/** Each set's label says how blind it was; README keeps every set's first run. */
const goldSets = (
  [
    ['dev set (the rules were tuned on it)', 'quotes-dev.tsv'],
    ['held-out set (annotated after the rules were written)', 'quotes-heldout.tsv'],
    ['blind set (annotated before the tagger ran on its stories)', 'quotes-blind.tsv'],
    ['second blind set (annotated after the fixes the blind set led to)', 'quotes-blind2.tsv'],
    ["third blind set (annotated after all of this round's fixes)", 'quotes-blind3.tsv'],
    ['fourth blind set (annotated by an engineer who never read the tagger)', 'quotes-blind4.tsv'],
    ['fifth blind set (annotated by an engineer who never read the tagger)', 'quotes-blind5.tsv'],
    ['sixth blind set (annotated by an engineer who never read the tagger)', 'quotes-blind6.tsv'],
    ['web set (40 pages of other outlets and years, annotated blind)', 'quotes-web.tsv'],
  ] as const
).map(([label, file]) => [label, join(repoRoot, 'bench', 'data', file)] as const);
const show = process.argv.includes('--show');

interface Gold {
  file: string;
  start: number;
  end: number;
  speaker?: string;
  kind: 'PERSON' | 'ORGANIZATION' | 'quote' | 'scare';
}

function readGold(goldPath: string): Gold[] {
  return readFileSync(goldPath, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const [file, start, end, speaker, kind] = line.split('\t');
      const gold: Gold = { file: file!, start: Number(start), end: Number(end), kind: kind as Gold['kind'] };
      if (speaker && speaker !== '-') gold.speaker = speaker;
      return gold;
    });
}

const HONORIFIC = /^(?:mr|mrs|ms|miss|dr|sir|lady|lord|dame)\.?\s+/;
/** "James Kennedy Jr." answers to James Kennedy: the suffix is no part of the surname. */
const SUFFIX = /,?\s+(?:jr|sr|ii|iii|iv)\.?$/;
const bare = (name: string) => foldName(name).replace(HONORIFIC, '').replace(SUFFIX, '');
const surname = (name: string) => bare(name).split(' ').at(-1)!;

/** The speaker is right when the entity answers to the name written: in full, or by the same surname. */
function sameSpeaker(entity: Entity, written: string): boolean {
  const names = [entity.name, ...entity.aliases].map(bare);
  return names.includes(bare(written)) || names.some((n) => surname(n) === surname(written));
}

/** The predicted quote covering at least half of the annotated one. */
function matchQuote(quotes: Quote[], g: Gold): Quote | undefined {
  let best: Quote | undefined;
  let bestOverlap = 0;
  for (const q of quotes) {
    const overlap = Math.min(q.end, g.end) - Math.max(q.start, g.start);
    if (overlap > bestOverlap) {
      best = q;
      bestOverlap = overlap;
    }
  }
  return bestOverlap * 2 >= g.end - g.start ? best : undefined;
}

function readStory(file: string) {
  const web = file.startsWith('web/');
  const bytes = web
    ? gunzipSync(readFileSync(join(webRoot, `${basename(file)}.html.gz`)))
    : readFileSync(join(dataRoot, file));
  const key = web ? `raw/${basename(file)}.html` : `raw/${basename(file)}`;
  const parsed = parseArticle(bytes, { key });
  if (!parsed.ok) throw new Error(`${file}: ${parsed.error.message}`);
  // Stories without a publication time: relative dates are anchored to this upload time.
  return buildParsedArticle(parsed.article, { key, bytes, lastModified: new Date('2005-06-01T00:00:00Z') });
}

const HONORIFIC_ROLE = /^(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lady|Lord|Dame)$/;
const JUNK = /^(?:And|But) |[,;¿]|&#/;
/**
 * "The Aviator", "The Office" and "Ms Jackson" (the song) are titles: "The" or an honorific is junk only
 * before a person, organisation or place.
 */
const JUNK_THE = /^(?:The|Mr|Mrs|Ms|Dr|Sir) /;

/** Resolution within each article of the whole corpus. */
async function resolution(tagger: ReturnType<typeof createTagger>): Promise<void> {
  const counts = {
    articles: 0,
    honorific: 0,
    apart: 0,
    junk: 0,
    honorificNotPerson: 0,
    epochDates: 0,
    dates: 0,
  };
  const examples: string[] = [];
  for (const section of ['business', 'entertainment']) {
    for (const name of readdirSync(join(dataRoot, section)).filter((f) => f.endsWith('.txt'))) {
      const file = `${section}/${name}`;
      const result = await tagger.tag(readStory(file));
      counts.articles++;
      const people = result.entities.filter((e) => e.type === 'PERSON');
      for (const e of result.entities) {
        if (JUNK.test(e.name) || (e.type !== 'MISC' && JUNK_THE.test(e.name))) {
          counts.junk++;
          examples.push(`junk\t${file}\t${e.type} ${e.name}`);
        }
        const honorific = e.mentions.some((m) => m.role && HONORIFIC_ROLE.test(m.role));
        if (honorific && e.type !== 'PERSON') counts.honorificNotPerson++;
        if (!honorific || e.type !== 'PERSON') continue;
        counts.honorific++;
        // Apart: another person of the article whose full name ends in this one ("Mr Baez Silva").
        const own = foldName(e.name);
        const full = people.find((p) => p !== e && foldName(p.name).endsWith(` ${own}`));
        if (full) {
          counts.apart++;
          examples.push(`apart\t${file}\t${e.name} / ${full.name}`);
        }
      }
      for (const d of result.dates) {
        counts.dates++;
        if (/^19(?:6[89]|7[01])/.test(d.value)) counts.epochDates++;
      }
    }
  }
  console.log(`\nResolution within an article, all ${counts.articles} stories of ../shared/data/bbc-news\n`);
  console.log('| measure | value |\n|---|---|');
  console.log(
    `| honorific people ("Mr Brown") left apart from the same article's full-name person | ${counts.apart} of ${counts.honorific} |`,
  );
  console.log(
    `| entities with a honorific, "And", "The" (but in a title) or junk in the name | ${counts.junk} |`,
  );
  console.log(`| entities named with a honorific that are not a person | ${counts.honorificNotPerson} |`);
  console.log(`| dates resolved to 1968-1971 | ${counts.epochDates} of ${counts.dates} |`);
  if (show) console.log(`\n${examples.join('\n')}`);
}

async function main(): Promise<void> {
  if (!existsSync(dataRoot)) {
    console.error(`no data at ${dataRoot}: the quote bench reads the BBC stories from ../shared/data`);
    process.exit(1);
  }
  const tagger = createTagger();
  for (const [label, path] of goldSets) await attribution(tagger, label, readGold(path));
  await resolution(tagger);
}

/** Speakers against one hand-annotated set. */
async function attribution(
  tagger: ReturnType<typeof createTagger>,
  label: string,
  gold: Gold[],
): Promise<void> {
  const counts = {
    quotes: 0,
    named: 0,
    namedRight: 0,
    right: 0,
    wrong: 0,
    none: 0,
    inside: 0,
    scare: 0,
    scareGiven: 0,
  };
  const misses: string[] = [];
  for (const file of [...new Set(gold.map((g) => g.file))]) {
    const article = readStory(file);
    const result = await tagger.tag(article);
    const byId = new Map(result.entities.map((e) => [e.id, e]));
    for (const g of gold.filter((x) => x.file === file)) {
      const q = matchQuote(result.quotes, g);
      const given = q?.speakerId ? byId.get(q.speakerId) : undefined;
      if (g.kind === 'scare') {
        counts.scare++;
        if (given) {
          counts.scareGiven++;
          misses.push(
            `scare\t${file}:${g.start}\t${given.name}\t${JSON.stringify(article.body.slice(q!.start, q!.end))}`,
          );
        }
        continue;
      }
      counts.quotes++;
      if (g.speaker) counts.named++;
      if (given?.mentions.some((m) => m.start >= g.start && m.end <= g.end)) {
        counts.inside++;
        misses.push(`inside\t${file}:${g.start}\t${given.name}`);
      }
      let outcome: 'right' | 'wrong' | 'none';
      if (!given) outcome = g.speaker ? 'none' : 'right';
      else outcome = g.speaker && sameSpeaker(given, g.speaker) ? 'right' : 'wrong';
      counts[outcome]++;
      if (outcome === 'right' && g.speaker) counts.namedRight++;
      if (outcome !== 'right')
        misses.push(
          `${outcome}\t${file}:${g.start}\twant ${g.speaker ?? '-'}\tgot ${given?.name ?? '-'}` +
            `\t${article.body.slice(Math.max(0, g.start - 90), g.start).replace(/\n/g, ' ')} «…» ${article.body.slice(g.end, g.end + 60).replace(/\n/g, ' ')}`,
        );
    }
  }
  const pct = (n: number, of: number) => `${of === 0 ? 0 : ((100 * n) / of).toFixed(1)}%`;
  const files = new Set(gold.map((g) => g.file)).size;
  console.log(
    `\nQuote attribution, ${label}: ${counts.quotes} quotes and ${counts.scare} scare quotes in ${files} stories\n`,
  );
  console.log('| measure | value |\n|---|---|');
  console.log(
    `| right speaker (right person, or none where the text names none) | ${pct(counts.right, counts.quotes)} (${counts.right}/${counts.quotes}) |`,
  );
  console.log(`| wrong speaker | ${pct(counts.wrong, counts.quotes)} (${counts.wrong}) |`);
  console.log(
    `| no speaker where the text names one | ${pct(counts.none, counts.quotes)} (${counts.none}) |`,
  );
  console.log(
    `| precision of speakers given | ${pct(counts.namedRight, counts.namedRight + counts.wrong)} |`,
  );
  console.log(
    `| recall of named speakers | ${pct(counts.namedRight, counts.named)} (${counts.namedRight}/${counts.named}) |`,
  );
  console.log(`| credited to a name inside the quote | ${counts.inside} |`);
  console.log(`| scare quotes (1-3 words) given a speaker | ${counts.scareGiven} of ${counts.scare} |`);
  if (show) console.log(`\n${misses.join('\n')}`);
}

await main();
