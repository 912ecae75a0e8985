import type { HtmlNode } from './document';

export type BlockKind = 'paragraph' | 'heading' | 'item' | 'caption' | 'quote' | 'pre';

export interface TextBlock {
  kind: BlockKind;
  text: string;
  /** For captions: the credit element's text when the page marks it up separately. */
  credit?: string;
  /** For captions: the image the caption belongs to. */
  url?: string;
  /** Share of the block's characters inside links: menus and teaser lists are mostly links. */
  linkDensity: number;
}

// biome-ignore format: a word list
const blockTags = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CENTER', 'DD', 'DETAILS', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN',
  'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL', 'BR',
  'FIGCAPTION', 'CAPTION', 'TFOOT', 'HGROUP', 'MENU', 'LEGEND', 'OPTION', 'SELECT',
]);

// biome-ignore format: a word list
const skipTags = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'INPUT', 'TEXTAREA', 'SELECT', 'IFRAME',
  'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO', 'HEAD', 'TITLE', 'META', 'LINK',
]);

const maxDepth = 200;

interface Walker {
  blocks: TextBlock[];
  buffer: string[];
  kind: BlockKind;
  inLink: number;
  linkChars: number;
  chars: number;
}

function flush(w: Walker): void {
  const text = w.buffer.join('').replace(/\s+/g, ' ').trim();
  const linkDensity = w.chars > 0 ? w.linkChars / w.chars : 0;
  w.buffer.length = 0;
  w.chars = 0;
  w.linkChars = 0;
  if (text !== '') w.blocks.push({ kind: w.kind, text, linkDensity });
}

function kindOf(tag: string, inherited: BlockKind): BlockKind {
  if (/^H[1-6]$/.test(tag)) return 'heading';
  if (tag === 'LI' || tag === 'DD' || tag === 'DT') return 'item';
  if (tag === 'FIGCAPTION' || tag === 'CAPTION') return 'caption';
  if (tag === 'BLOCKQUOTE') return 'quote';
  if (tag === 'PRE') return 'pre';
  if (tag === 'P') return inherited === 'caption' || inherited === 'quote' ? inherited : 'paragraph';
  return inherited;
}

function walk(node: HtmlNode, w: Walker, depth = 0): void {
  // Pathologically deep markup is cut off rather than allowed to exhaust the stack.
  if (depth > maxDepth) return;
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      const text = child.textContent ?? '';
      const chars = text.replace(/\s+/g, '').length;
      w.buffer.push(text);
      w.chars += chars;
      if (w.inLink > 0) w.linkChars += chars;
      continue;
    }
    if (child.nodeType !== 1) continue;
    const tag = (child as unknown as { tagName: string }).tagName.toUpperCase();
    if (skipTags.has(tag)) continue;
    if (!blockTags.has(tag)) {
      const isLink = tag === 'A';
      if (isLink) w.inLink++;
      walk(child, w, depth + 1);
      if (isLink) w.inLink--;
      continue;
    }
    flush(w);
    if (tag === 'BR' || tag === 'HR') continue;
    const outer = w.kind;
    w.kind = kindOf(tag, outer);
    walk(child, w, depth + 1);
    flush(w);
    w.kind = outer;
  }
}

/** The text of a DOM subtree as blocks in reading order, each block one line of collapsed text. */
export function textBlocks(root: HtmlNode): TextBlock[] {
  const w: Walker = { blocks: [], buffer: [], kind: 'paragraph', inLink: 0, linkChars: 0, chars: 0 };
  walk(root, w);
  flush(w);
  return w.blocks;
}
