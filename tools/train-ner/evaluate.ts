import type { EntityType } from '../../shared/article/schema';
import type { TypedSpan } from '../../shared/tag/ner/spans';

export interface TypeScore {
  gold: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Evaluation {
  byType: Record<EntityType, TypeScore>;
  /** PER/LOC/ORG micro-average: the figure the issue sets the bar on. */
  perLocOrg: TypeScore;
  all: TypeScore;
}

function score(gold: number, predicted: number, correct: number): TypeScore {
  const precision = predicted === 0 ? 0 : correct / predicted;
  const recall = gold === 0 ? 0 : correct / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { gold, predicted, correct, precision, recall, f1 };
}

/** Entity-level exact match (same type, same start and end) over documents' character spans. */
export function evaluate(pairs: Iterable<{ gold: TypedSpan[]; predicted: TypedSpan[] }>): Evaluation {
  const types: EntityType[] = ['PERSON', 'ORGANIZATION', 'LOCATION', 'MISC'];
  const counts = Object.fromEntries(types.map((t) => [t, { gold: 0, predicted: 0, correct: 0 }])) as Record<
    EntityType,
    { gold: number; predicted: number; correct: number }
  >;
  for (const { gold, predicted } of pairs) {
    const goldKeys = new Set(gold.map((s) => `${s.type}:${s.start}:${s.end}`));
    for (const s of gold) counts[s.type].gold++;
    for (const s of predicted) {
      counts[s.type].predicted++;
      if (goldKeys.has(`${s.type}:${s.start}:${s.end}`)) counts[s.type].correct++;
    }
  }
  const sum = (ts: EntityType[]) =>
    ts.reduce(
      (acc, t) => ({
        gold: acc.gold + counts[t].gold,
        predicted: acc.predicted + counts[t].predicted,
        correct: acc.correct + counts[t].correct,
      }),
      { gold: 0, predicted: 0, correct: 0 },
    );
  const three = sum(['PERSON', 'ORGANIZATION', 'LOCATION']);
  const four = sum(types);
  return {
    byType: Object.fromEntries(
      types.map((t) => [t, score(counts[t].gold, counts[t].predicted, counts[t].correct)]),
    ) as Record<EntityType, TypeScore>,
    perLocOrg: score(three.gold, three.predicted, three.correct),
    all: score(four.gold, four.predicted, four.correct),
  };
}
