/**
 * Hostile inputs for the parser: each reader's format with a run of one unit (white space, punctuation,
 * a short repeated line) in every place its patterns look, and an ordinary article of the same format
 * and size to compare with. A run of one character repeated is where a backtracking regular expression
 * turns quadratic (issue 11, item 1). Read by the behaviour test (test/unit/parse/hostile-input.test.ts)
 * and by the timing benchmark (bench/parse-hostile.ts).
 */

const sentence = 'The committee met again on Thursday to review the harbour budget for next year. ';
const run = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
const xmlSafe = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const attrSafe = (s: string) => xmlSafe(s).replace(/"/g, '&quot;');

export type Format = 'text' | 'markdown' | 'json' | 'html' | 'xml';

/** Ordinary paragraphs of about 400 characters filling `bytes`. */
function paragraphs(bytes: number): string[] {
  const paragraph = sentence.repeat(5).trim();
  return Array.from({ length: Math.max(1, Math.round(bytes / (paragraph.length + 7))) }, () => paragraph);
}

/** The linear baseline: an ordinary article of each format, `bytes` long. */
const ordinary: Record<Format, (bytes: number) => string> = {
  text: (n) => `Headline\n\n${paragraphs(n).join('\n\n')}`,
  markdown: (n) => `---\ntitle: T\n---\n\n# Head\n\n${paragraphs(n).join('\n\n')}`,
  json: (n) => JSON.stringify({ headline: 'T', author: 'Jane Roe', body: paragraphs(n).join('\n\n') }),
  html: (n) =>
    `<html><head><title>T</title></head><body><article><h1>H</h1>${paragraphs(n)
      .map((p) => `<p>${p}</p>`)
      .join('')}</article></body></html>`,
  xml: (n) =>
    `<?xml version="1.0"?><nitf><body><body.head><hedline><hl1>H</hl1></hedline></body.head><body.content>${paragraphs(
      n,
    )
      .map((p) => `<p>${p}</p>`)
      .join('')}</body.content></body></nitf>`,
};

export type Shape = { format: Format; key: string; make: (filler: string) => string };

/** Each reader, with the run where that reader's patterns look: header lines, titles, body, metadata. */
export const shapes: Record<string, Shape> = {
  'text headline': {
    format: 'text',
    key: 'raw/a.txt',
    make: (f) => `Head${f}line\n\n${sentence}\n\n${sentence}`,
  },
  'text header line': {
    format: 'text',
    key: 'raw/a.txt',
    make: (f) =>
      `Headline\nInternational Desk${f}Published: 3 March 2026\nBy Jane${f}\n\n${sentence}\n\n${sentence}`,
  },
  'text body': {
    format: 'text',
    key: 'raw/a.txt',
    make: (f) => `Headline\n\nLONDON${f}(Reuters) - ${sentence}${f}x\n\n${f}\n\nReporting by ${f}`,
  },
  'text only': { format: 'text', key: 'raw/a', make: (f) => `${f}x` },
  'markdown front matter': {
    format: 'markdown',
    key: 'raw/a.md',
    make: (f) => `---\ntitle: T${f}\nauthor: ${f}\n---\n\n# Head\n\n${sentence}`,
  },
  'markdown body': {
    format: 'markdown',
    key: 'raw/a.md',
    make: (f) => `# Head${f}\n\n${sentence}${f}x\n\n${f}\n\n<p a${f}>${sentence}</p>`,
  },
  'json fields': {
    format: 'json',
    key: 'raw/a.json',
    make: (f) =>
      JSON.stringify({
        headline: `T${f}`,
        author: `Jane${f}Roe`,
        date: f,
        image: { caption: f },
        body: sentence,
      }),
  },
  'json body': {
    format: 'json',
    key: 'raw/a.json',
    make: (f) => JSON.stringify({ headline: 'T', body: `${sentence}${f}x` }),
  },
  'json html body': {
    format: 'json',
    key: 'raw/a.json',
    make: (f) => JSON.stringify({ headline: 'T', body: `<p>${sentence}${f}</p><p>${f}x</p>` }),
  },
  'html text': {
    format: 'html',
    key: 'raw/a.html',
    make: (f) =>
      `<html><head><title>T${f}</title></head><body><article><h1>H${f}</h1><p>${sentence}${f}</p><figure><figcaption>${f}photo</figcaption></figure><p>${sentence.repeat(4)}</p></article></body></html>`,
  },
  'html metadata': {
    format: 'html',
    key: 'raw/a.html',
    make: (f) =>
      `<html><head><meta name="author" content="${attrSafe(f)}"><meta property="og:title" content="${attrSafe(f)}"><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: f, author: f, datePublished: f, articleBody: f })}</script></head><body><div class="${attrSafe(f)}"><p>${sentence.repeat(5)}</p><p class="byline">By ${xmlSafe(f)}</p></div></body></html>`,
  },
  'html markup': { format: 'html', key: 'raw/a.html', make: (f) => `<p>${sentence}</p>${f}` },
  'xml nitf': {
    format: 'xml',
    key: 'raw/a.xml',
    make: (f) =>
      `<?xml version="1.0"?><nitf><head><title>T${xmlSafe(f)}</title></head><body><body.head><hedline><hl1>H${xmlSafe(f)}</hl1></hedline><byline>${xmlSafe(f)}</byline></body.head><body.content><p>${sentence}${xmlSafe(f)}</p></body.content></body></nitf>`,
  },
  'xml feed': {
    format: 'xml',
    key: 'raw/a.xml',
    make: (f) =>
      `<rss><channel><item><title>T</title><pubDate>${xmlSafe(f)}</pubDate><description>${xmlSafe(`<p>${sentence}${f}</p>`)}</description></item></channel></rss>`,
  },
};

/** Runs of white space, line breaks and punctuation, and short repeated lines. */
export const fillers = [
  ' ',
  '\t',
  '\u00a0',
  '\n',
  '\r\n',
  ' \n',
  '\n\n',
  '.',
  '-',
  '- ',
  ',',
  ':',
  '<',
  '>',
  '#',
  '*',
  '[',
  '(',
  '|',
  '&',
  '"',
  'A ',
  'a\n',
  'By A\n\n',
];

const encoder = new TextEncoder();

/** The document `shape` makes from runs of `unit`, `bytes` long give or take a unit: escaping and the
 * shape's several slots make a run take more bytes than its length. */
export function hostileDocument(shape: Shape, unit: string, bytes: number): Uint8Array {
  const frame = encoder.encode(shape.make('')).length;
  const perChar = (encoder.encode(shape.make(run(unit, 1000))).length - frame) / 1000;
  return encoder.encode(shape.make(run(unit, Math.max(1, Math.round((bytes - frame) / perChar)))));
}

export function ordinaryDocument(format: Format, bytes: number): Uint8Array {
  return encoder.encode(ordinary[format](bytes));
}

/** The units every shape is fed first: runs of white space are where patterns went quadratic. */
export const whiteSpace = [' ', '\t', '\u00a0', '\n'];
