import { type TextBlock, textBlocks } from './blocks';
import { cleanBlocks } from './clean-blocks';
import { elementDepth, type HtmlDocument } from './document';
import { agreeWithJsonLd, jsonLdParagraphs } from './json-ld-agreement';
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

const maxReadableDepth = 120;

function flatText(document: HtmlDocument): ExtractedBody | undefined {
  const text: string = document.body.textContent ?? '';
  const blocks: TextBlock[] = text
    .split(/\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .map((text) => ({ kind: 'paragraph', text, linkDensity: 0 }));
  return blocks.length > 0 ? { blocks } : undefined;
}

const maxMarkupCharacters = 5000;

function markupCharacters(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3c || c === 0x3e || c === 0x26 || c === 0xa0) count++;
  }
  return count;
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
  // Readability's time grows steeply with nesting depth (minutes at a few thousand levels); real pages
  // stay under about 50. Deeper markup is read as plain lines of text.
  if (elementDepth(document.body, maxReadableDepth) > maxReadableDepth) return flatText(document);
  // Readability copies subtrees through innerHTML, where linkedom escapes every `<`, `>`, `&` and NBSP of
  // the text and then makes one text node of each entity: 100,000 of them took seconds per pass. Text
  // that full of them is no page layout to analyse; it is read as plain lines too.
  if (markupCharacters(document.body.textContent ?? '') > maxMarkupCharacters) return flatText(document);
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

  if (ldBody && ldBody.length >= minimumBody) return { blocks: jsonLdParagraphs(ldBody) };

  const dense = textBlocks(reparse().body).filter(
    (b) => b.kind !== 'caption' && b.linkDensity < 0.3 && b.text.split(/\s+/).length >= 12,
  );
  const best = [strippedBlocks, wholeBlocks, dense].reduce((a, b) => (textLength(b) > textLength(a) ? b : a));
  const source = best === strippedBlocks ? stripped : best === wholeBlocks ? whole : undefined;
  return best.length > 0 ? { ...source, blocks: best } : undefined;
}
