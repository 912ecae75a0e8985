import { entityId } from '../../../shared/article/entity-id';
import type { Entity, Quote, TaggedArticle } from '../../../shared/article/schema';
import type { ArchiveReader } from '../../../shared/store/archive-reader';
import { keys } from '../../../shared/store/items';
import type { TestTable } from '../../../support/dynalite-table';
import { revisionAt } from '../../../support/synthetic-corpus';

/** A person, organisation or place as one article names it (the tagger contract of issue 10). */
export interface Named {
  type?: Entity['type'];
  name: string;
  gender?: 'female' | 'male';
  /** Named by surname only, e.g. "Mr Blair": name "Blair", partialName. */
  partial?: boolean;
  role?: string;
}

/**
 * One tagged article naming `people`, each once at a true offset, with a quote said by the first;
 * dated `day` of June 2025 unless `undated`.
 */
export function namedArticle(
  id: string,
  day: number,
  people: readonly Named[],
  options: { undated?: boolean; revisionDay?: number } = {},
): TaggedArticle {
  let body = '';
  const entities: Entity[] = [];
  people.forEach((p, i) => {
    const written = p.role ? `${p.role} ${p.name}` : p.name;
    const sentence = `Today ${written} spoke about the budget.`;
    const start = body.length + sentence.indexOf(p.name);
    body += `${sentence} `;
    const type = p.type ?? 'PERSON';
    entities.push({
      id: entityId(type, p.name),
      type,
      name: p.name,
      aliases: [],
      salience: Math.round((1 - i / (people.length + 1)) * 100) / 100,
      mentions: [{ text: p.name, start, end: start + p.name.length, ...(p.role ? { role: p.role } : {}) }],
      ...(p.gender ? { gender: p.gender } : {}),
      ...(p.partial ? { partialName: true as const } : {}),
      ...(p.role ? { role: p.role } : {}),
    });
  });
  const quotes: Quote[] = [];
  const speaker = entities[0]!;
  const said = '"We will balance the books," ';
  quotes.push({
    text: said.trim(),
    start: body.length,
    end: body.length + said.trim().length,
    speaker: speaker.name,
    speakerId: speaker.id,
  });
  body += `${said}${speaker.name} said.`;
  const revision = revisionAt(new Date(Date.UTC(2025, 5, options.revisionDay ?? day, 18)), day);
  return {
    schemaVersion: 1,
    id,
    origin: { key: `raw/${id}.txt`, contentHash: `hash-${id}-${revision}`, bytes: body.length, revision },
    format: 'text',
    encoding: 'utf-8',
    title: `${id}: ${people.map((p) => p.name).join(', ')}`,
    section: 'Politics',
    authors: [],
    publishedAt: options.undated ? undefined : new Date(Date.UTC(2025, 5, day, 9)).toISOString(),
    source: 'BBC',
    headings: [],
    images: [],
    body,
    parser: { version: 'test' },
    entities,
    dates: [],
    quotes,
    tagger: { name: 'test', version: '1' },
  };
}

export const tony: Named = { name: 'Tony Blair', gender: 'male' };
export const cherie: Named = { name: 'Cherie Blair', gender: 'female' };
export const euan: Named = { name: 'Euan Blair', gender: 'male' };
export const mrBlair: Named = { name: 'Blair', gender: 'male', partial: true, role: 'Mr' };
export const mrsBlair: Named = { name: 'Blair', gender: 'female', partial: true, role: 'Mrs' };
export const labour: Named = { type: 'ORGANIZATION', name: 'Labour Party' };
export const london: Named = { type: 'LOCATION', name: 'London' };
export const chelsea: Named = { type: 'ORGANIZATION', name: 'Chelsea' };
export const commons: Named = { type: 'ORGANIZATION', name: 'House of Commons' };
export const oxford: Named = { type: 'ORGANIZATION', name: 'Oxford University' };
export const gordon: Named = { name: 'Gordon Brown', gender: 'male' };

export const idOf = (n: Named) => entityId(n.type ?? 'PERSON', n.name);

/**
 * What a reader can see of some entities: counts, timelines, quotes, trend counters. Two stores of
 * the same articles in different orders must give equal snapshots.
 */
export async function snapshot(t: TestTable, reader: ArchiveReader, ids: readonly string[]) {
  const out: Record<string, unknown> = {};
  for (const id of ids) {
    const entity = await reader.entity(id);
    const articles = await reader.entityArticles(id, { limit: 100 });
    const quotes = await reader.quotesBy(id, { limit: 100 });
    const trend = await t.db.send(
      new (await import('@aws-sdk/lib-dynamodb')).GetCommand({
        TableName: t.table,
        Key: keys.trendMonth('2025-06-01', 'PERSON', id),
        ConsistentRead: true,
      }),
    );
    // A summary left with no article (its articles all went elsewhere) is as good as none.
    const visible = entity && ('mergedInto' in entity || entity.articleCount > 0) ? entity : undefined;
    out[id] = {
      entity:
        visible &&
        ('mergedInto' in visible ? visible : { ...visible, firstSeen: undefined, lastSeen: undefined }),
      articles: articles.items.map((i) => i.articleId).sort(),
      quotes: quotes.items.map((i) => `${i.articleId}:${i.speakerId}`).sort(),
      juneTrend: Number(trend.Item?.articles ?? 0),
    };
  }
  return out;
}
