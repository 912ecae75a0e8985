import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TypedSpan } from '../shared/tag/ner/spans';

/** One BBC article as the bench reads it: its file name under bbc-news/ and its whole text. */
export interface BbcArticle {
  file: string;
  text: string;
}

/** UTF-8, except the few Latin-1 files of the set (see its README). */
export function readBbcText(path: string): string {
  const bytes = readFileSync(path);
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.includes('\uFFFD') ? new TextDecoder('latin1').decode(bytes) : text;
}

export function readBbc(dir: string): BbcArticle[] {
  const out: BbcArticle[] = [];
  for (const section of ['business', 'entertainment']) {
    for (const name of readdirSync(join(dir, section)).sort()) {
      if (!name.endsWith('.txt')) continue;
      const file = `${section}/${name}`;
      out.push({ file, text: readBbcText(join(dir, file)) });
    }
  }
  return out;
}

// Capitalised only because they open a sentence: never the first word of a name. The bench keeps its own
// list (wider than the tagger's) so that the count does not merely check the tagger's rule.
const SENTENCE_WORDS =
  /^(?:And|But|Before|After|As|At|Although|Because|By|During|For|From|However|If|In|Meanwhile|On|Or|Since|So|Then|Though|Under|Until|When|While|With|Yet|Also|Despite|Following|Last|Now|Instead|Earlier|Later)$/;
// The last word of a span that legitimately takes a full stop: initials, "Inc.", "Co.", "Jr.", "U.S.".
const ABBREVIATION_END = /(?:^|\s)(?:\p{Lu}[\p{Ll}]{0,3}\.|(?:\p{L}\.)+)$/u;
// What comes before a word that opens a sentence: the start of a line, or a terminal mark and a space,
// with opening quotes between.
const OPENS_SENTENCE = /(?:^|\n\s*|[.!?]["”’']?\s+)["“‘']?$/;

export interface BbcCounts {
  articles: number;
  spans: number;
  tuvalu: number;
  sentenceWordStart: number;
  fullStopEnd: number;
  sixWords: number;
  examples: Record<'tuvalu' | 'sentenceWordStart' | 'fullStopEnd' | 'sixWords', string[]>;
}

/**
 * The boundary counts over the articles: names that open a sentence with a sentence word
 * ("And Wenger"; not "the single Now Or Never"),
 * names ending in a full stop that is not an abbreviation's ("MPs has said."), names of six or more
 * words; and articles whose tagged entities include Tuvalu without the text naming it.
 */
export function countBbc(
  articles: BbcArticle[],
  spansOf: (text: string) => TypedSpan[],
  entityNames: (article: BbcArticle) => string[],
): BbcCounts {
  const counts: BbcCounts = {
    articles: articles.length,
    spans: 0,
    tuvalu: 0,
    sentenceWordStart: 0,
    fullStopEnd: 0,
    sixWords: 0,
    examples: { tuvalu: [], sentenceWordStart: [], fullStopEnd: [], sixWords: [] },
  };
  const note = (key: keyof BbcCounts['examples'], example: string) => {
    if (counts.examples[key].length < 12) counts.examples[key].push(example);
  };
  for (const article of articles) {
    for (const span of spansOf(article.text)) {
      counts.spans++;
      const surface = article.text.slice(span.start, span.end);
      const words = surface.split(/\s+/);
      const opensSentence = OPENS_SENTENCE.test(article.text.slice(Math.max(0, span.start - 6), span.start));
      if (opensSentence && SENTENCE_WORDS.test(words[0]!)) {
        counts.sentenceWordStart++;
        note('sentenceWordStart', `${article.file}: ${surface}`);
      }
      if (surface.endsWith('.') && !ABBREVIATION_END.test(surface)) {
        counts.fullStopEnd++;
        note('fullStopEnd', `${article.file}: ${surface}`);
      }
      if (words.length >= 6) {
        counts.sixWords++;
        note('sixWords', `${article.file}: ${surface}`);
      }
    }
    if (!article.text.includes('Tuvalu') && entityNames(article).includes('Tuvalu')) {
      counts.tuvalu++;
      note('tuvalu', article.file);
    }
  }
  return counts;
}
