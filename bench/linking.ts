/**
 * Archive linking benchmark: every story in ../shared/data/bbc-news goes through parse, tag and the
 * store's writer into an in-process dynalite, in a seeded random order; then every person the archive
 * was asked to link by surname ("Mr Blair" in a story that never says "Tony Blair") is listed with the
 * decision and its reason. Against the hand labels in bench/data/linking-dev.tsv (file, surname as
 * written, the full name the story means when the archive names that person in full, or "-") it
 * reports links right and wrong, and how many of the linkable ones reached their person. Two orders
 * give the same decisions when linking does not depend on arrival order.
 *
 *   npm run bench:linking                       order seed 1, the labelled figures
 *   npm run bench:linking -- --seed 2 --dump F  another order; every decision as JSON lines to F
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { TaggedArticle } from '../shared/article/schema';
import { TaggedArticleSchema } from '../shared/article/schema';
import { parseArticle } from '../shared/parse/index';
import { buildParsedArticle } from '../shared/parse/parsed-article';
import { ArticleWriter } from '../shared/store/article-writer';
import { EntityResolver } from '../shared/store/entity-resolver';
import { keys, surnameOf } from '../shared/store/items';
import { mapLimit } from '../shared/store/map-limit';
import { createTagger } from '../shared/tag/index';
import { foldName } from '../shared/tag/resolve/names';
import { startTestTable } from '../support/dynalite-table';

const { values: args } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    dump: { type: 'string' },
    show: { type: 'boolean', default: false },
  },
});
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataRoot = join(repoRoot, '..', 'shared', 'data', 'bbc-news');
const labelsPath = join(repoRoot, 'bench', 'data', 'linking-dev.tsv');

export interface Decision {
  file: string;
  articleId: string;
  name: string;
  role?: string;
  status: string;
  target?: string;
  targetName?: string;
  reason?: string;
  context: string;
  /** The archive's full-name people with this surname at the end, for whoever labels the decision. */
  candidates: string[];
  /** Per candidate, the article's other entities its full-name articles also name. */
  shared: Record<string, string[]>;
}

/** A seeded shuffle (mulberry32), so an order can be named and repeated. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

async function main(): Promise<void> {
  if (!existsSync(dataRoot)) {
    console.log(`No ${dataRoot}: the linking benchmark needs the BBC sample beside the checkout.`);
    return;
  }
  const files = readdirSync(dataRoot, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join(dataRoot, d.name))
        .filter((f) => f.endsWith('.txt'))
        .map((f) => `${d.name}/${f}`),
    )
    .sort();
  const tagger = createTagger();
  const tagged = new Map<string, TaggedArticle>();
  for (const file of files) {
    const key = `raw/bbc/${file}`;
    const bytes = readFileSync(join(dataRoot, file));
    const parsed = parseArticle(bytes, { key });
    if (!parsed.ok) throw new Error(`${file}: ${parsed.error.message}`);
    const article = buildParsedArticle(parsed.article, {
      key,
      bytes,
      lastModified: new Date('2005-06-01T00:00:00Z'),
    });
    const result = await tagger.tag(article);
    tagged.set(
      file,
      TaggedArticleSchema.parse({
        ...article,
        ...result,
        tagger: { name: tagger.name, version: tagger.version },
      }),
    );
  }

  const table = await startTestTable({ table: 'articles-linking' });
  try {
    const writer = new ArticleWriter(table.db, table.table);
    const order = shuffled(files, Number(args.seed));
    // Four stores at once, as the store Lambda's concurrency lets them interleave.
    await mapLimit(order, 4, (file) => writer.write(tagged.get(file)!));
    const resolver = new EntityResolver(table.db, table.table);
    const decisions: Decision[] = [];
    for (const file of files) {
      const article = tagged.get(file)!;
      const { Item } = await table.db.send(
        new GetCommand({ TableName: table.table, Key: keys.article(article.id), ConsistentRead: true }),
      );
      const entities = (Item?.entities ?? []) as StoredEntity[];
      for (const e of entities) {
        if (e.link?.status !== 'linked' && e.link?.status !== 'separate') continue;
        const first = e.mentions[0];
        const company = new Set(entities.filter((o) => o !== e).map((o) => o.resolvedId ?? o.id));
        const candidates = await resolver.candidates(surnameOf(e.name));
        decisions.push({
          file,
          articleId: article.id,
          name: e.name,
          role: e.role,
          status: e.link.status,
          target: e.resolvedId,
          targetName: e.resolvedName,
          reason: e.link.reason,
          candidates: candidates.map((c) => c.name).sort(),
          shared: Object.fromEntries(
            candidates.map((c) => [c.name, c.coEntities.filter((id) => company.has(id)).sort()]),
          ),
          context: first
            ? article.body
                .slice(Math.max(0, first.start - 80), first.end + 40)
                .replace(/\s+/g, ' ')
                .trim()
            : '',
        });
      }
    }
    if (args.dump) writeFileSync(args.dump, decisions.map((d) => JSON.stringify(d)).join('\n'));
    report(decisions);
  } finally {
    await table.stop();
  }
}

interface StoredEntity {
  id: string;
  name: string;
  role?: string;
  resolvedId?: string;
  resolvedName?: string;
  link?: { status: string; reason: string };
  mentions: { start: number; end: number }[];
}

/** file \t surname as written \t the full name meant, or - when the archive never names the person in full \t note. */
interface Label {
  truth?: string;
  note: string;
}

function readLabels(): Map<string, Label> {
  const labels = new Map<string, Label>();
  if (!existsSync(labelsPath)) return labels;
  for (const line of readFileSync(labelsPath, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [file, name, truth, note] = line.split('\t');
    labels.set(`${file}\t${foldName(name!)}`, {
      truth: truth && truth !== '-' ? truth : undefined,
      note: note ?? '',
    });
  }
  return labels;
}

// Figures are split by how the story wrote the name: right after an honorific or title ("Mr Blair",
// "President Bush": the case) or otherwise ("Blair", "actor Leonardo"). The bench's own word
// list decides, not the tagger's role, so the split stays put while the tagger changes. A label whose
// note starts `not in dump: "<form>"` is a mention the tagger never asked to link: counted as missed.
const GROUPS = ['honorific/title', 'bare surname'] as const;
type Group = (typeof GROUPS)[number];
const NOT_IN_DUMP = /^not in dump: "([^"]+)"/;
const TITLE_LAST =
  /(?:^|\s)(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Rev|Sir|Dame|Lady|Lord|Baroness|President|Minister|Secretary|Chancellor|Premier|Governor|Senator|Mayor|King|Queen|Prince|Princess|Pope|Ambassador|Commissioner|Judge|Captain|General|Chairman)\.?$/i;
const groupOf = (before: string | undefined): Group =>
  before && TITLE_LAST.test(before.trim()) ? 'honorific/title' : 'bare surname';

interface Tally {
  right: number;
  wrong: number;
  linkable: number;
  reached: number;
  /** Linkable where the story never writes the full name (no "in this story" in the note): the case. */
  elsewhere: number;
  elsewhereReached: number;
}
const IN_THIS_STORY = /\bin this story\b/;
const zero = (): Tally => ({
  right: 0,
  wrong: 0,
  linkable: 0,
  reached: 0,
  elsewhere: 0,
  elsewhereReached: 0,
});

function report(decisions: readonly Decision[]): void {
  const linked = decisions.filter((d) => d.status === 'linked');
  console.log(`\n| Surname-only people asked to link | ${decisions.length} |\n|---|---|`);
  console.log(`| linked | ${linked.length} |`);
  console.log(`| left separate | ${decisions.length - linked.length} |`);
  const labels = readLabels();
  if (labels.size === 0) return;
  const tally = Object.fromEntries(GROUPS.map((g) => [g, zero()])) as Record<Group, Tally>;
  let unlabelled = 0;
  const misses: string[] = [];
  const seen = new Set<string>();
  for (const d of decisions) {
    const key = `${d.file}\t${foldName(d.name)}`;
    const label = labels.get(key);
    if (!label) {
      unlabelled++;
      continue;
    }
    seen.add(key);
    const t = tally[groupOf(d.role)];
    const { truth } = label;
    const ok = truth !== undefined && foldName(d.targetName ?? '') === foldName(truth);
    const elsewhere = truth !== undefined && !IN_THIS_STORY.test(label.note);
    if (truth !== undefined) t.linkable++;
    if (elsewhere) t.elsewhere++;
    if (elsewhere && ok && d.status === 'linked') t.elsewhereReached++;
    if (d.status === 'linked') {
      if (ok) t.right++;
      else {
        t.wrong++;
        misses.push(`WRONG\t${d.file}\t${d.name} -> ${d.targetName} (truth ${truth ?? 'none'})\t${d.reason}`);
      }
    }
    if (ok && d.status === 'linked') t.reached++;
    else if (truth !== undefined)
      misses.push(`MISSED\t${d.file}\t${d.name} (truth ${truth})\t${d.status}: ${d.reason}`);
  }
  const gone: string[] = [];
  for (const [key, { truth, note }] of labels) {
    if (seen.has(key)) continue;
    const form = NOT_IN_DUMP.exec(note)?.[1];
    if (form === undefined || truth === undefined) {
      gone.push(`NOT ASKED\t${key} (truth ${truth ?? 'none'})`); // the tagger now writes it otherwise
      continue;
    }
    const t = tally[groupOf(form.trim().split(/\s+/).slice(0, -1).join(' '))];
    t.linkable++;
    if (!IN_THIS_STORY.test(note)) t.elsewhere++;
    misses.push(`MISSED\t${key} (truth ${truth})\tnot asked to link: ${note}`);
  }
  const all = zero();
  for (const g of GROUPS) for (const f of Object.keys(all) as (keyof Tally)[]) all[f] += tally[g][f];
  const columns = [all, ...GROUPS.map((g) => tally[g])];
  const row = (label: string, f: (t: Tally) => string | number) =>
    console.log(`| ${label} | ${columns.map(f).join(' | ')} |`);
  console.log(`\n| Against ${labels.size} hand labels | all | ${GROUPS.join(' | ')} |\n|---|---|---|---|`);
  row('links made to a labelled person', (t) => t.right + t.wrong);
  row('right', (t) => t.right);
  row('wrong (two real people merged)', (t) => t.wrong);
  row('linkable (the archive names the person in full)', (t) => t.linkable);
  const pct = (n: number, of: number) => `${n} (${((100 * n) / Math.max(1, of)).toFixed(1)}%)`;
  row('reached their full-name entity', (t) => pct(t.reached, t.linkable));
  row('linkable, full name only in other stories', (t) => t.elsewhere);
  row('of those, reached', (t) => pct(t.elsewhereReached, t.elsewhere));
  console.log(`\n| decisions without a label | ${unlabelled} |\n|---|---|`);
  console.log(`| labels the tagger no longer asks about | ${gone.length} |`);
  if (args.show) for (const m of [...misses, ...gone]) console.log(m);
}

await main();
