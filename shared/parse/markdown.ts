import { marked, type Token, type Tokens } from 'marked';
import { isNode, parseDocument, visit } from 'yaml';
import type { Image } from '../article/schema';
import { captionImage } from './captions';
import { extractedFromRecord, isRecord, readRecordFields } from './fields-from-record';
import type { ExtractedFields } from './outcome';
import { joinParagraphs, normalizeText, squash } from './text-blocks';

const frontMatter = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

const maxFrontMatter = 8 * 1024;

/** The YAML core schema's tags; anything else (`!!js/function`, `!custom`) is no value of ours. */
const coreTags = new Set(
  ['map', 'seq', 'str', 'null', 'bool', 'int', 'float'].map((name) => `tag:yaml.org,2002:${name}`),
);
const unknownTag = (node: unknown) => isNode(node) && node.tag !== undefined && !coreTags.has(node.tag);

/** YAML with every field or item that carries an unknown tag dropped: the library would keep its text. */
function readYaml(source: string): unknown {
  const document = parseDocument(source, { logLevel: 'silent' });
  if (document.errors.length > 0) return undefined;
  visit(document, {
    Pair: (_, pair) => (unknownTag(pair.key) || unknownTag(pair.value) ? visit.REMOVE : undefined),
    Node: (_, node) => (unknownTag(node) ? visit.REMOVE : undefined),
  });
  return document.toJS({ maxAliasCount: 10 });
}

/** YAML front matter as a record; malformed or non-mapping front matter counts as none. */
function readFrontMatter(text: string): { record: Record<string, unknown>; rest: string } {
  const m = text.match(frontMatter);
  if (!m) return { record: {}, rest: text };
  // Front matter is a few fields (rarely over 2 KB); the YAML parser spends up to 8 µs a byte on some
  // shapes (a run of one-letter lines: 534 ms for 64 KB), so anything longer is read as no front matter.
  if (m[1]!.length > maxFrontMatter) return { record: {}, rest: text.slice(m[0].length) };
  try {
    const parsed = readYaml(m[1]!);
    return { record: isRecord(parsed) ? parsed : {}, rest: text.slice(m[0].length) };
  } catch {
    return { record: {}, rest: text.slice(m[0].length) };
  }
}

function inlineText(tokens: readonly Token[] | undefined, images: Image[]): string {
  if (!tokens) return '';
  let out = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'image': {
        const image = token as Tokens.Image;
        const caption = image.text || image.title || '';
        if (caption) images.push(captionImage(caption, undefined, image.href || undefined));
        break;
      }
      case 'br':
        out += ' ';
        break;
      case 'html':
        out += (token as Tokens.HTML).text.replace(/<[^<>]*>/g, '');
        break;
      case 'codespan':
      case 'escape':
        out += (token as Tokens.Codespan).text;
        break;
      default: {
        const nested = (token as { tokens?: Token[] }).tokens;
        out += nested ? inlineText(nested, images) : ((token as { text?: string }).text ?? '');
      }
    }
  }
  return out;
}

interface Walked {
  title?: string;
  paragraphs: string[];
  headings: string[];
  images: Image[];
}

function walk(tokens: readonly Token[], into: Walked, wantTitle: boolean): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'heading': {
        const text = squash(inlineText((token as Tokens.Heading).tokens, into.images));
        if (!text) break;
        if (
          wantTitle &&
          into.title === undefined &&
          (token as Tokens.Heading).depth === 1 &&
          into.paragraphs.length === 0
        )
          into.title = text;
        else {
          into.headings.push(text);
          into.paragraphs.push(text);
        }
        break;
      }
      case 'paragraph':
      case 'text': {
        const text = squash(inlineText((token as Tokens.Paragraph).tokens, into.images));
        if (text) into.paragraphs.push(text);
        break;
      }
      case 'list':
        for (const item of (token as Tokens.List).items) walk(item.tokens, into, false);
        break;
      case 'blockquote':
        walk((token as Tokens.Blockquote).tokens, into, false);
        break;
      case 'code':
        into.paragraphs.push((token as Tokens.Code).text);
        break;
      case 'table': {
        const table = token as Tokens.Table;
        for (const row of [table.header, ...table.rows])
          into.paragraphs.push(squash(row.map((cell) => inlineText(cell.tokens, into.images)).join(' ')));
        break;
      }
      case 'html': {
        const text = squash((token as Tokens.HTML).text.replace(/<[^<>]*>/g, ' '));
        if (text) into.paragraphs.push(text);
        break;
      }
      default:
        break;
    }
  }
}

/** A line opening 200 block quotes: no writer nests that deep, an attack file does. */
const absurdlyNestedQuote = /^[ \t]*(?:>[ \t]*){200}/m;

/** Absurdly nested quotes or lists, read as plain lines: paragraphs without their markers. */
function readPlainLines(rest: string, walked: Walked): void {
  const paragraphs = rest.split(/\n\s*\n/).map((p) => p.replace(/^[\s>*+-]+/gm, ''));
  // One line only: on a paragraph of several, `$` fails and `\s+` would retry every split of a run.
  const heading = paragraphs[0]?.includes('\n') ? undefined : paragraphs[0]?.match(/^#{1,6}\s+(.+)$/);
  if (heading) paragraphs.shift();
  walked.title = heading?.[1];
  walked.paragraphs = paragraphs;
  walked.headings = [];
}

/** Markdown with or without YAML front matter: fields from the front matter, the text from the markdown. */
export function parseMarkdown(raw: string, defaultZone: string): ExtractedFields | undefined {
  const { record, rest } = readFrontMatter(normalizeText(raw));
  const fields = readRecordFields(record, defaultZone);
  const walked: Walked = { paragraphs: [], headings: [], images: [] };
  // marked recurses once per nesting level: past a few hundred it spends a millisecond per kilobyte on the
  // way to a stack overflow, so absurd nesting goes straight to the plain reading.
  if (absurdlyNestedQuote.test(rest)) readPlainLines(rest, walked);
  else {
    try {
      walk(marked.lexer(rest), walked, true);
    } catch {
      readPlainLines(rest, walked);
    }
  }
  const body = joinParagraphs(walked.paragraphs);
  if (body === '') return undefined;
  return extractedFromRecord('markdown', fields, {
    title: walked.title,
    headings: walked.headings,
    images: walked.images,
    body,
  });
}
