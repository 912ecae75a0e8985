import { EITHER, FEMALE, MALE } from './given-names-data';

type Gender = 'female' | 'male';

/** Folded given name -> the gender it says, or null when it says none. Built on first use. */
let known: Map<string, Gender | null> | undefined;

function table(): Map<string, Gender | null> {
  if (!known) {
    known = new Map();
    for (const name of EITHER.split(' ')) known.set(name, null);
    for (const name of FEMALE.split(' ')) known.set(name, 'female');
    for (const name of MALE.split(' ')) known.set(name, 'male');
  }
  return known;
}

/** Whether a folded word is a common English given name ("roly" is not, "charles" is). */
export function isGivenName(folded: string): boolean {
  return table().has(folded);
}

/**
 * The gender a folded given name says when English gives it to one sex ("kate", "bill", "hillary");
 * undefined for names given to both ("chris", "jan", "andrea") and for names not on the list.
 */
export function givenNameGender(folded: string): Gender | undefined {
  return table().get(folded) ?? undefined;
}
