import type { ParsedArticle } from '../../article/schema';
import type { OutsideMention } from './mentions';

// Unicode-property patterns are module constants: esbuild (tsx, and the bundle at target node20) turns a
// \p{...} literal into `new RegExp(...)`, which would then be rebuilt on every call.
const UPPER = /\p{Lu}/u;

/**
 * Names found outside the body: in the title and captions by the tagger's own recognizer (`find`), the
 * source and picture credits as given.
 */
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
