import { type TextBlock, textBlocks } from './blocks';
import { cleanBlocks } from './clean-blocks';
import type { HtmlDocument } from './document';
import { agreeWithJsonLd } from './json-ld-agreement';
import type { HtmlMetadata } from './metadata';
import { readabilityCandidate } from './readability-candidate';
import { stripBoilerplate } from './strip-boilerplate';

export interface ExtractedBody {
  blocks: TextBlock[];
  title?: string;
  byline?: string;
  siteName?: string;
  lang?: string;
  publishedTime?: string;
}

/** Below this many characters an extraction is taken as failed and the next extractor is tried. */
const minimumBody = 250;

const textLength = (blocks: readonly TextBlock[]) =>
  blocks.reduce((n, b) => n + (b.kind === 'caption' ? 0 : b.text.length), 0);

/**
 * The article body, from the first extractor that finds one: Readability on the page without its
 * furniture; Readability on the whole page (furniture stripping can take too much on odd layouts);
 * the JSON-LD articleBody; the page's long, link-poor paragraphs.
 */
export function chooseBody(
  document: HtmlDocument,
  meta: HtmlMetadata,
  reparse: () => HtmlDocument,
): ExtractedBody | undefined {
  stripBoilerplate(document);
  const stripped = readabilityCandidate(document);
  const ldBody = meta.jsonLd?.articleBody?.trim();
  const strippedBlocks = stripped
    ? agreeWithJsonLd(cleanBlocks(textBlocks(stripped.content), meta), ldBody)
    : [];
  if (stripped && textLength(strippedBlocks) >= minimumBody) return { ...stripped, blocks: strippedBlocks };

  const whole = readabilityCandidate(reparse());
  const wholeBlocks = whole ? agreeWithJsonLd(cleanBlocks(textBlocks(whole.content), meta), ldBody) : [];
  if (whole && textLength(wholeBlocks) >= minimumBody) return { ...whole, blocks: wholeBlocks };

  if (ldBody && ldBody.length >= minimumBody)
    return {
      blocks: ldBody
        .replace(/<\/(?:p|div|h[1-6]|li)>|<br\s*\/?>/gi, '\n')
        .replace(/<[^>]+>/g, '')
        .split(/\n+/)
        .map((text) => ({ kind: 'paragraph', text: text.trim(), linkDensity: 0 })),
    };

  const dense = textBlocks(reparse().body).filter(
    (b) => b.kind !== 'caption' && b.linkDensity < 0.3 && b.text.split(/\s+/).length >= 12,
  );
  const best = [strippedBlocks, wholeBlocks, dense].reduce((a, b) => (textLength(b) > textLength(a) ? b : a));
  const source = best === strippedBlocks ? stripped : best === wholeBlocks ? whole : undefined;
  return best.length > 0 ? { ...source, blocks: best } : undefined;
}
