import { entityId } from '../../article/entity-id';
import type { Entity, EntityType } from '../../article/schema';
import type { Cluster } from './cluster';
import type { Lexicon } from './lexicon';
import { foldName, isAbbreviation, isSurnameOnly, wholeWordStarts } from './names';
import { nicknameForms } from './nicknames';

// Unicode-property patterns are module constants: esbuild (tsx, and the bundle at target node20) turns a
// \p{...} literal into `new RegExp(...)`, which would then be rebuilt on every call.
const LETTER = /\p{L}/u;
const WORD_START = /(^|[\s'’-])(\p{L})/gu;

/** What salience is measured against: the article's length, busiest entity and headline. */
export interface SalienceScale {
  bodyLength: number;
  maxCount: number;
  foldedTitle: string;
}

/**
 * A cluster as the entity the article stores: a canonical name (the longest full form), aliases (every
 * other name form; descriptions are not names), the most informative role, gender, and salience from
 * count, position and headline.
 */
export function toEntity(c: Cluster, scale: SalienceScale, lexicon: Lexicon): Entity {
  c.mentions.sort((a, b) => a.start - b.start);
  const mentions = [...c.mentions, ...c.descriptions].sort((a, b) => a.start - b.start);
  const forms = countForms(c.mentions.map((m) => m.text));
  // Nicknames and a stage name's real name are aliases, never the name.
  const aliasOnly = c.type === 'PERSON' ? withoutNicknames(forms) : [];
  for (const form of c.aliasOnly) if (forms.size > 1 && forms.delete(form)) aliasOnly.push(form);
  const outsideForms = countForms(c.outside.map((m) => m.text));
  const name = canonicalName(c, forms, outsideForms, lexicon);
  const aliases = [...new Set([...forms.keys(), ...outsideForms.keys(), ...aliasOnly])].filter(
    (a) => a !== name,
  );
  const inTitle =
    c.outside.some((m) => m.where === 'title') ||
    (scale.foldedTitle !== '' &&
      [name, ...aliases].some((a) => containsWord(scale.foldedTitle, foldName(a))));
  const first = mentions[0]?.start ?? scale.bodyLength;
  const frequency = Math.log1p(mentions.length) / Math.log1p(scale.maxCount);
  const position = scale.bodyLength > 0 ? 1 - first / scale.bodyLength : 0;
  const salience = Math.min(1, 0.6 * frequency + 0.2 * position + (inTitle ? 0.2 : 0));
  const entity: Entity = {
    id: cachedEntityId(c.type, name),
    type: c.type,
    name,
    aliases,
    salience: Math.round(salience * 1000) / 1000,
    mentions,
  };
  // A title beats a bare honorific.
  const role = c.titles[0] ?? c.honorific;
  if (role) entity.role = role;
  if (c.type === 'PERSON') {
    if (c.gender) entity.gender = c.gender;
    // A stage name with its real name ("Jay-Z") is a whole name, not a surname for the archive to link.
    if (isSurnameOnly(name) && c.aliasOnly.size === 0) entity.partialName = true;
  }
  return entity;
}

/**
 * 'Marion "Suge" Knight' is the form "Marion Knight", which may name the entity, and the alias "Suge
 * Knight", which never does (however long): the nicknames, out of `forms`.
 */
function withoutNicknames(forms: Map<string, number>): string[] {
  const nicknames: string[] = [];
  for (const [form, count] of [...forms]) {
    const split = nicknameForms(form);
    if (!split) continue;
    forms.delete(form);
    forms.set(split[0], (forms.get(split[0]) ?? 0) + count);
    nicknames.push(split[1]);
  }
  return nicknames;
}

function countForms(texts: string[]): Map<string, number> {
  const forms = new Map<string, number>();
  for (const t of texts) forms.set(t, (forms.get(t) ?? 0) + 1);
  return forms;
}

function canonicalName(
  c: Cluster,
  forms: Map<string, number>,
  outsideForms: Map<string, number>,
  lexicon: Lexicon,
): string {
  // A person named in full only in the headline or a caption keeps that full name.
  const pool =
    forms.size === 0 ? outsideForms : c.type === 'PERSON' ? new Map([...outsideForms, ...forms]) : forms;
  // The longest full form names the entity; an abbreviation only when nothing else is known.
  let name = '';
  let nameCount = 0;
  for (const [form, count] of pool) {
    const better =
      name === '' ||
      (isAbbreviation(name) && !isAbbreviation(form)) ||
      (isAbbreviation(name) === isAbbreviation(form) &&
        (form.length > name.length || (form.length === name.length && count > nameCount)));
    if (better) {
      name = form;
      nameCount = count;
    }
  }
  const alias =
    c.type === 'LOCATION'
      ? lexicon.placeAliases[foldName(name)]
      : c.type === 'ORGANIZATION'
        ? lexicon.organisationAliases[foldName(name)]
        : undefined;
  if (alias) name = alias;
  // A dateline or headline in capitals ("WASHINGTON") names a place or person in ordinary case;
  // organisations keep theirs (UNESCO).
  if (
    (c.type === 'LOCATION' || c.type === 'PERSON') &&
    name.length > 4 &&
    name === name.toUpperCase() &&
    LETTER.test(name)
  ) {
    name = name.toLowerCase().replace(WORD_START, (_, sep: string, ch: string) => sep + ch.toUpperCase());
  }
  return name;
}

// entityId folds and slugifies with Unicode regular expressions on every call; canonical names repeat
// within an article and across articles.
const ids = new Map<string, string>();
function cachedEntityId(type: EntityType, name: string): string {
  const key = `${type}\u0000${name}`;
  let id = ids.get(key);
  if (id === undefined) {
    id = entityId(type, name);
    // Bounded so that a long-lived Lambda's memory stays flat.
    if (ids.size > 20_000) ids.clear();
    ids.set(key, id);
  }
  return id;
}

function containsWord(haystack: string, needle: string): boolean {
  return needle.length > 0 && wholeWordStarts(haystack, needle).length > 0;
}
