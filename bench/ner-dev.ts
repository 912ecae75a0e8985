import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityType } from '../shared/article/schema';
import { isHonorific } from '../shared/tag/ner/honorifics';
import type { TypedSpan } from '../shared/tag/ner/spans';
import { type Evaluation, evaluate } from '../tools/train-ner/evaluate';
import { readBbcText } from './ner-bbc';

/** A hand-annotated dev article: spans are JS string offsets into the file's text, with the surface. */
interface DevArticle {
  file: string;
  spans: (TypedSpan & { text: string })[];
}

export interface DevDocument {
  file: string;
  text: string;
  spans: TypedSpan[];
}

/**
 * Reads the dev set's annotations and the articles they point into; an annotation whose offsets no longer
 * match its stored surface string (the data set changed) is an error, not a silent miss.
 */
export function readDevSet(annotations: string, bbcDir: string): DevDocument[] {
  const articles = JSON.parse(readFileSync(annotations, 'utf8')) as DevArticle[];
  return articles.map(({ file, spans }) => {
    const text = readBbcText(join(bbcDir, file));
    for (const s of spans) {
      if (text.slice(s.start, s.end) !== s.text)
        throw new Error(`${file}: ${s.start}-${s.end} is "${text.slice(s.start, s.end)}", not "${s.text}"`);
    }
    return { file, text, spans: spans.map(({ type, start, end }) => ({ type, start, end })) };
  });
}

// Words that, written right before a person's name, introduce it: the honorifics and the titles the issue
// names ("Mr", "Mrs", "Ms", "Dr", "Sir", "President").
const TITLE_BEFORE =
  /^(?:President|Chancellor|Minister|Secretary|Governor|Senator|Judge|King|Queen|Prince|Princess)$/;
const PREVIOUS_WORD = /(\S+)\s+$/;

/** Gold people written right after an honorific or title ("Mr Blair", "Dr. Greenspan", "President Bush"). */
export function isIntroduced(text: string, span: TypedSpan): boolean {
  if (span.type !== 'PERSON') return false;
  const word = PREVIOUS_WORD.exec(text.slice(Math.max(0, span.start - 20), span.start))?.[1] ?? '';
  return isHonorific(word) || TITLE_BEFORE.test(word);
}

export interface DevScores {
  evaluation: Evaluation;
  /** Gold people after an honorific or title, and how many were found exactly as people. */
  honorific: { gold: number; found: number };
  /** confusion[gold][predicted] over spans with the same offsets; "none" for a span only one side has. */
  confusion: Record<string, Record<string, number>>;
}

const TYPES: (EntityType | 'none')[] = ['PERSON', 'ORGANIZATION', 'LOCATION', 'MISC', 'none'];

/** Scores predicted spans against the gold ones: per type, honorific recall, and a confusion table. */
export function scoreDocuments(documents: DevDocument[], spansOf: (text: string) => TypedSpan[]): DevScores {
  const pairs = documents.map((d) => ({ doc: d, gold: d.spans, predicted: spansOf(d.text) }));
  const confusion = Object.fromEntries(TYPES.map((g) => [g, Object.fromEntries(TYPES.map((p) => [p, 0]))]));
  const honorific = { gold: 0, found: 0 };
  for (const { doc, gold, predicted } of pairs) {
    const key = (s: TypedSpan) => `${s.start}:${s.end}`;
    const byOffsets = new Map(predicted.map((s) => [key(s), s.type]));
    const goldKeys = new Set(gold.map(key));
    for (const s of gold) {
      const p = byOffsets.get(key(s));
      confusion[s.type]![p ?? 'none']!++;
      if (isIntroduced(doc.text, s)) {
        honorific.gold++;
        if (p === 'PERSON') honorific.found++;
      }
    }
    for (const s of predicted) if (!goldKeys.has(key(s))) confusion.none![s.type]!++;
  }
  return { evaluation: evaluate(pairs), honorific, confusion };
}
