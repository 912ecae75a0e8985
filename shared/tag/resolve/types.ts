import type { EntityType } from '../../article/schema';
import type { OutsideMention } from './mentions';
import { foldName } from './names';
import type { PreparedMention } from './spans';

/** An honorific says person whatever the recognizer said: "Mr Blair" is never an organisation. */
const HONORIFIC_WEIGHT = 5;
/** Names in the margins count less than the body's. */
const OUTSIDE_WEIGHT = 0.5;

/**
 * One type per surface form: the recognizer may call "Zelenskyy" a person five times and an organisation
 * once; the majority wins, the body before the margins, an honorific before both.
 */
export function typeVotes(
  mentions: PreparedMention[],
  outside: OutsideMention[],
): (folded: string, fallback: EntityType) => EntityType {
  const votes = new Map<string, Map<EntityType, number>>();
  const vote = (key: string, type: EntityType, weight: number) => {
    let v = votes.get(key);
    if (!v) {
      v = new Map();
      votes.set(key, v);
    }
    v.set(type, (v.get(type) ?? 0) + weight);
  };
  for (const m of mentions) vote(m.folded, m.type, m.honorific ? HONORIFIC_WEIGHT : 1);
  for (const m of outside) vote(foldName(m.text), m.type, OUTSIDE_WEIGHT);
  return (folded, fallback) => {
    const v = votes.get(folded);
    if (!v) return fallback;
    let best = fallback;
    let bestCount = -1;
    for (const [type, count] of v) {
      if (count > bestCount) {
        best = type;
        bestCount = count;
      }
    }
    return best;
  };
}
