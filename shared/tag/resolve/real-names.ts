import type { Cluster } from './cluster';
import { absorb } from './cluster';

/** What joins a stage name to the real name after it: "Jay-Z, real name Shawn Carter", "Mars - real name". */
const REAL_NAME = /^(?:,|\s?[-–—(])\s*(?:whose\s+)?real name(?:\s+is)?:?\s+/;

/**
 * "Jay-Z, real name Shawn Carter", "Snoop Dogg - real name Calvin Broadus": the real name is the stage
 * name's person, not a second one. Its forms become aliases that never name the entity (the article, and
 * the archive, call him Jay-Z), and a stage name a recognizer took for a firm ("Snoop Dogg", "C-Murder")
 * is a person. The absorbed clusters leave `clusters`.
 */
export function mergeRealNames(body: string, clusters: Cluster[]): void {
  if (!body.includes('real name')) return;
  const byStart = new Map<number, Cluster>();
  for (const c of clusters) for (const m of c.mentions) byStart.set(m.start, c);
  const gone = new Set<Cluster>();
  for (const c of clusters) {
    if (gone.has(c) || c.type === 'LOCATION') continue;
    for (const m of [...c.mentions]) {
      const joint = REAL_NAME.exec(body.slice(m.end, m.end + 30));
      if (!joint) continue;
      const real = byStart.get(m.end + joint[0].length);
      if (!real || real === c || real.type !== 'PERSON' || gone.has(real)) continue;
      for (const r of real.mentions) c.aliasOnly.add(r.text);
      absorb(c, real);
      c.type = 'PERSON';
      gone.add(real);
      for (const r of real.mentions) byStart.set(r.start, c);
    }
  }
  for (let i = clusters.length - 1; i >= 0; i--) if (gone.has(clusters[i]!)) clusters.splice(i, 1);
}
