import type { ParsedArticle } from '../article/schema';
import { loadModel } from './load-model';
import { recognize } from './ner/recognize';
import { loadDates, resolveArticle } from './resolve/article';
import { outsideMentions } from './resolve/outside';
import type { Tagger, TagResult } from './tagger';

/** Bumped with every retrained model or resolution change, so that stored articles can be re-tagged. */
export const BUILTIN_TAGGER_VERSION = '1.3.8';

/** The trained news NER model, with resolution, quotes and dates. */
export function createBuiltinTagger(): Tagger {
  return {
    name: 'builtin',
    version: BUILTIN_TAGGER_VERSION,
    async tag(article: ParsedArticle): Promise<TagResult> {
      const model = loadModel();
      const { spans } = recognize(model, article.body);
      const outside = outsideMentions(article, (text) =>
        recognize(model, text).spans.map((s) => ({
          type: s.type,
          text: text.slice(s.start, s.end),
          where: 'title',
        })),
      );
      const { findDates } = await loadDates();
      return resolveArticle(article, spans, outside, (anchor) => findDates(article.body, anchor));
    },
  };
}
