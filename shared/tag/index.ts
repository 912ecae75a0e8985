import { entityId } from '../article/entity-id';
import type { Entity, ParsedArticle } from '../article/schema';
import type { EntitySpan, TagResult, Tagger } from './tagger';

export type { EntitySpan, TagResult, Tagger } from './tagger';

/** First version (the tagger issue replaces it): runs of capitalised words, typed as PERSON. */
export function findEntities(text: string): EntitySpan[] {
  const spans: EntitySpan[] = [];
  for (const m of text.matchAll(/\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+)*/gu)) {
    spans.push({ type: 'PERSON', text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

export function createTagger(): Tagger {
  return {
    name: 'builtin',
    version: '0.0.1',
    async tag(article: ParsedArticle): Promise<TagResult> {
      const byId = new Map<string, Entity>();
      for (const span of findEntities(article.body)) {
        if (span.type === 'DATE') continue;
        const id = entityId(span.type, span.text);
        const entity = byId.get(id) ?? {
          id,
          type: span.type,
          name: span.text,
          aliases: [],
          salience: 0,
          mentions: [],
        };
        entity.mentions.push({ text: span.text, start: span.start, end: span.end });
        byId.set(id, entity);
      }
      return { entities: [...byId.values()], dates: [], quotes: [] };
    },
  };
}
