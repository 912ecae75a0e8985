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

/** Elements whose whole content is dropped before parsing: never article text, often much of the DOM. */
const droppedElements =
  /<(script|style|svg|noscript|template|nav|select|button|iframe)(?=[\s>/])[\s\S]*?<\/\1\s*>/gi;
/** Empty elements that only multiply DOM nodes. */
const droppedTags = /<(?:source|input|track|wbr)(?=[\s>/])[^>]*>/gi;

/**
 * Scripts, styles, SVG, menus, form controls and comments carry no article text but dominate the DOM;
 * dropping them before parsing makes linkedom and Readability several times faster. JSON-LD is read
 * first, since it lives in scripts.
 */
export function prepareHtml(html: string): PreparedHtml {
  const jsonLd = [...html.matchAll(jsonLdScript)].map((m) => m[1] ?? '');
  const lean = html
    .replace(droppedElements, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(droppedTags, '');
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
