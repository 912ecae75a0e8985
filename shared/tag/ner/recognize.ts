import { isTitleWord } from '../titles';
import { cleanBoundaries, SENTENCE_WORDS } from './boundaries';
import { companiesBySuffix } from './companies';
import { decodeGreedy } from './decode';
import { DocumentFeatures } from './document-features';
import { sequenceHash } from './hash';
import { typeByHead } from './heads';
import { personsAfterHonorifics } from './honorifics';
import { initialsBeforeSurnames } from './initials';
import { OUTSIDE } from './labels';
import { loneNamesThatAreThings } from './lone-names';
import { firmsThatArePeople } from './misread-people';
import type { NerModel } from './model';
import { joinNameParts } from './name-joins';
import { numberedNames } from './numbered-names';
import { qualifiersBeforeRoles } from './qualifiers';
import { oneSpaceApart, type TokenSpan, type TypedSpan, tokenSpans } from './spans';
import { tailsOfLongerNames } from './tails';
import { splitSentences, type Token, tokenize } from './tokenize';

export interface Recognition {
  tokens: Token[];
  spans: TypedSpan[];
}

// Bits of the gazetteer sources (training/gazetteers.ts order) that name well-known places: country,
// capital, city over 100k, country alias.
const MAJOR_PLACE = 1 | 2 | 4 | 64;
const COUNTRY = 1 | 64;
const CAPITAL = 2;
// Title nouns after which capitalised words are a person's name, whatever the model made of the span
// ("Defence Minister Boris Pistorius" read as an organisation).
const HEAD_TITLE =
  /^(?:president|minister|secretary|chancellor|exchequer|premier|governor|senator|mayor|king|queen|pope|envoy|spokesman|spokeswoman|spokesperson|adviser|advisor|ambassador|commander|commissioner|controller|chairman|chairwoman|judge)$/i;
const PLACE_PREPOSITION = /^(?:in|at|from|near)$/;
const ROMAN = /^(?:II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)$/;

/**
 * Fixes the model's characteristic slips with what the whole document says: a title word is not part of
 * a name ("Defence Minister Boris"), a name split before a surname the document knows is one name, a
 * well-known place called by its bare name is a place even where the context reads like a person's
 * ("Kyiv has continued"), a strait or sea is a location, "World War II" keeps its numeral.
 */
function repair(
  text: string,
  tokens: Token[],
  labels: Int32Array,
  doc: DocumentFeatures,
  model: NerModel,
): TokenSpan[] {
  const spans = tokenSpans(labels);
  const personWords = new Set<number>();
  const surnames = new Set<number>();
  for (const s of spans) {
    if (s.type !== 'PERSON') continue;
    personWords.add(doc.word[s.last]!);
    if (s.last > s.first) surnames.add(doc.word[s.last]!);
  }
  const sentenceEnd = new Int32Array(tokens.length);
  for (let s = 0; s + 1 < doc.sentenceStart.length; s++) {
    for (let i = doc.sentenceStart[s]!; i < doc.sentenceStart[s + 1]!; i++)
      sentenceEnd[i] = doc.sentenceStart[s + 1]!;
  }
  const adjacent = (a: number, b: number) => oneSpaceApart(text, tokens, a, b);
  const out: TokenSpan[] = [];
  for (const span of spans) {
    if (span.type !== 'PERSON') {
      for (let k = span.last - 1; k >= span.first; k--) {
        if (!HEAD_TITLE.test(tokens[k]!.text)) continue;
        let names = true;
        for (let j = k + 1; j <= span.last; j++)
          names &&= doc.capital[j] === 1 && !isTitleWord(tokens[j]!.text);
        if (names) {
          span.type = 'PERSON';
          span.first = k + 1;
        }
        break;
      }
    }
    if (span.type === 'PERSON') {
      // "Palestinian President Yasser Arafat": the name starts after the last title word in the span.
      for (let k = span.last - 1; k > span.first; k--) {
        if (HEAD_TITLE.test(tokens[k]!.text) && doc.capital[k + 1] === 1) {
          span.first = k + 1;
          break;
        }
      }
      while (span.first <= span.last && isTitleWord(tokens[span.first]!.text)) span.first++;
      if (span.first > span.last) continue;
      for (let j = span.last + 1; j < sentenceEnd[span.last]!; j++) {
        if (labels[j] !== OUTSIDE || !doc.capital[j] || !adjacent(j - 1, j) || !personWords.has(doc.word[j]!))
          break;
        span.last = j;
      }
      if (
        span.first === span.last &&
        !surnames.has(doc.word[span.first]!) &&
        model.gazetteer.get(sequenceHash(doc.word, span.first, span.first + 1)) & MAJOR_PLACE
      )
        span.type = 'LOCATION';
    }
    const next = span.last + 1;
    if (
      next < sentenceEnd[span.last]! &&
      labels[next] === OUTSIDE &&
      ROMAN.test(tokens[next]!.text) &&
      adjacent(span.last, next)
    )
      span.last = next;
    out.push(span);
  }
  // A country (or a capital, away from the start of a sentence) that the model left outside any entity.
  for (let i = 0; i < tokens.length; i++) {
    if (doc.gazetteerPosition[i] !== 0 && doc.gazetteerPosition[i] !== 3) continue;
    const bits = doc.gazetteerBits[i]!;
    if (!(bits & COUNTRY) && !(bits & CAPITAL && !doc.initial[i])) continue;
    let last = i;
    while (doc.gazetteerPosition[last] !== 3 && doc.gazetteerPosition[last] !== 2 && last + 1 < tokens.length)
      last++;
    let outside = true;
    for (let j = i; j <= last; j++) outside &&= labels[j] === OUTSIDE;
    if (outside) out.push({ type: 'LOCATION', first: i, last });
    i = last;
  }
  return out.sort((a, b) => a.first - b.first);
}

/**
 * A country's name alone is the place, also where the context reads like an organisation ("the US rose"):
 * CoNLL counts national teams and governments called by the country's name as places too. So is a
 * well-known city right after "in", "at", "from" or "near" ("Teachers in Leeds said"), which CoNLL's
 * football results taught the model to read as a club.
 */
function countriesArePlaces(
  spans: TokenSpan[],
  tokens: Token[],
  doc: DocumentFeatures,
  model: NerModel,
): TokenSpan[] {
  for (const span of spans) {
    if (span.type !== 'ORGANIZATION' || span.first !== span.last) continue;
    const bits = model.gazetteer.get(sequenceHash(doc.word, span.first, span.first + 1));
    const before = tokens[span.first - 1]?.text;
    if (bits & COUNTRY || (bits & MAJOR_PLACE && before !== undefined && PLACE_PREPOSITION.test(before)))
      span.type = 'LOCATION';
  }
  return spans;
}

/**
 * The first pass only matters through the types it gives to words that occur more than once in the
 * document (DocumentFeatures.key), so in each sentence it stops after the last such word, and skips
 * sentences without one; the second pass decodes every sentence.
 */
export function decodeTwoPasses(doc: DocumentFeatures, model: NerModel): Int32Array {
  const sentences = doc.sentenceStart.length - 1;
  const until = new Int32Array(sentences);
  for (let s = 0; s < sentences; s++) {
    for (let i = doc.sentenceStart[s + 1]! - 1; i >= doc.sentenceStart[s]!; i--) {
      if (doc.key[i]! >= 0) {
        until[s] = i + 1;
        break;
      }
    }
  }
  const labels = new Int32Array(doc.count);
  const [firstStatic, secondStatic] = model.staticScores(doc);
  const skip = doc.markedBy(model.alwaysOutside);
  decodeGreedy(doc, model.first, undefined, undefined, { until, labels }, firstStatic, skip);
  const docTypes = doc.documentTypes(labels);
  return decodeGreedy(doc, model.second, docTypes, undefined, undefined, secondStatic, skip);
}

/** Tokenizes text and runs the two passes of the model: spans are JS string offsets into `text`. */
export function recognize(model: NerModel, text: string): Recognition {
  const sentences = splitSentences(text, tokenize(text));
  // Array.prototype.flat is several times slower than this loop in V8.
  const tokens: Token[] = [];
  for (const sentence of sentences) for (const token of sentence) tokens.push(token);
  const doc = new DocumentFeatures(sentences, model.gazetteer);
  const labels = decodeTwoPasses(doc, model);
  const repaired = repair(text, tokens, labels, doc, model);
  const bounded = tailsOfLongerNames(cleanBoundaries(repaired, tokens, doc), tokens, text, doc, model);
  const typed = countriesArePlaces(
    companiesBySuffix(typeByHead(bounded, tokens), tokens, text),
    tokens,
    doc,
    model,
  );
  const numbered = numberedNames(
    qualifiersBeforeRoles(
      joinNameParts(
        text,
        tokens,
        initialsBeforeSurnames(
          personsAfterHonorifics(typed, tokens, doc, SENTENCE_WORDS),
          tokens,
          doc,
          SENTENCE_WORDS,
        ),
        doc,
        model,
        SENTENCE_WORDS,
      ),
      tokens,
      doc,
      model,
    ),
    tokens,
    doc,
  );
  const cleaned = loneNamesThatAreThings(
    firmsThatArePeople(numbered, tokens, doc, model),
    tokens,
    doc,
    model,
  );
  const spans = cleaned.map((s) => ({
    type: s.type,
    start: tokens[s.first]!.start,
    end: tokens[s.last]!.end,
  }));
  return { tokens, spans };
}
