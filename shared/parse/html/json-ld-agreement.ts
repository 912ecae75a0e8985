import type { TextBlock } from './blocks';

const tokensOf = (text: string) => (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) as string[];

function shingles(tokens: readonly string[]): Set<string> {
  const set = new Set<string>();
  for (let i = 0; i + 3 < tokens.length; i++)
    set.add(`${tokens[i]} ${tokens[i + 1]} ${tokens[i + 2]} ${tokens[i + 3]}`);
  return set;
}

function coverage(tokens: readonly string[], reference: Set<string>): number {
  if (tokens.length < 4) return Number.NaN;
  let hit = 0;
  for (let i = 0; i + 3 < tokens.length; i++)
    if (reference.has(`${tokens[i]} ${tokens[i + 1]} ${tokens[i + 2]} ${tokens[i + 3]}`)) hit++;
  return hit / (tokens.length - 3);
}

function paragraphsOf(articleBody: string): TextBlock[] {
  return articleBody
    .replace(/<\/(?:p|div|h[1-6]|li)>|<br\s*\/?>/gi, '\n')
    .replace(/<[^<>]+>/g, '')
    .split(/\n+/)
    .map((text) => text.replace(/\s+/g, ' ').trim())
    .filter((text) => text !== '')
    .map((text) => ({ kind: 'paragraph', text, linkDensity: 0 }));
}

/** The JSON-LD articleBody as paragraphs (some sites put HTML in it). */
export { paragraphsOf as jsonLdParagraphs };

/**
 * When the page's JSON-LD articleBody and the extracted blocks tell the same story (each covers most
 * of the other), blocks the articleBody does not contain are page furniture that slipped through:
 * they go. Headings stay, since articleBody often leaves them out. When the extraction is only a small
 * part of the articleBody, the articleBody replaces it.
 */
export function agreeWithJsonLd(blocks: TextBlock[], articleBody: string | undefined): TextBlock[] {
  if (!articleBody || articleBody.length < 500) return blocks;
  const ldTokens = tokensOf(articleBody.replace(/<[^<>]+>/g, ' '));
  const ld = shingles(ldTokens);
  const text = blocks
    .filter((b) => b.kind !== 'caption')
    .map((b) => b.text)
    .join(' ');
  const extractedTokens = tokensOf(text);
  const extracted = shingles(extractedTokens);
  const extractedInLd = coverage(extractedTokens, ld);
  // The extraction is a part of a much longer articleBody: the extractor missed text, the page said it all.
  if (extractedInLd >= 0.8 && ldTokens.length > extractedTokens.length * 1.5)
    return paragraphsOf(articleBody);
  if (!(extractedInLd >= 0.7 && coverage(ldTokens, extracted) >= 0.7)) return blocks;
  return blocks.filter((b) => {
    if (b.kind === 'heading' || b.kind === 'caption') return true;
    const c = coverage(tokensOf(b.text), ld);
    return Number.isNaN(c) || c >= 0.3;
  });
}
