import type { Gender } from './items';

/**
 * Whether a person an article names only by surname ("Mr Blair") is the archive's full-name person
 * with that surname ("Tony Blair"). Pure: the same evidence and candidates give the same answer, so
 * the store can re-run it whenever the candidates change and converge whatever the arrival order.
 */

export interface PartialEvidence {
  /** The surname as the article writes it. */
  name: string;
  gender?: Gender;
  /** The article's other entities (archive ids). */
  coEntities: readonly string[];
  /** yyyy-mm of the article's date. */
  month: string;
}

export interface Candidate {
  id: string;
  name: string;
  gender?: Gender;
  /** Entities that appeared with the candidate. */
  coEntities: readonly string[];
  /** yyyy-mm of the candidate's articles. */
  months: readonly string[];
}

export type LinkDecision =
  | { target: string; reason: string }
  | { target?: undefined; reason: string; candidates: string[] };

/**
 * A form of address that goes with a surname: "Mr Blair", "Dr Fox", "President Bush", "the Chancellor
 * Gordon Brown". A bare "Blair", "Elvis" or "Rock" is as often a song, a film or a given name as a
 * surname, and "Sir Paul" or "Dame Judi" take a given name: on a real archive (896 BBC stories) linking
 * those by surname alone joined "Elvis" to "Early Elvis" and "Sir Paul" to "Vivek Paul".
 */
const SURNAME_ADDRESS =
  /(?:^|\s)(?:mr|mrs|ms|miss|mx|dr|prof|professor|lord|lady|president|chancellor|senator|governor|prime minister)\.?$/i;

/** Whether an article addresses a surname-only person in a way that makes the surname evidence. */
export function addressedBySurname(mentions: readonly { role?: string }[] | undefined): boolean {
  return (mentions ?? []).some((m) => m.role !== undefined && SURNAME_ADDRESS.test(m.role.trim()));
}

/** Candidates further than this from the article's month carry no time evidence. */
const monthsOfTimeEvidence = 12;

export function decideLink(evidence: PartialEvidence, candidates: readonly Candidate[]): LinkDecision {
  const sorted = [...candidates].sort((a, b) => a.id.localeCompare(b.id));
  const compatible = sorted.filter((c) => !evidence.gender || !c.gender || c.gender === evidence.gender);
  if (compatible.length === 0) {
    return {
      reason:
        sorted.length === 0
          ? `no full-name person named ${evidence.name} in the archive`
          : `the full-name people named ${evidence.name} are all of the other gender`,
      candidates: sorted.map((c) => c.id),
    };
  }
  const mine = new Set(evidence.coEntities);
  if (compatible.length === 1) {
    // The only namesake is not yet the same person ("Mr Keating", a BBC controller, is not the singer
    // Ronan Keating): the article must share company with the articles that name him in full.
    const only = compatible[0]!;
    const shared = only.coEntities.filter((id) => mine.has(id)).length;
    if (shared === 0)
      return {
        reason: `${only.name} is the only full-name person named ${evidence.name}, but shares no co-mentioned entity with this article`,
        candidates: [only.id],
      };
    return {
      target: only.id,
      reason: `the only full-name person named ${evidence.name} in the archive${
        evidence.gender ? ` of that gender` : ''
      }, sharing ${shared} co-mentioned ${shared === 1 ? 'entity' : 'entities'}`,
    };
  }
  // Several people share the surname: only shared company, then nearness in time, may tell them apart.
  const scored = compatible
    .map((c) => ({
      c,
      shared: c.coEntities.filter((id) => mine.has(id)).length,
      near: c.months.some((m) => Math.abs(monthIndex(m) - monthIndex(evidence.month)) <= monthsOfTimeEvidence)
        ? 1
        : 0,
    }))
    .sort((a, b) => b.shared - a.shared || b.near - a.near || a.c.id.localeCompare(b.c.id));
  const [best, second] = [scored[0]!, scored[1]!];
  if (best.shared > 0 && best.shared > second.shared) {
    return {
      target: best.c.id,
      reason: `${compatible.length} people named ${evidence.name}; ${best.c.name} shares ${best.shared} co-mentioned entities, the next ${second.shared}`,
    };
  }
  if (best.shared === second.shared && best.near > second.near && scored.filter((s) => s.near).length === 1) {
    return {
      target: best.c.id,
      reason: `${compatible.length} people named ${evidence.name}; only ${best.c.name} appears within ${monthsOfTimeEvidence} months`,
    };
  }
  return {
    reason: `ambiguous: ${compatible.map((c) => c.name).join(', ')} are all named ${evidence.name}`,
    candidates: compatible.map((c) => c.id),
  };
}

function monthIndex(yyyyMm: string): number {
  return Number(yyyyMm.slice(0, 4)) * 12 + Number(yyyyMm.slice(5, 7)) - 1;
}
