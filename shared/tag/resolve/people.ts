import { isNameParticle } from '../particles';
import { type Cluster, firstWord, lastWord, newCluster } from './cluster';
import { misspeltSurname } from './misspellings';
import { similarNames } from './names';

/** A person mention to place: its folded name, where it is (-1 outside the body), the gender it says. */
export interface PersonForm {
  folded: string;
  start: number;
  gender?: 'female' | 'male' | undefined;
  /** A surname with particles written as a name of its own ("Van de Vijver"), not a full name. */
  surnameOnly?: boolean;
}

/**
 * The people of one article. "Tony Blair", "Blair" and "Mr Blair" are one person; "Mrs Clinton" is
 * not the "Bill Clinton" of the same article when a woman of that name is there too: a surname goes to
 * the person of its gender, and among several, to the one named most recently before it.
 */
export class People {
  readonly clusters: Cluster[] = [];

  place(form: PersonForm): Cluster {
    const c = this.find(form) ?? this.add(form.folded);
    c.keys.add(form.folded);
    if (form.folded.includes(' ') && !form.surnameOnly && !c.fullNames.includes(form.folded))
      c.fullNames.push(form.folded);
    if (form.gender) c.gender ??= form.gender;
    return c;
  }

  private add(folded: string): Cluster {
    const c = newCluster('PERSON', folded);
    this.clusters.push(c);
    return c;
  }

  private find(form: PersonForm): Cluster | undefined {
    const { folded, gender, surnameOnly } = form;
    const fits = (c: Cluster) => !gender || !c.gender || c.gender === gender;
    // Folded names have single spaces between words.
    const multi = folded.includes(' ') && !surnameOnly;
    const candidates = this.clusters.filter(
      (c) =>
        fits(c) &&
        (c.keys.has(folded) ||
          c.fullNames.some((full) =>
            multi
              ? (similarNames(lastWord(full), lastWord(folded)) &&
                  similarNames(firstWord(full), firstWord(folded))) ||
                // "Mr Baez Silva" is "Carlos Baez Silva": a compound surname is the end of the full name.
                full.endsWith(` ${folded}`)
              : similarNames(lastWord(full), lastWord(folded)) || wordBeforeParticles(full) === folded,
          )),
    );
    if (candidates.length === 1) return candidates[0];
    if (candidates.length > 1) return mostRecent(candidates, form.start) ?? candidates[0];
    // A bare given name ("Abiy" for Abiy Ahmed) when exactly one person in the article has it.
    if (!multi) {
      const byGivenName = this.clusters.filter(
        (c) => fits(c) && c.fullNames.some((full) => firstWord(full) === folded),
      );
      if (byGivenName.length === 1) return byGivenName[0];
      // "Mr Ebber" beside "Bernie Ebbers": a slip, when exactly one person of the article fits it.
      const bySlip = this.clusters.filter(
        (c) => fits(c) && c.fullNames.some((full) => misspeltSurname(lastWord(full), folded)),
      );
      if (bySlip.length === 1) return bySlip[0];
    }
    return undefined;
  }
}

/** The cluster named last before `start` (none for a mention outside the body). */
function mostRecent(clusters: Cluster[], start: number): Cluster | undefined {
  let best: Cluster | undefined;
  let bestAt = -1;
  for (const c of clusters) {
    for (const m of c.mentions) {
      if (m.start < start && m.start > bestAt) {
        best = c;
        bestAt = m.start;
      }
    }
  }
  return best;
}

/** "lula" in "luiz inacio lula da silva": the name word before a particle, past the given name. */
function wordBeforeParticles(full: string): string | undefined {
  // Names of three words or fewer have none: most names, at the cost of one scan.
  const second = full.indexOf(' ', full.indexOf(' ') + 1);
  if (second < 0 || full.indexOf(' ', second + 1) < 0) return undefined;
  const words = full.split(' ');
  for (let i = 2; i < words.length - 1; i++) if (isNameParticle(words[i]!)) return words[i - 1];
  return undefined;
}
