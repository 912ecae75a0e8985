import type { Image } from '../article/schema';
import { splitCaptionCredit } from './captions';
import { resolveTime } from './dates';
import type { ExtractedFields } from './outcome';
import {
  joinParagraphs,
  looksLikeHeading,
  normalizeText,
  sameText,
  splitNames,
  squash,
  wordCount,
} from './text-blocks';
import { inlineDateline, separateDateline } from './wire';

/**
 * Plain text as a website prints it (the seed layout) and wire copy: a headline, header lines (desk and
 * time, byline, repeated headline, photo caption, dateline), body paragraphs with short headings among
 * them, and closing source/credit lines.
 */
export function parsePlainText(raw: string, defaultZone: string): ExtractedFields | undefined {
  const blocks = toBlocks(normalizeText(raw));
  const first = blocks[0];
  if (!first) return undefined;
  // A first line that reads as a paragraph is the text itself: the file has no headline.
  const firstLine = squash(first[0]!);
  const untitled = firstLine.length > 200 || (firstLine.length > 120 && /[.!?]["”’]?$/.test(firstLine));
  const title = untitled ? '' : firstLine;
  let header: readonly string[] = untitled ? [] : first.slice(1);
  let next = untitled ? 0 : 1;
  const fields: HeaderFields = { authors: [], images: [] };

  // Header lines until the first line that is body text; a block that is all header lines is consumed.
  // Blocks are taken by index and lines appended one by one: a block may hold 450,000 lines, too many to
  // spread into a call's arguments, and re-slicing the rest for each of 450,000 blocks is quadratic.
  let bodyStart: string[] | undefined;
  for (;;) {
    const lineIndex = header.findIndex((line) => !readHeaderLine(line, title, fields, defaultZone));
    if (lineIndex >= 0) {
      bodyStart = header.slice(lineIndex);
      break;
    }
    if (next >= blocks.length) break;
    header = blocks[next++]!;
  }

  const paragraphs: string[] = [];
  if (bodyStart) for (const p of blockParagraphs(bodyStart)) paragraphs.push(p);
  for (let i = next; i < blocks.length; i++) for (const p of blockParagraphs(blocks[i]!)) paragraphs.push(p);
  const trailer = readTrailer(paragraphs);
  const images = [...fields.images];
  const body: string[] = [];
  for (const p of paragraphs) {
    const caption = p.length < 500 ? splitCaptionCredit(p) : undefined;
    if (caption?.caption && wordCount(caption.caption) >= 3) images.push(caption);
    else body.push(p);
  }
  if (body.length === 0) return undefined;

  const lede = inlineDateline(body[0]!);
  // Headings stay in the body as paragraphs of their own: the body is the whole text in reading order
  // (the tagger's offsets and any reader rely on that); `headings` lists them for the structure.
  const headings = body.filter((p, i) => i > 0 && looksLikeHeading(p, body[i + 1]));
  const authors = [...fields.authors, ...trailer.authors].filter((a, i, all) => all.indexOf(a) === i);
  const dateline =
    fields.dateline ?? (lede ? { place: lede.place, ...(lede.date && { date: lede.date }) } : undefined);
  const publishedAt =
    fields.publishedAt ?? (dateline?.date ? { iso: dateline.date, assumedZone: false } : undefined);
  return {
    format: 'text',
    title,
    section: fields.section,
    authors,
    publishedAt: publishedAt?.iso,
    publishedAtAssumedZone: publishedAt?.assumedZone || undefined,
    modifiedAt: fields.modifiedAt,
    dateline,
    source: trailer.source ?? lede?.source ?? fields.source,
    headings,
    images,
    body: joinParagraphs(body),
  };
}

interface HeaderFields {
  section?: string;
  authors: string[];
  publishedAt?: { iso: string; assumedZone: boolean };
  modifiedAt?: string;
  dateline?: { place: string; date?: string };
  source?: string;
  images: Image[];
}

function toBlocks(text: string): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    if (line === '') {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

/** Looked up by the last character: a paragraph grows line by line, and a regex test would rescan it. */
const sentenceEnds = new Set(['.', '!', '?', ':', '"', '”', '’', ')']);

/** Lines of one block -> paragraphs: hard-wrapped lines are joined, one-line paragraphs stay apart. */
function blockParagraphs(lines: readonly string[]): string[] {
  // Lines are gathered and joined once: reading the end of a string grown line by line makes V8 flatten
  // it on every line, which is quadratic in a paragraph of many thousand lines.
  const paragraphs: string[][] = [];
  let length = 0;
  let last = '';
  for (const line of lines) {
    const current = paragraphs.at(-1);
    const wrapped =
      current !== undefined && (/^\p{Ll}/u.test(line) || (length >= 55 && !sentenceEnds.has(last)));
    if (wrapped) {
      current.push(line);
      length += 1 + line.length;
    } else {
      paragraphs.push([line]);
      length = line.length;
    }
    last = line.at(-1) ?? '';
  }
  return paragraphs.map((p) => p.join(' '));
}

const metaLine =
  /^(.*?)\s*\b(first published|published|posted|last updated|updated|modified)\b\s*(?:on|at)?\s*:?\s*(.+)$/i;
const updatedPart = /\s*[|•·,]?\s*\b(?:last updated|updated|modified)\b\s*(?:on|at)?\s*:?\s*(.+)$/i;
const reportLabels = /\b(?:report|correspondent|reporter|staff|bureau|agencies)$/i;

/** Records what a header line says; false when the line is not a header line (the body has begun). */
function readHeaderLine(line: string, title: string, fields: HeaderFields, zone: string): boolean {
  if (sameText(line, title)) return true;
  // Length first: on a long line (a run of spaces) the pattern's lazy prefix and `\s*` are quadratic.
  const meta = line.length <= 200 ? line.match(metaLine) : null;
  if (meta) {
    const [, prefix = '', label = '', when = ''] = meta;
    const updated = /updated|modified/i.test(label) ? when : when.match(updatedPart)?.[1];
    const published = /updated|modified/i.test(label) ? undefined : when.replace(updatedPart, '');
    const publishedTime = resolveTime(published, zone);
    const modifiedTime = resolveTime(updated, zone);
    if (publishedTime || modifiedTime) {
      if (publishedTime) fields.publishedAt = publishedTime;
      if (modifiedTime) fields.modifiedAt = modifiedTime.iso;
      readByline(prefix.replace(/[|•·,:-]+$/, '').trim(), fields);
      return true;
    }
  }
  // Not /iu: under it \p{Lu} matches any letter, and "By any measure, …" became the author "any measure".
  // "By Tuesday, officials had agreed …" is capitalised too, but a sentence.
  const byline = line.match(/^(?:by|By|BY)\s+(\p{Lu}.{1,120})$/u);
  if (byline && !isSentence(line)) {
    readByline(line, fields);
    return true;
  }
  const dateline = separateDateline(line);
  if (dateline) {
    fields.dateline = dateline;
    if (dateline.date) fields.publishedAt ??= { iso: dateline.date, assumedZone: false };
    return true;
  }
  if (line.length <= 60 && /\b\d{4}\b/.test(line)) {
    const time = resolveTime(line.replace(/^(?:date|dated)\s*:\s*/i, ''), zone);
    if (time) {
      fields.publishedAt ??= time;
      return true;
    }
  }
  // A desk or a byline label on a line of its own: "International Desk", "Staff Correspondent".
  if (line.length <= 60 && wordCount(line) <= 5 && (/\sdesk$/i.test(line) || reportLabels.test(line))) {
    readByline(line, fields);
    return true;
  }
  const labelled = line.match(/^(section|category|desk|source)\s*:\s*(.{1,60})$/i);
  if (labelled) {
    if (/source/i.test(labelled[1]!)) fields.source = labelled[2]!.trim();
    else fields.section = labelled[2]!.trim();
    return true;
  }
  const caption = line.length < 600 ? splitCaptionCredit(line) : undefined;
  if (caption?.caption) {
    fields.images.push(caption);
    return true;
  }
  return false;
}

const isSentence = (line: string) => /[.!?]["”’]?$/.test(line) && wordCount(line) >= 6;

/** "International Desk" is a section; "By Jane Doe" or "Staff Correspondent" is a byline. */
function readByline(prefix: string, fields: HeaderFields): void {
  if (prefix === '') return;
  const desk = prefix.match(/^(.+?)\s+desk$/i);
  if (desk) {
    fields.section = desk[1]!.trim();
    return;
  }
  const by = prefix.match(/^by\s+(.+)$/i);
  if (by) {
    const [names = '', agency] = by[1]!.split(/\s*[|•·]\s*/);
    for (const name of splitNames(names)) fields.authors.push(name);
    if (agency) fields.source ??= agency.trim();
    return;
  }
  if (reportLabels.test(prefix)) fields.authors.push(prefix);
  else if (wordCount(prefix) <= 4) fields.section = prefix;
}

/** Closing lines: "Source: …", "Reporting by …; Editing by …", copyright. Removed from `paragraphs`. */
function readTrailer(paragraphs: string[]): { source?: string; authors: string[] } {
  const found: { source?: string; authors: string[] } = { authors: [] };
  for (let guard = 0; guard < 4 && paragraphs.length > 1; guard++) {
    const last = paragraphs.at(-1)!;
    const source = last.match(/^(?:source|sources|courtesy)\s*:\s*(.{1,80}?)\.?$/i);
    const reporting = last.match(/^\(?\s*(?:additional\s+)?reporting by\s+([^;)]+)/i);
    if (source) found.source = source[1]!.trim();
    else if (reporting && last.length < 300)
      for (const name of splitNames(reporting[1]!.replace(/\s+in\s+\p{Lu}[\p{L} ]+$/u, '')))
        found.authors.push(name);
    else if (/^(?:©|\(c\)|copyright\b)/i.test(last) && last.length < 200) {
      // a copyright notice is not body text and names no field we keep
    } else break;
    paragraphs.pop();
  }
  return found;
}
