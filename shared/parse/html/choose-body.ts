import { type TextBlock, textBlocks } from './blocks';
import type { HtmlDocument } from './document';
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

/** Picks the article body among the extractors' candidates. */
export function chooseBody(document: HtmlDocument, meta: HtmlMetadata): ExtractedBody | undefined {
  stripBoilerplate(document);
  const readable = readabilityCandidate(document);
  if (readable) {
    const blocks = textBlocks(readable.content);
    if (blocks.length > 0) return { ...readable, blocks };
  }
  const ldBody = meta.jsonLd?.articleBody;
  if (ldBody && ldBody.trim() !== '')
    return { blocks: ldBody.split(/\n\s*\n|\n/).map((text) => ({ kind: 'paragraph', text })) };
  return undefined;
}
