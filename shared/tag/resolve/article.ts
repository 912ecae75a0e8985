import type { DateMention, ParsedArticle } from '../../article/schema';
import { type DateAnchor, dateAnchor } from '../date-anchor';
import { attributeQuotes, findQuotes } from '../quotes';
import type { TagResult } from '../tagger';
import { resolutionLexicon } from './lexicon';
import type { FoundMention, OutsideMention } from './mentions';
import { resolveEntities } from './resolve';

/**
 * chrono-node is the largest module the tag function bundles; loading it on the first article rather
 * than at import keeps it out of the cold start.
 */
let dates: Promise<typeof import('../dates')> | undefined;
export const loadDates = () => {
  dates ??= import('../dates');
  return dates;
};

/**
 * What every tagger does after recognition: one entity per real thing, quotes with their speakers, and
 * dates resolved against the article's anchor. `findDates` reads the dates (the built-in tagger reads the
 * body, Comprehend normalises its own DATE spans).
 */
export function resolveArticle(
  article: ParsedArticle,
  found: FoundMention[],
  outside: OutsideMention[],
  findDates: (anchor: DateAnchor | undefined) => DateMention[],
): TagResult {
  const body = article.body;
  const entities = resolveEntities(body, found, outside, resolutionLexicon(), article.title);
  const quotes = attributeQuotes(body, findQuotes(body), entities);
  return { entities, dates: findDates(dateAnchor(article)), quotes };
}
