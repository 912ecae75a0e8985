import { parseHTML } from 'linkedom';

/** The DOM types linkedom returns; the project compiles without the DOM lib, so they are named here. */
export type HtmlDocument = ReturnType<typeof parseHTML>['document'];
export type HtmlElement = HtmlDocument['body'];
export type HtmlNode = HtmlDocument['firstChild'] & object;

export interface PreparedHtml {
  document: HtmlDocument;
  /** The text of every `<script type="application/ld+json">`, read before scripts are dropped. */
  jsonLd: string[];
  /** A fresh, unmodified copy of the document for a second extraction attempt. */
  reparse: () => HtmlDocument;
}

const jsonLdScript =
  /<script\b[^>]*\btype\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script\s*>/gi;

/**
 * Scripts, styles, SVG and comments carry no article text but dominate the DOM's size; dropping them
 * before parsing makes linkedom and Readability several times faster.
 */
export function prepareHtml(html: string): PreparedHtml {
  const jsonLd = [...html.matchAll(jsonLdScript)].map((m) => m[1] ?? '');
  const lean = html
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<style\b[\s\S]*?<\/style\s*>/gi, '')
    .replace(/<svg\b[\s\S]*?<\/svg\s*>/gi, '')
    .replace(/<noscript\b[\s\S]*?<\/noscript\s*>/gi, '')
    .replace(/<template\b[\s\S]*?<\/template\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '');
  // linkedom needs a root element (it throws on text such as "<"); fragments get the page around them.
  const page = /<html[\s>]/i.test(lean)
    ? lean
    : /<(?:head|body)[\s>]/i.test(lean)
      ? `<html>${lean}</html>`
      : `<!DOCTYPE html><html><body>${lean}</body></html>`;
  const { document } = parseHTML(page);
  return { document, jsonLd, reparse: () => parseHTML(page).document };
}

/** The element depth below `root`, counted without recursion and up to `limit` + 1. */
export function elementDepth(root: HtmlElement, limit: number): number {
  let deepest = 0;
  const stack: Array<[HtmlElement, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [el, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
    for (
      let child = el.firstElementChild as HtmlElement | null;
      child;
      child = child.nextElementSibling as HtmlElement | null
    )
      stack.push([child, depth + 1]);
  }
  return deepest;
}
