import { entityId } from '../../article/entity-id';
import type { Entity, EntityType, Mention } from '../../article/schema';
import { isTitleWord } from '../titles';
import type { Lexicon } from './lexicon';
import type { FoundMention, OutsideMention } from './mentions';
import { foldName, initials, isAbbreviation, similarNames, wordCount, words } from './names';
import { roleBefore } from './roles';

// Unicode-property patterns are module constants: esbuild (tsx, and the bundle at target node20) turns a
// \p{...} literal into `new RegExp(...)`, which would then be rebuilt on every call.
const ALPHANUMERIC = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;
const WORD_START = /(^|[\s'’-])(\p{L})/gu;

interface Cluster {
  type: EntityType;
  /** Body mentions, in text order once sorted. */
  mentions: Mention[];
  outside: OutsideMention[];
  role?: string;
  /** Folded keys and last names this cluster answers to. */
  keys: Set<string>;
  /** For people: the distinct full names (two words or more), folded. */
  fullNames: string[];
}

/** Trims what recognizers leave around names: a leading "the", a trailing possessive, title words. */
function clean(body: string, m: FoundMention): FoundMention | undefined {
  let { start, end } = m;
  let text = body.slice(start, end);
  const lead = /^(?:the|The)\s+/.exec(text);
  if (lead && m.type !== 'MISC') {
    start += lead[0].length;
    text = text.slice(lead[0].length);
  }
  const possessive = /['’]s?$/.exec(text);
  if (possessive) {
    end -= possessive[0].length;
    text = text.slice(0, -possessive[0].length);
  }
  if (m.type === 'PERSON') {
    for (;;) {
      const first = /^(\S+)\s+/.exec(text);
      if (!first || !isTitleWord(first[1]!)) break;
      start += first[0].length;
      text = text.slice(first[0].length);
    }
    if (isTitleWord(text)) return undefined;
  }
  text = text.trim();
  if (text.length === 0 || !ALPHANUMERIC.test(text)) return undefined;
  return { type: m.type, start, end: start + text.length };
}

/** A person's name split by the recognizer ("Boris" + "Pistorius" with only a space between) is one name. */
function joinAdjacentPeople(body: string, mentions: FoundMention[]): FoundMention[] {
  const out: FoundMention[] = [];
  for (const m of mentions) {
    const last = out[out.length - 1];
    if (last && last.type === 'PERSON' && m.type === 'PERSON' && /^ $/.test(body.slice(last.end, m.start))) {
      last.end = m.end;
    } else out.push({ type: m.type, start: m.start, end: m.end });
  }
  return out;
}

/** The last and first words of a folded name (single spaces between words). */
function lastWord(folded: string): string {
  return folded.slice(folded.lastIndexOf(' ') + 1);
}

function firstWord(folded: string): string {
  const space = folded.indexOf(' ');
  return space < 0 ? folded : folded.slice(0, space);
}

/** words(text).length > 1 without building the list. */
const hasTwoWords = (text: string) => /\S\s+\S/.test(text);

/**
 * Groups the mentions of one article into entities: one entity per real thing, with a canonical name (the
 * longest full form), aliases, the role the text gives, and salience from count, position and headline.
 * Entities seen only outside the body (title, captions, source, credits) have no mentions: mention offsets
 * always point into the body.
 */
export function resolveEntities(
  body: string,
  found: FoundMention[],
  outside: OutsideMention[],
  lexicon: Lexicon,
  title = '',
): Entity[] {
  const cleaned = joinAdjacentPeople(
    body,
    [...found].sort((a, b) => a.start - b.start),
  )
    .map((m) => clean(body, m))
    .filter((m): m is FoundMention => m !== undefined)
    // Each surface form sliced and folded once: the steps below look it up several times.
    .map((m) => {
      const text = body.slice(m.start, m.end);
      // Literal objects, not spreads: V8 copies a spread property by property, generically.
      return {
        type: m.type,
        start: m.start,
        end: m.end,
        text,
        folded: foldName(text),
        length: wordCount(text),
      };
    });
  const outsideFolded = outside.map((m) => foldName(m.text));

  // One type per surface form: the recognizer may call "Zelenskyy" a person five times and an
  // organisation once; the majority wins, the body before the margins.
  const votes = new Map<string, Map<EntityType, number>>();
  const vote = (key: string, type: EntityType, weight: number) => {
    let v = votes.get(key);
    if (!v) {
      v = new Map();
      votes.set(key, v);
    }
    v.set(type, (v.get(type) ?? 0) + weight);
  };
  for (const m of cleaned) vote(m.folded, m.type, 1);
  outside.forEach((m, k) => {
    vote(outsideFolded[k]!, m.type, 0.5);
  });
  const typeOf = (folded: string, fallback: EntityType): EntityType => {
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

  // Full names of people first, so that a bare surname finds the person it belongs to.
  const personFull = new Set<string>();
  for (const m of cleaned) {
    if (typeOf(m.folded, m.type) === 'PERSON' && hasTwoWords(m.text)) personFull.add(m.folded);
  }
  outside.forEach((m, k) => {
    if (m.type === 'PERSON' && hasTwoWords(m.text)) personFull.add(outsideFolded[k]!);
  });
  const surnames = [...personFull].map(lastWord);
  const surnameMemo = new Map<string, boolean>();
  const isSurnameOfPerson = (folded: string) => {
    let yes = surnameMemo.get(folded);
    if (yes === undefined) {
      yes = !lexicon.placeAliases[folded] && surnames.some((s) => similarNames(s, folded));
      surnameMemo.set(folded, yes);
    }
    return yes;
  };

  const clusters: Cluster[] = [];
  const findCluster = (type: EntityType, folded: string): Cluster | undefined => {
    if (type === 'PERSON') {
      // Folded names have single spaces between words.
      const multi = folded.includes(' ');
      for (const c of clusters) {
        if (c.type !== 'PERSON') continue;
        if (c.keys.has(folded)) return c;
        for (const full of c.fullNames) {
          if (multi) {
            if (
              similarNames(lastWord(full), lastWord(folded)) &&
              similarNames(firstWord(full), firstWord(folded))
            )
              return c;
          } else if (similarNames(lastWord(full), folded)) return c;
        }
      }
      // A bare given name ("Abiy" for Abiy Ahmed) when exactly one person in the article has it.
      if (!multi) {
        const byGivenName = clusters.filter(
          (c) => c.type === 'PERSON' && c.fullNames.some((full) => firstWord(full) === folded),
        );
        if (byGivenName.length === 1) return byGivenName[0];
      }
      return undefined;
    }
    const canonical = canonicalKey(type, folded, lexicon);
    for (const c of clusters) {
      if (c.type === type && c.keys.has(canonical)) return c;
    }
    return undefined;
  };
  const addCluster = (type: EntityType, folded: string): Cluster => {
    const c: Cluster = { type, mentions: [], outside: [], keys: new Set(), fullNames: [] };
    c.keys.add(type === 'PERSON' ? folded : canonicalKey(type, folded, lexicon));
    clusters.push(c);
    return c;
  };
  // A surface form repeats; where its first occurrence went, the others go.
  const placed: Record<EntityType, Map<string, Cluster>> = {
    PERSON: new Map(),
    ORGANIZATION: new Map(),
    LOCATION: new Map(),
    MISC: new Map(),
  };
  const place = (type: EntityType, folded: string): Cluster => {
    const known = placed[type].get(folded);
    if (known) return known;
    const c = findCluster(type, folded) ?? addCluster(type, folded);
    placed[type].set(folded, c);
    if (type === 'PERSON') {
      c.keys.add(folded);
      if (folded.includes(' ') && !c.fullNames.includes(folded)) c.fullNames.push(folded);
    } else c.keys.add(canonicalKey(type, folded, lexicon));
    return c;
  };

  const ordered = [...cleaned].sort((a, b) => b.length - a.length || a.start - b.start);
  for (const m of ordered) {
    const text = m.text;
    let type = typeOf(m.folded, m.type);
    if (type !== 'PERSON' && m.length === 1 && isSurnameOfPerson(m.folded)) type = 'PERSON';
    const c = place(type, m.folded);
    c.mentions.push({ text, start: m.start, end: m.end });
    if (type === 'PERSON' && !c.role) {
      const role = roleBefore(body, m.start);
      if (role) c.role = role;
    }
  }
  outside.forEach((m, k) => {
    const folded = outsideFolded[k]!;
    let type = typeOf(folded, m.type);
    if (type !== 'PERSON' && words(m.text).length === 1 && isSurnameOfPerson(folded)) type = 'PERSON';
    place(type, folded).outside.push(m);
  });

  mergeAbbreviations(clusters);

  const maxCount = Math.max(1, ...clusters.map((c) => c.mentions.length));
  const foldedTitle = foldName(title);
  const entities = clusters.map((c) => toEntity(c, body.length, maxCount, foldedTitle, lexicon));
  // Two clusters can land on one canonical name (a surname seen before its full name in the margins).
  const byId = new Map<string, Entity>();
  for (const e of entities) {
    const same = byId.get(e.id);
    if (!same) {
      byId.set(e.id, e);
      continue;
    }
    same.mentions = [...same.mentions, ...e.mentions].sort((a, b) => a.start - b.start);
    same.aliases = [...new Set([...same.aliases, ...e.aliases])].filter((a) => a !== same.name);
    same.salience = Math.max(same.salience, e.salience);
    same.role ??= e.role;
  }
  return [...byId.values()].sort((a, b) => b.salience - a.salience || a.name.localeCompare(b.name));
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

function canonicalKey(type: EntityType, folded: string, lexicon: Lexicon): string {
  const alias =
    type === 'LOCATION'
      ? lexicon.placeAliases[folded]
      : type === 'ORGANIZATION'
        ? lexicon.organisationAliases[folded]
        : undefined;
  return alias ? foldName(alias) : folded;
}

/** "NATO" joins "North Atlantic Treaty Organization" when both appear as the same type. */
function mergeAbbreviations(clusters: Cluster[]): void {
  for (let i = 0; i < clusters.length; i++) {
    const c = clusters[i]!;
    const texts = [...c.mentions.map((m) => m.text), ...c.outside.map((m) => m.text)];
    if (c.type === 'PERSON' || !texts.every(isAbbreviation)) continue;
    const abbreviation = texts[0]!.replace(/\./g, '');
    const target = clusters.find(
      (o) =>
        o !== c &&
        o.type === c.type &&
        [...o.mentions.map((m) => m.text), ...o.outside.map((m) => m.text)].some(
          (t) => words(t).length > 1 && initials(t) === abbreviation,
        ),
    );
    if (!target) continue;
    target.mentions.push(...c.mentions);
    target.outside.push(...c.outside);
    for (const k of c.keys) target.keys.add(k);
    clusters.splice(i--, 1);
  }
}

function toEntity(
  c: Cluster,
  bodyLength: number,
  maxCount: number,
  foldedTitle: string,
  lexicon: Lexicon,
): Entity {
  c.mentions.sort((a, b) => a.start - b.start);
  const forms = new Map<string, number>();
  for (const m of c.mentions) forms.set(m.text, (forms.get(m.text) ?? 0) + 1);
  const outsideForms = new Map<string, number>();
  for (const m of c.outside) outsideForms.set(m.text, (outsideForms.get(m.text) ?? 0) + 1);
  const pool = forms.size > 0 ? forms : outsideForms;
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
  if (isAbbreviation(name)) {
    const folded = foldName(name);
    const expanded =
      c.type === 'LOCATION'
        ? lexicon.placeAliases[folded]
        : c.type === 'ORGANIZATION'
          ? lexicon.organisationAliases[folded]
          : undefined;
    if (expanded) name = expanded;
  }
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
  const aliases = [...new Set([...forms.keys(), ...outsideForms.keys()])].filter((a) => a !== name);
  const inTitle =
    c.outside.some((m) => m.where === 'title') ||
    (foldedTitle !== '' && [name, ...aliases].some((a) => containsWord(foldedTitle, foldName(a))));
  const first = c.mentions[0]?.start ?? bodyLength;
  const frequency = Math.log1p(c.mentions.length) / Math.log1p(maxCount);
  const position = bodyLength > 0 ? 1 - first / bodyLength : 0;
  const salience = Math.min(1, 0.6 * frequency + 0.2 * position + (inTitle ? 0.2 : 0));
  const entity: Entity = {
    id: cachedEntityId(c.type, name),
    type: c.type,
    name,
    aliases,
    salience: Math.round(salience * 1000) / 1000,
    mentions: c.mentions,
  };
  if (c.role) entity.role = c.role;
  return entity;
}

function containsWord(haystack: string, needle: string): boolean {
  if (needle.length === 0) return false;
  let at = haystack.indexOf(needle);
  while (at >= 0) {
    const before = at === 0 ? ' ' : haystack[at - 1]!;
    const after = haystack[at + needle.length] ?? ' ';
    if (!ALPHANUMERIC.test(before) && !ALPHANUMERIC.test(after)) return true;
    at = haystack.indexOf(needle, at + 1);
  }
  return false;
}
