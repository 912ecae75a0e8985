import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../shared/parse/index';

/*
 * Parse time per byte stays flat: one hostile file must not hold a stage for minutes (issue 11, item 1).
 * A run of one character repeated is where a backtracking regular expression turns quadratic, so every
 * format is fed runs of white space and punctuation in each place its reader looks.
 *
 * The one time bound in the unit tests. It is made robust against a loaded machine: it counts the
 * process's CPU time, not the wall clock; each input is timed against an ordinary article of the same
 * format and size parsed just before it (the linear baseline), with a generous factor, a floor, and the
 * better of two attempts. Sizes grow from 64 KB to 1 MB, so
 * a quadratic path fails at the smallest size in seconds instead of hanging for hours at 1 MB.
 */

const sizes = [64 * 1024, 1024 * 1024];
/** How many times slower than an ordinary article of the same size a hostile one may parse. */
const factor = 10;
/** 1 s per MB, never below 250 ms: the absolute allowance on any machine. */
const floorMs = (bytes: number) => Math.max(250, (1000 * bytes) / (1024 * 1024));

const sentence = 'The committee met again on Thursday to review the harbour budget for next year. ';
const run = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
const xmlSafe = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const attrSafe = (s: string) => xmlSafe(s).replace(/"/g, '&quot;');

type Format = 'text' | 'markdown' | 'json' | 'html' | 'xml';

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

type Shape = { format: Format; key: string; make: (filler: string) => string };

/** Each reader, with the run where that reader's patterns look: header lines, titles, body, metadata. */
const shapes: Record<string, Shape> = {
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
const fillers = [
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
function documentOf(shape: Shape, unit: string, bytes: number): Uint8Array {
  const frame = encoder.encode(shape.make('')).length;
  const perChar = (encoder.encode(shape.make(run(unit, 1000))).length - frame) / 1000;
  return encoder.encode(shape.make(run(unit, Math.max(1, Math.round((bytes - frame) / perChar)))));
}

/** CPU time, not wall time: on a shared machine other processes stretch the wall clock, not this. */
function millisToParse(input: Uint8Array, key: string): number {
  const start = process.cpuUsage();
  const outcome = parseArticle(input, { key });
  const { user, system } = process.cpuUsage(start);
  const elapsed = (user + system) / 1000;
  // A timeout is not the only failure: an exception caught as `internal` is a parser bug too.
  if (!outcome.ok) expect(outcome.error.code, outcome.error.message).not.toBe('internal');
  return elapsed;
}

const baselines = new Map<string, number>();

/** The better of two parses of the ordinary article; kept for the next input unless `fresh`. */
function baselineMillis(format: Format, bytes: number, fresh = false): number {
  const key = `${format} ${bytes}`;
  if (fresh || !baselines.has(key)) {
    const input = encoder.encode(ordinary[format](bytes));
    baselines.set(
      key,
      Math.min(millisToParse(input, `raw/a.${format}`), millisToParse(input, `raw/a.${format}`)),
    );
  }
  return baselines.get(key)!;
}

/** At each size the input parses within `factor` times the baseline, or the floor; a second try forgives a pause. */
function checkFlat(shapeName: string, unit: string): void {
  const shape = shapes[shapeName]!;
  for (const bytes of sizes) {
    const input = documentOf(shape, unit, bytes);
    let baseline = baselineMillis(shape.format, bytes);
    let elapsed = millisToParse(input, shape.key);
    if (elapsed > Math.max(floorMs(bytes), factor * baseline)) {
      baseline = baselineMillis(shape.format, bytes, true);
      elapsed = Math.min(elapsed, millisToParse(input, shape.key));
    }
    expect(
      elapsed,
      `${shapeName}, a run of ${JSON.stringify(unit)}, ${bytes} bytes: ${elapsed.toFixed(0)} ms against ${baseline.toFixed(0)} ms for an ordinary article`,
    ).toBeLessThanOrEqual(Math.max(floorMs(bytes), factor * baseline));
  }
}

describe('parse time per byte stays flat on pathological input', () => {
  // Each shape with runs of white space, where backtracking patterns went quadratic (issue 11).
  for (const name of Object.keys(shapes))
    it(`${name}: runs of white space`, () => {
      for (const unit of [' ', '\t', '\u00a0', '\n']) checkFlat(name, unit);
    });

  it('text body: one paragraph of many thousand wrapped lines (found by the property below)', () => {
    checkFlat('text body', '|a\n');
  });

  it('any shape with any run of white space or punctuation', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(shapes)),
        fc.oneof(
          fc.constantFrom(...fillers),
          fc.string({ unit: fc.constantFrom(...fillers), minLength: 2, maxLength: 3 }),
        ),
        (name, unit) => checkFlat(name, unit),
      ),
      { numRuns: 8 },
    );
  });
});
