import type { NerModel } from '../../shared/tag/ner/model';
import { recognize } from '../../shared/tag/ner/recognize';
import type { RawDocument } from './conll';
import { type Evaluation, evaluate } from './evaluate';

/**
 * Scores the model as it ships: raw document text through recognize() (tokenizer, both passes, repairs),
 * compared with the gold spans by exact character offsets and type.
 */
export function evaluateModel(model: NerModel, documents: RawDocument[]): Evaluation {
  return evaluate(documents.map((d) => ({ gold: d.spans, predicted: recognize(model, d.text).spans })));
}

export function formatEvaluation(e: Evaluation): string {
  const f = (x: number) => x.toFixed(4);
  return `PER ${f(e.byType.PERSON.f1)} LOC ${f(e.byType.LOCATION.f1)} ORG ${f(e.byType.ORGANIZATION.f1)} MISC ${f(e.byType.MISC.f1)} | PER/LOC/ORG ${f(e.perLocOrg.f1)} all ${f(e.all.f1)}`;
}
