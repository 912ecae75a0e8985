import type { Gender } from './items';

/**
 * Whether a person an article names only by surname ("Mr Blair") is the archive's full-name person
 * with that surname ("Tony Blair"). Pure: the same evidence and candidates give the same answer, so
 * the store re-runs it whenever a candidate appears or its evidence grows, and the archive converges
 * on the same decisions whatever the arrival order.
 */

export interface PartialEvidence {
  /** The surname as the article writes it. */
  name: string;
  gender?: Gender;
  /** Titles the article writes before the name ("president", "dr"), without Mr, Mrs or Ms. */
  titles?: readonly string[];
  /** The article's other entities (archive ids). */
  coEntities: readonly string[];
  /** yyyy-mm of the article's date. */
  month: string;
}

export interface Candidate {
  id: string;
  name: string;
  gender?: Gender;
  /** Titles written before the candidate's full name in its articles ("US President George W Bush"). */
  titles: readonly string[];
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
  /(?:^|\s)(mr|mrs|ms|miss|mx|dr|prof|professor|lord|lady|president|chancellor|senator|governor|prime minister)\.?$/i;
/** Addresses that say nothing about who the person is, only that the next word is a surname. */
const PLAIN_ADDRESS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx']);
/** Offices a news archive rarely shares between two people of one surname at one time. */
const OFFICES = new Set(['president', 'chancellor', 'senator', 'governor', 'prime minister']);

/** Whether an article addresses a surname-only person in a way that makes the surname evidence. */
export function addressedBySurname(mentions: readonly { role?: string }[] | undefined): boolean {
  return (mentions ?? []).some((m) => m.role !== undefined && SURNAME_ADDRESS.test(m.role.trim()));
}

/** The titles (not Mr, Mrs, Ms) written before a person's mentions, folded: "US President" -> "president". */
export function titlesOf(mentions: readonly { role?: string }[] | undefined): string[] {
  const titles = new Set<string>();
  for (const m of mentions ?? []) {
    const title = SURNAME_ADDRESS.exec(m.role?.trim() ?? '')?.[1]?.toLowerCase();
    if (!title || PLAIN_ADDRESS.has(title)) continue;
    titles.add(title === 'professor' ? 'prof' : title);
  }
  return [...titles].sort();
}

/**
 * What evidence is worth. A shared person or organisation is specific; places and nationalities
 * ("United States", "European") go with half the archive, so many of them add up to little. The title
 * the candidate is written with elsewhere ("President Bush" and "US President George W Bush") is
 * strong, an office more than a "Dr". On the 896 BBC stories the wrong links of a simpler rule (any one
 * shared entity) each rested on one place or one person: "Mr Williams" on the United States,
 * "Dr Arnold" on an actress from an awards list. So a link needs two pieces of evidence, and must beat
 * the next namesake by one whole piece.
 */
const weights = { specific: 1, common: 0.25, commonAtMost: 0.75, office: 1.5, title: 1 };
const linkAt = 1.5;
const marginOverNext = 1;

/** Candidates further than this from the article's month carry no time evidence. */
const monthsOfTimeEvidence = 12;

/** Months close enough to count as evidence: what score() weighs and touches() must agree on. */
const nearInTime = (a: string, b: string) => Math.abs(monthIndex(a) - monthIndex(b)) <= monthsOfTimeEvidence;

interface Scored {
  c: Candidate;
  score: number;
  shared: string[];
  title?: string;
  near: boolean;
}

function score(evidence: PartialEvidence, c: Candidate): Scored {
  const mine = new Set(evidence.coEntities);
  const shared = c.coEntities.filter((id) => mine.has(id)).sort();
  const specific = shared.filter(isSpecific).length;
  const common = Math.min(weights.commonAtMost, (shared.length - specific) * weights.common);
  const title = (evidence.titles ?? []).find((t) => c.titles.includes(t));
  const titleScore = title ? (OFFICES.has(title) ? weights.office : weights.title) : 0;
  return {
    c,
    score: specific * weights.specific + common + titleScore,
    shared,
    title,
    near: c.months.some((m) => nearInTime(m, evidence.month)),
  };
}

/** People and organisations (by the type prefix of their id) tell namesakes apart; places rarely do. */
function isSpecific(entityId: string): boolean {
  return entityId.startsWith('per-') || entityId.startsWith('org-');
}

function describe(s: Scored): string {
  const parts = [
    ...(s.title ? [`the title "${s.title}"`] : []),
    ...(s.shared.length ? [`${s.shared.length} co-mentioned (${s.shared.join(', ')})`] : []),
  ];
  return `${s.c.name} (${parts.length ? parts.join(' and ') : 'nothing shared'}, score ${s.score})`;
}

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
  const scored = compatible
    .map((c) => score(evidence, c))
    .sort((a, b) => b.score - a.score || Number(b.near) - Number(a.near) || a.c.id.localeCompare(b.c.id));
  const [best, second] = [scored[0]!, scored[1]];
  const apart = (why: string): LinkDecision => ({ reason: why, candidates: compatible.map((c) => c.id) });
  if (best.score < linkAt)
    return apart(
      `too little evidence that ${evidence.name} is ${describe(best)}: a link needs ${linkAt}${
        second ? `; ${compatible.length} people are named ${evidence.name}` : ''
      }`,
    );
  if (second && best.score - second.score < marginOverNext) {
    // Equal evidence: nearness in time is the last thing that may still tell them apart.
    const near = scored.filter((s) => s.near && best.score - s.score < marginOverNext);
    if (near.length === 1 && near[0] === best)
      return {
        target: best.c.id,
        reason: `${describe(best)} against ${describe(second)}; only ${best.c.name} within ${monthsOfTimeEvidence} months`,
      };
    return apart(`ambiguous: ${describe(best)} against ${describe(second)}`);
  }
  return {
    target: best.c.id,
    reason: `${evidence.name} is ${describe(best)}${
      second ? `, ahead of ${describe(second)}` : `, the only full-name person named ${evidence.name}`
    }${evidence.gender ? ` of that gender` : ''}`,
  };
}

/** What a candidate gained with one article: only this can change decisions already made. */
export interface EvidenceGrowth {
  coEntities: readonly string[];
  titles: readonly string[];
  months: readonly string[];
}

/** Whether a candidate's new evidence could change an article's decision, so it must be re-decided. */
export function touches(evidence: Omit<PartialEvidence, 'name'>, growth: EvidenceGrowth): boolean {
  const company = new Set(evidence.coEntities);
  return (
    growth.coEntities.some((id) => company.has(id)) ||
    growth.titles.some((t) => evidence.titles?.includes(t)) ||
    growth.months.some((m) => nearInTime(m, evidence.month))
  );
}

function monthIndex(yyyyMm: string): number {
  return Number(yyyyMm.slice(0, 4)) * 12 + Number(yyyyMm.slice(5, 7)) - 1;
}
