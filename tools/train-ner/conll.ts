import { readFileSync } from 'node:fs';
import type { EntityType } from '../../shared/article/schema';

/** One entity annotation over raw text (JS string offsets). */
export interface GoldSpan {
  type: EntityType;
  start: number;
  end: number;
}

/** A CoNLL document turned back into running text, with its entities as character spans. */
export interface RawDocument {
  text: string;
  spans: GoldSpan[];
}

const TYPE_OF: Record<string, EntityType> = {
  PER: 'PERSON',
  ORG: 'ORGANIZATION',
  LOC: 'LOCATION',
  MISC: 'MISC',
};

interface ConllToken {
  word: string;
  tag: string;
}

function readSentences(path: string): ConllToken[][][] {
  const docs: ConllToken[][][] = [];
  let doc: ConllToken[][] = [];
  let sentence: ConllToken[] = [];
  const endSentence = () => {
    if (sentence.length > 0) doc.push(sentence);
    sentence = [];
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('-DOCSTART-')) {
      endSentence();
      if (doc.length > 0) docs.push(doc);
      doc = [];
      continue;
    }
    if (line.trim() === '') {
      endSentence();
      continue;
    }
    const cols = line.split(' ');
    sentence.push({ word: cols[0]!, tag: cols[cols.length - 1]! });
  }
  endSentence();
  if (doc.length > 0) docs.push(doc);
  return docs;
}

const NO_SPACE_BEFORE = /^(?:[,.;:!?%)\]}]|'s|'S|n't|'re|'ve|'ll|'d|'m|\.\.\.)$/;
const NO_SPACE_AFTER = /^[([{$]$/;

/**
 * Rebuilds the text a reader would have seen from CoNLL's token columns: no space before closing
 * punctuation and clitics, quotes attached inside, one sentence a line. The tagger is then trained on its own
 * tokenizer's view of that text, so what it learns carries over to real articles.
 */
export function detokenize(sentences: ConllToken[][]): RawDocument {
  let text = '';
  const spans: GoldSpan[] = [];
  for (const sentence of sentences) {
    if (text.length > 0) text += '\n';
    let quoteOpen = false;
    let glueNext = true;
    let open: GoldSpan | undefined;
    for (const { word, tag } of sentence) {
      let glue = glueNext || NO_SPACE_BEFORE.test(word);
      glueNext = NO_SPACE_AFTER.test(word);
      if (word === '"') {
        if (quoteOpen) glue = true;
        else glueNext = true;
        quoteOpen = !quoteOpen;
      }
      if (!glue) text += ' ';
      const start = text.length;
      text += word;
      const [prefix, label] = tag.split('-') as [string, string | undefined];
      if (open && (prefix !== 'I' || TYPE_OF[label ?? ''] !== open.type)) {
        spans.push(open);
        open = undefined;
      }
      if (label && (prefix === 'B' || !open)) open = { type: TYPE_OF[label]!, start, end: text.length };
      else if (open) open.end = text.length;
    }
    if (open) spans.push(open);
  }
  return { text, spans };
}

export function readConll(path: string): RawDocument[] {
  return readSentences(path).map(detokenize);
}
