import type { ParsedArticle } from '../article/schema';
import { loadModel } from './load-model';
import { recognize } from './ner/recognize';
import { attributeQuotes, findQuotes } from './quotes';
import { type OutsideMention, resolveEntities } from './resolve/resolve';
import type { Tagger, TagResult } from './tagger';

// Unicode-property patterns are module constants: esbuild (tsx, and the bundle at target node20) turns a
// \p{...} literal into `new RegExp(...)`, which would then be rebuilt on every call.
const UPPER = /\p{Lu}/u;

/**
 * chrono-node is the largest module the tag function bundles; loading it on the first article rather
 * than at import keeps it out of the cold start.
 */
let dates: Promise<typeof import('./dates')> | undefined;
export const loadDates = () => {
  dates ??= import('./dates');
  return dates;
};

/** Bumped with every retrained model or resolution change, so that stored articles can be re-tagged. */
export const BUILTIN_TAGGER_VERSION = '1.0.0';

/** Names found outside the body: the title and captions by the model, the source and credits as given. */
export function outsideMentions(
  article: ParsedArticle,
  find: (text: string) => OutsideMention[],
): OutsideMention[] {
  const out: OutsideMention[] = [];
  for (const m of find(article.title)) out.push({ ...m, where: 'title' });
  for (const image of article.images) {
    for (const m of find(image.caption)) out.push({ ...m, where: 'caption' });
    // "AFP", "Reuters/Getty Images": agencies credited for a picture are organisations.
    for (const credit of (image.credit ?? '').split(/\s*[/,;|]\s*/)) {
      if (UPPER.test(credit)) out.push({ type: 'ORGANIZATION', text: credit.trim(), where: 'credit' });
    }
  }
  if (article.source?.trim())
    out.push({ type: 'ORGANIZATION', text: article.source.trim(), where: 'source' });
  return out;
}

/** The trained news NER model, with resolution, quotes and dates. */
export function createBuiltinTagger(): Tagger {
  return {
    name: 'builtin',
    version: BUILTIN_TAGGER_VERSION,
    async tag(article: ParsedArticle): Promise<TagResult> {
      const model = loadModel();
      const body = article.body;
      const { spans } = recognize(model, body);
      const outside = outsideMentions(article, (text) =>
        recognize(model, text).spans.map((s) => ({
          type: s.type,
          text: text.slice(s.start, s.end),
          where: 'title',
        })),
      );
      const entities = resolveEntities(body, spans, outside, model.meta.lexicon, article.title);
      const quotes = attributeQuotes(body, findQuotes(body), entities);
      const { findDates } = await loadDates();
      const dates = findDates(body, article.publishedAt);
      return { entities, dates, quotes };
    },
  };
}
