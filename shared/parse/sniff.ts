import type { ArticleFormat } from '../article/schema';

const htmlStart =
  /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|link|div|article|main|section|p|h[1-6]|header|script|style|span|table|center|font|br|a)[\s>/]/i;
const xmlRoots = /^<(?:[\w.-]+:)?(?:nitf|newsmessage|newsitem|newsml|packageitem|rss|feed|rdf)>$/i;

function extensionOf(key: string): string {
  const name = key.split('/').pop() ?? '';
  const parts = name.toLowerCase().split('.');
  // "page.html.gz": the compression suffix says nothing about the content.
  if (parts.length > 2 && (parts.at(-1) === 'gz' || parts.at(-1) === 'gzip')) parts.pop();
  return parts.length > 1 ? parts.at(-1)! : '';
}

/** The first element's name, past the XML declaration, doctype, processing instructions and comments. */
function rootElement(head: string): string | undefined {
  const m = head.match(/^(?:\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>))*\s*<([A-Za-z][\w:.-]*)/i);
  return m?.[1]?.toLowerCase();
}

/**
 * The format from the content; the key's extension only settles what the content leaves open
 * (markdown against plain text, an XML root that is not a known news format).
 */
export function sniffFormat(text: string, key: string): ArticleFormat {
  const head = text.slice(0, 4096).trimStart();
  const ext = extensionOf(key);
  if (head.startsWith('{') || (head.startsWith('[') && /^\[\s*[{\]]/.test(head))) return 'json';
  if (head.startsWith('<')) {
    const root = rootElement(head);
    if (root === 'html' || /^<!doctype\s+html/i.test(head)) return 'html';
    if (root && xmlRoots.test(`<${root}>`)) return 'xml';
    if (htmlStart.test(head)) return 'html';
    if (head.startsWith('<?xml') || ext === 'xml') return 'xml';
    return 'html';
  }
  if (ext === 'json') return 'json';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return /<[a-z][^>]*>/i.test(head) ? 'html' : 'text';
  if (ext === 'md' || ext === 'markdown' || ext === 'mdx') return 'markdown';
  if (/^---\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)\r?\n/.test(head)) return 'markdown';
  if (/^#{1,6} \S/m.test(head) && /^#{1,6} \S/.test(head)) return 'markdown';
  if (/<(?:p|div|br|article|html|body)[\s>/]/i.test(head) && /<\/(?:p|div|article|html|body)>/i.test(text))
    return 'html';
  return 'text';
}
