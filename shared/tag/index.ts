import { createBuiltinTagger } from './builtin-tagger';
import { findDateSpans } from './dates';
import { loadModel } from './load-model';
import { recognize } from './ner/recognize';
import type { EntitySpan, Tagger } from './tagger';

export type { EntitySpan, Tagger, TagResult } from './tagger';

/**
 * The `articles entities` contract: entity and date spans in exactly the given text, by the trained model
 * (dates by chrono), in text order. No resolution: every span as found.
 */
export function findEntities(text: string): EntitySpan[] {
  const spans: EntitySpan[] = recognize(loadModel(), text).spans.map((s) => ({
    type: s.type,
    text: text.slice(s.start, s.end),
    start: s.start,
    end: s.end,
  }));
  for (const d of findDateSpans(text)) spans.push({ type: 'DATE', text: d.text, start: d.start, end: d.end });
  return spans.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The built-in tagger: the trained model, resolution within the article, quotes and dates. */
export function createTagger(): Tagger {
  return createBuiltinTagger();
}
