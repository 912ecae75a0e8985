import { absorb, type Cluster, firstWord } from './cluster';
import { isGivenName } from './given-names';
import type { Lexicon } from './lexicon';
import { foldName, initials, isAbbreviation, words } from './names';

// Initials before a name: "JK Rowling", "R Kelly".
const INITIALS = /^\p{Lu}{1,3}\.? /u;
const texts = (c: Cluster) => [...c.mentions.map((m) => m.text), ...c.outside.map((m) => m.text)];

/** "NATO" joins "North Atlantic Treaty Organization" when both appear as the same type. */
export function mergeAbbreviations(clusters: Cluster[]): void {
  for (let i = 0; i < clusters.length; i++) {
    const c = clusters[i]!;
    const forms = texts(c);
    if (c.type === 'PERSON' || !forms.every(isAbbreviation)) continue;
    const abbreviation = forms[0]!.replace(/\./g, '');
    const target = clusters.find(
      (o) =>
        o !== c &&
        o.type === c.type &&
        texts(o).some((t) => words(t).length > 1 && initials(t) === abbreviation),
    );
    if (!target) continue;
    absorb(target, c);
    clusters.splice(i--, 1);
  }
}

/**
 * An organisation's short form joins it: "Cairn" joins "Cairn Energy", "Allied" "Allied Domecq", "Wimpey"
 * "George Wimpey" (by the last word, where no name starts with it), and "US Federal Reserve" the
 * article's "Federal Reserve". The short form may have been typed anything but a
 * place the lexicon knows or a person the text marks as one (an honorific, a title, a full name), and
 * the article must have exactly one organisation it can belong to.
 */
export function mergeOrganisationShortForms(clusters: Cluster[], lexicon: Lexicon): void {
  const organisations = () => clusters.filter((c) => c.type === 'ORGANIZATION');
  // Every merge restarts the scan: fold each cluster's forms once, again only for the one that grew.
  const foldedForms = new Map<Cluster, string[]>();
  const folded = (c: Cluster) => {
    let forms = foldedForms.get(c);
    if (!forms) {
      forms = texts(c).map(foldName);
      foldedForms.set(c, forms);
    }
    return forms;
  };
  for (let i = 0; i < clusters.length; i++) {
    const c = clusters[i]!;
    const forms = folded(c);
    if (forms.length === 0) continue;
    let target: Cluster | undefined;
    if (forms.every((f) => !f.includes(' ')) && isShortFormCandidate(c, forms, lexicon)) {
      const owners = organisations().filter(
        (o) => o !== c && o.keys.size > 0 && folded(o).some((f) => isFirstWordOf(f, forms[0]!)),
      );
      if (owners.length === 1) target = owners[0];
      else if (owners.length === 0) target = lastWordOwner(c, forms[0]!, clusters, folded);
    } else if (c.type === 'ORGANIZATION') {
      // "US Federal Reserve": a place before another organisation of the article.
      const [first, ...rest] = forms[0]!.split(' ');
      if (rest.length > 0 && lexicon.placeAliases[first!]) {
        const tail = rest.join(' ');
        target = organisations().find((o) => o !== c && folded(o).includes(tail));
      }
    }
    if (!target) continue;
    absorb(target, c);
    foldedForms.delete(target);
    clusters.splice(i, 1);
    i = -1;
  }
}

/**
 * The one name of the article that ends in a one-word person's or organisation's word: "Wimpey" is
 * "George Wimpey" (the housebuilder), a "person" "Fund" is the "Child Trust Fund", "Telegraph" the
 * "Sunday Telegraph". A person's word only joins a name that is not a person's (a person's surname has
 * joined its full name already), written at least as often, and not like a person's own; an
 * organisation's only an organisation.
 */
function lastWordOwner(
  c: Cluster,
  word: string,
  clusters: Cluster[],
  folded: (c: Cluster) => string[],
): Cluster | undefined {
  if (c.type !== 'PERSON' && c.type !== 'ORGANIZATION') return undefined;
  const owners = clusters.filter(
    (o) =>
      o !== c &&
      (c.type === 'PERSON' ? o.type !== 'PERSON' : o.type === 'ORGANIZATION') &&
      folded(o).some((f) => f.endsWith(` ${word}`)),
  );
  const owner = owners.length === 1 ? owners[0]! : undefined;
  if (!owner || c.type !== 'PERSON') return owner;
  // A person's word stays a person's where the longer name reads like a person's own ("JK Rowling",
  // "Robert Bosch", typed otherwise) or is the rarer form ("Elvis" seven times, "European Elvis" once).
  const personLike =
    folded(owner).some((f) => isGivenName(firstWord(f))) || texts(owner).some((t) => INITIALS.test(t));
  return personLike || c.mentions.length > owner.mentions.length ? undefined : owner;
}

function isShortFormCandidate(c: Cluster, forms: string[], lexicon: Lexicon): boolean {
  if (new Set(forms).size !== 1) return false;
  if (c.type === 'PERSON') return !c.honorific && c.titles.length === 0 && c.fullNames.length === 0;
  if (c.type === 'LOCATION') return !lexicon.placeAliases[forms[0]!];
  // A MISC word is mostly a nationality ("Chinese"), not a company's first word.
  return c.type === 'ORGANIZATION';
}

function isFirstWordOf(name: string, word: string): boolean {
  return name.startsWith(`${word} `);
}
