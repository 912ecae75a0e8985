import { Readability } from '@mozilla/readability';
import type { HtmlDocument, HtmlNode } from './document';

export interface ReadabilityResult {
  content: HtmlNode;
  title?: string;
  byline?: string;
  excerpt?: string;
  siteName?: string;
  lang?: string;
  publishedTime?: string;
}

/** Mozilla Readability on the linkedom document (which it mutates); undefined when it finds nothing. */
export function readabilityCandidate(document: HtmlDocument): ReadabilityResult | undefined {
  try {
    const reader = new Readability<HtmlNode>(document as never, {
      // JSON-LD was read (and its scripts dropped) before parsing.
      disableJSONLD: true,
      serializer: (node) => node as unknown as HtmlNode,
    });
    const result = reader.parse();
    if (!result?.content) return undefined;
    return {
      content: result.content,
      title: result.title ?? undefined,
      byline: result.byline ?? undefined,
      excerpt: result.excerpt ?? undefined,
      siteName: result.siteName ?? undefined,
      lang: result.lang ?? undefined,
      publishedTime: result.publishedTime ?? undefined,
    };
  } catch {
    return undefined;
  }
}
