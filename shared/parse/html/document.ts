import { parseHTML } from 'linkedom';
import { findComments, findElements, withoutRanges } from './cut-elements';

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

const jsonLdType = /\btype\s*=\s*["']?application\/ld\+json/i;

/** Elements whose whole content is dropped before parsing: never article text, often much of the DOM. */
// biome-ignore format: a word list
const droppedElements = ['script', 'style', 'svg', 'noscript', 'template', 'nav', 'select', 'button', 'iframe'];
/** Empty elements that only multiply DOM nodes (`[^<>]`: a stray `<` ends the search, keeping it linear). */
const droppedTags = /<(?:source|input|track|wbr)(?=[\s>/])[^<>]*>/gi;

/**
 * Scripts, styles, SVG, menus, form controls and comments carry no article text but dominate the DOM;
 * dropping them before parsing makes linkedom and Readability several times faster. JSON-LD is read
 * first, since it lives in scripts.
 */
export function prepareHtml(html: string): PreparedHtml {
  const jsonLd = findElements(html, ['script'])
    .filter((e) => jsonLdType.test(html.slice(e.start, e.contentStart)))
    .map((e) => html.slice(e.contentStart, e.contentEnd));
  const withoutElements = withoutRanges(html, findElements(html, droppedElements));
  const lean = withoutRanges(withoutElements, findComments(withoutElements)).replace(droppedTags, '');
  // linkedom needs a root element (it throws on text such as "<"); fragments get the page around them.
  const page = /<html[\s>]/i.test(lean)
    ? lean
    : /<(?:head|body)[\s>]/i.test(lean)
      ? `<html>${lean}</html>`
      : `<!DOCTYPE html><html><body>${lean}</body></html>`;
  return { document: parsePage(page), jsonLd, reparse: () => parsePage(page) };
}

/**
 * linkedom makes a text node of every stray `<` and every entity: "&lt;" 200,000 times is 200,000
 * sibling nodes, over which Readability's walks are quadratic. Adjacent text nodes are merged first.
 * A page with thousands of stray `<` (a megabyte of them took 3 s to parse) has them stood in for by a
 * noncharacter while parsing, and put back in its text and attributes after.
 */
function parsePage(page: string): HtmlDocument {
  const substitute = strayLessThan(page) > maxStrayLessThan && !page.includes(standIn);
  const { document } = parseHTML(substitute ? replaceStrayLessThan(page) : page);
  document.documentElement?.normalize();
  if (substitute) restoreLessThan(document);
  return document;
}

const standIn = '\ufdd0';
const maxStrayLessThan = 1000;

/** A `<` that opens no tag, comment, doctype or processing instruction: the HTML parser reads it as text. */
function isStray(page: string, at: number): boolean {
  const next = page.charCodeAt(at + 1);
  const letter = (next >= 0x41 && next <= 0x5a) || (next >= 0x61 && next <= 0x7a);
  return !letter && next !== 0x2f && next !== 0x21 && next !== 0x3f;
}

function strayLessThan(page: string): number {
  let count = 0;
  for (let at = page.indexOf('<'); at >= 0; at = page.indexOf('<', at + 1)) if (isStray(page, at)) count++;
  return count;
}

function replaceStrayLessThan(page: string): string {
  const parts: string[] = [];
  let from = 0;
  for (let at = page.indexOf('<'); at >= 0; at = page.indexOf('<', at + 1)) {
    if (!isStray(page, at)) continue;
    parts.push(page.slice(from, at), standIn);
    from = at + 1;
  }
  parts.push(page.slice(from));
  return parts.join('');
}

/** Every text node and attribute value gets its `<` back; iterative, as the tree may be deep. */
function restoreLessThan(document: HtmlDocument): void {
  const stack: HtmlNode[] = [document as unknown as HtmlNode];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === 3 || node.nodeType === 8) {
      const text = node.textContent ?? '';
      if (text.includes(standIn)) node.textContent = text.replaceAll(standIn, '<');
      continue;
    }
    if (node.nodeType === 1)
      for (const attribute of (node as unknown as HtmlElement).attributes as Iterable<{
        name: string;
        value: string;
      }>)
        if (attribute.value.includes(standIn)) attribute.value = attribute.value.replaceAll(standIn, '<');
    for (let child = node.firstChild; child; child = child.nextSibling) stack.push(child as HtmlNode);
  }
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
