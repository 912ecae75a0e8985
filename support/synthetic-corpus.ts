import { entityId } from '../shared/article/entity-id';
import type { Entity, EntityType, Quote, TaggedArticle } from '../shared/article/schema';

/**
 * Synthetic tagged articles with known answers: a small cast of entities, sections and sources,
 * dates spread over several months, mentions and quotes at the right offsets. Deterministic per seed.
 */

interface CastMember {
  type: EntityType;
  name: string;
  aliases: string[];
}

export const cast: readonly CastMember[] = [
  { type: 'PERSON', name: 'Volodymyr Zelenskyy', aliases: ['Zelensky'] },
  { type: 'PERSON', name: 'Ursula von der Leyen', aliases: [] },
  { type: 'PERSON', name: 'Recep Tayyip Erdoğan', aliases: ['Erdogan'] },
  { type: 'PERSON', name: 'Kaja Kallas', aliases: [] },
  { type: 'PERSON', name: 'Emmanuel Macron', aliases: [] },
  { type: 'PERSON', name: 'Olaf Scholz', aliases: [] },
  { type: 'PERSON', name: 'Keir Starmer', aliases: [] },
  { type: 'PERSON', name: 'Giorgia Meloni', aliases: [] },
  { type: 'PERSON', name: 'Mark Rutte', aliases: [] },
  { type: 'PERSON', name: 'Antonio Guterres', aliases: [] },
  { type: 'PERSON', name: 'Zeynep Kaya', aliases: [] },
  { type: 'PERSON', name: 'Zelda Hart', aliases: [] },
  { type: 'ORGANIZATION', name: 'NATO', aliases: ['North Atlantic Treaty Organization'] },
  { type: 'ORGANIZATION', name: 'European Union', aliases: ['EU'] },
  { type: 'ORGANIZATION', name: 'United Nations', aliases: ['UN'] },
  { type: 'ORGANIZATION', name: 'World Bank', aliases: [] },
  { type: 'ORGANIZATION', name: 'Zenith Motors', aliases: [] },
  { type: 'ORGANIZATION', name: 'Red Cross', aliases: [] },
  { type: 'LOCATION', name: 'Kyiv', aliases: ['Kiev'] },
  { type: 'LOCATION', name: 'Brussels', aliases: [] },
  { type: 'LOCATION', name: 'Ankara', aliases: [] },
  { type: 'LOCATION', name: 'Berlin', aliases: [] },
  { type: 'LOCATION', name: 'Zagreb', aliases: [] },
  { type: 'LOCATION', name: 'Geneva', aliases: [] },
  { type: 'MISC', name: 'Eurovision', aliases: [] },
];

export const sections = ['World', 'Business', 'Politics', 'Sport'] as const;
export const sources = ['Reuters', 'Al Jazeera', 'Associated Press'] as const;

export function castId(member: CastMember): string {
  return entityId(member.type, member.name);
}

/** mulberry32: a tiny seeded generator, so a corpus is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface CorpusOptions {
  count: number;
  seed?: number;
  /** Publication dates fall in [start, start + days). */
  start?: string;
  days?: number;
  /** Every nth article has no publication time (placed at its upload time). */
  undatedEvery?: number;
  /** Paragraphs of filler per article, to make bodies of realistic size. */
  fillerParagraphs?: number;
}

export function syntheticCorpus(options: CorpusOptions): TaggedArticle[] {
  const random = seededRandom(options.seed ?? 42);
  const start = new Date(options.start ?? '2025-01-01T00:00:00Z').getTime();
  const days = options.days ?? 240;
  const articles: TaggedArticle[] = [];
  for (let n = 0; n < options.count; n++) {
    const published = new Date(start + Math.floor(random() * days * 86_400_000));
    const undated = options.undatedEvery ? n % options.undatedEvery === options.undatedEvery - 1 : false;
    const picked = pick(random, cast, 2 + Math.floor(random() * 5));
    articles.push(
      syntheticArticle({
        id: `art${String(n).padStart(5, '0')}`,
        revision: revisionAt(new Date(published.getTime() + 3_600_000), n),
        publishedAt: undated ? undefined : published.toISOString(),
        section: sections[Math.floor(random() * sections.length)],
        source: sources[Math.floor(random() * sources.length)],
        members: picked,
        quoteBy: picked.find((m) => m.type === 'PERSON'),
        fillerParagraphs: options.fillerParagraphs ?? 2,
      }),
    );
  }
  return articles;
}

export function revisionAt(at: Date, sequence: number): string {
  return `${at.toISOString()}#${sequence.toString(16).toUpperCase().padStart(32, '0')}`;
}

export interface ArticleSpec {
  id: string;
  revision: string;
  publishedAt?: string;
  section?: string;
  source?: string;
  members: readonly CastMember[];
  quoteBy?: CastMember;
  fillerParagraphs?: number;
  title?: string;
}

/** One tagged article whose entities are exactly `members`, each mentioned once at a true offset. */
export function syntheticArticle(spec: ArticleSpec): TaggedArticle {
  let body = '';
  const entities: Entity[] = [];
  const quotes: Quote[] = [];
  spec.members.forEach((member, i) => {
    const sentence = `On the record, ${member.name} spoke to reporters about the talks.`;
    const start = body.length + sentence.indexOf(member.name);
    body += `${sentence} `;
    entities.push({
      id: castId(member),
      type: member.type,
      name: member.name,
      aliases: member.aliases,
      salience: Math.round((1 - i / (spec.members.length + 1)) * 100) / 100,
      mentions: [{ text: member.name, start, end: start + member.name.length }],
    });
  });
  if (spec.quoteBy) {
    const said = '"We will keep working until there is an agreement," ';
    const start = body.length;
    body += `${said}${spec.quoteBy.name} said.`;
    quotes.push({
      text: said.trim(),
      start,
      end: start + said.trim().length,
      speaker: spec.quoteBy.name,
      speakerId: castId(spec.quoteBy),
    });
  }
  for (let p = 0; p < (spec.fillerParagraphs ?? 0); p++) {
    body += `\n\n${'Officials described the discussions as constructive and said further meetings were planned. '.repeat(4).trim()}`;
  }
  return {
    schemaVersion: 1,
    id: spec.id,
    origin: {
      key: `raw/${spec.id}.txt`,
      contentHash: `hash-${spec.id}-${spec.revision}`,
      bytes: body.length,
      revision: spec.revision,
    },
    format: 'text',
    encoding: 'utf-8',
    title: spec.title ?? `Talks continue: ${spec.members.map((m) => m.name).join(', ')}`,
    section: spec.section,
    authors: ['Staff Reporter'],
    publishedAt: spec.publishedAt,
    source: spec.source,
    headings: [],
    images: [],
    body,
    parser: { version: 'synthetic-1' },
    entities,
    dates: [],
    quotes,
    tagger: { name: 'synthetic', version: '1' },
  };
}

function pick<T>(random: () => number, from: readonly T[], count: number): T[] {
  const pool = [...from];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length)
    chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  return chosen;
}
