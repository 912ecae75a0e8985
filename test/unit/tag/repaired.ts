import type { EntityType } from '../../../shared/article/schema';
import { loadModel } from '../../../shared/tag/load-model';
import { DocumentFeatures } from '../../../shared/tag/ner/document-features';
import type { TokenSpan } from '../../../shared/tag/ner/spans';
import { splitSentences, type Token, tokenize } from '../../../shared/tag/ner/tokenize';

/** [type, surface] after a repair step, from the spans a model gave (as [type, surface], in text order). */
export function repaired(
  text: string,
  given: [EntityType, string][],
  step: (tokens: Token[], spans: TokenSpan[], doc: DocumentFeatures) => TokenSpan[],
): [EntityType, string][] {
  const sentences = splitSentences(text, tokenize(text));
  const tokens = sentences.flat();
  const doc = new DocumentFeatures(sentences, loadModel().gazetteer);
  let from = 0;
  const spans: TokenSpan[] = given.map(([type, surface]) => {
    const start = text.indexOf(surface, from);
    from = start + surface.length;
    const first = tokens.findIndex((t) => t.start === start);
    const last = tokens.findIndex((t) => t.end === start + surface.length);
    return { type, first, last };
  });
  return step(tokens, spans, doc).map((s) => [
    s.type,
    text.slice(tokens[s.first]!.start, tokens[s.last]!.end),
  ]);
}
