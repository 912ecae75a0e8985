import type { Entity, EntityType } from '../../article/schema';
import { type Cluster, firstWord, lastWord, newCluster } from './cluster';
import { attachDescriptions } from './descriptions';
import { toEntity } from './entity';
import { completeSurnames } from './full-names';
import { givenNameGender } from './given-names';
import { genderAfter, roleGender } from './honorifics';
import type { Lexicon } from './lexicon';
import type { FoundMention, OutsideMention } from './mentions';
import { foldName, isSurnameOnly, similarNames, wordCount } from './names';
import { joinNicknames } from './nicknames';
import { People } from './people';
import { mergeRealNames } from './real-names';
import { roleAfter } from './roles';
import { mergeAbbreviations, mergeOrganisationShortForms } from './short-forms';
import { type PreparedMention, prepareMentions, prepareOutside } from './spans';
import { speakingPeople } from './speaking-people';
import { typeVotes } from './types';
import { markWorks } from './works';

/**
 * Groups the mentions of one article into entities: one entity per real thing, with a canonical name (the
 * longest full form), aliases, the role the text gives, and salience from count, position and headline.
 * Entities seen only outside the body (title, captions, source, credits) have no mentions: mention offsets
 * always point into the body.
 */
export function resolveEntities(
  body: string,
  found: FoundMention[],
  outsideFound: OutsideMention[],
  lexicon: Lexicon,
  title = '',
): Entity[] {
  const prepared = speakingPeople(
    body,
    completeSurnames(body, joinNicknames(body, markWorks(body, prepareMentions(body, found))), lexicon),
  );
  const outside = prepareOutside(outsideFound);
  const typeOf = typeVotes(prepared, outside);
  const isSurname = surnameTest(prepared, outside, typeOf, lexicon);
  const honorificSurnames = new Set(prepared.filter((m) => m.honorific).map((m) => lastWord(m.folded)));
  const isHonorificSurname = (word: string) => honorificSurnames.has(word);
  const people = new People();
  const others = new Others(lexicon);

  // Longest names first, so that a bare surname finds the full name it belongs to.
  const ordered = [...prepared].sort((a, b) => b.length - a.length || a.start - b.start);
  for (const m of ordered) {
    const type = m.honorific
      ? 'PERSON'
      : personBySurname(typeOf(m.folded, m.type), m, isSurname, isHonorificSurname);
    const c =
      type === 'PERSON'
        ? people.place({
            folded: m.folded,
            start: m.start,
            gender: genderOf(m, body, prepared),
            surnameOnly: m.length > 1 && isSurnameOnly(m.text),
          })
        : others.place(type, m.folded);
    c.mentions.push(m.role ? { text: m.text, start: m.start, end: m.end, role: m.role } : mention(m));
    if (type === 'PERSON') notePersonRoles(c, m, body);
  }
  for (const m of outside) {
    const folded = foldName(m.text);
    const single = { folded, length: wordCount(m.text) };
    const type = personBySurname(typeOf(folded, m.type), single, isSurname);
    const gender =
      single.length > 1 && !isSurnameOnly(m.text) ? givenNameGender(firstWord(folded)) : undefined;
    const c = type === 'PERSON' ? people.place({ folded, start: -1, gender }) : others.place(type, folded);
    c.outside.push(m);
  }

  const clusters = [...people.clusters, ...others.clusters];
  mergeAbbreviations(clusters);
  mergeOrganisationShortForms(clusters, lexicon);
  mergeRealNames(body, clusters);
  attachDescriptions(
    body,
    clusters.filter((c) => c.type === 'PERSON'),
    allMentions(clusters),
  );
  return toEntities(clusters, body, title, lexicon);
}

/**
 * The gender a mention says: by its honorific or title, or for a full name by a given name English gives
 * one sex ("Kate Bush", "Bill Clinton"), else by a pronoun right after it.
 */
function genderOf(m: PreparedMention, body: string, all: PreparedMention[]): 'female' | 'male' | undefined {
  if (m.honorific?.gender) return m.honorific.gender;
  const byRole = m.title ? roleGender(m.title) : undefined;
  if (byRole) return byRole;
  if (m.length < 2 || isSurnameOnly(m.text)) return undefined;
  const byName = givenNameGender(firstWord(m.folded));
  if (byName) return byName;
  // "Esther Rantzen said he was lovely": past the article's first person, "he" is as likely someone else.
  if (all.some((o) => o.start < m.start && o.type === 'PERSON' && o.folded !== m.folded)) return undefined;
  const next = all.find((o) => o.start >= m.end);
  return genderAfter(body, m.end, next?.start ?? body.length);
}

/** Every cluster's mentions, in cluster order (a loop: flatMap costs more than the rest of the step). */
function allMentions(clusters: Cluster[]): Cluster['mentions'] {
  const out: Cluster['mentions'] = [];
  for (const c of clusters) for (const m of c.mentions) out.push(m);
  return out;
}

const mention = (m: PreparedMention) => ({ text: m.text, start: m.start, end: m.end });

/** Words that make a name an organisation's whatever surname it ends in ("Lloyds Bank", "Ford Motor"). */
const ORGANISATION_WORDS =
  /\b(?:bank|group|corp|corporation|inc|ltd|plc|co|company|motor|motors|holdings|energy|airlines?|records|studios|fund|trust|partners|associates|securities|capital|council|party|university|club|united|city|house|street)\b/;

const HONORIFIC_START = /^(?:mr|mrs|ms|miss|dr|sir|lady|lord|dame|prof|rev)\.? /;

/**
 * A name the recognizer typed otherwise is a person when it is the surname of one (one word), or a short
 * name ending in the surname of a person an honorific marks ("Drayton Valentine" beside "Mr Valentine").
 */
function personBySurname(
  type: EntityType,
  m: { folded: string; length: number },
  isSurname: (folded: string) => boolean,
  isHonorificSurname: (folded: string) => boolean = () => false,
): EntityType {
  if (type === 'PERSON') return type;
  if (m.length === 1) return isSurname(m.folded) ? 'PERSON' : type;
  // A work named with an honorific ("Mr Benn" the series, works.ts) stays one.
  if (HONORIFIC_START.test(m.folded)) return type;
  const person =
    m.length <= 3 && isHonorificSurname(lastWord(m.folded)) && !ORGANISATION_WORDS.test(m.folded);
  return person ? 'PERSON' : type;
}

function notePersonRoles(c: Cluster, m: PreparedMention, body: string): void {
  const title = m.title ?? roleAfter(body, m.end);
  if (title && !c.titles.includes(title)) c.titles.push(title);
  if (m.honorific) c.honorific ??= m.honorific.text;
}

/** Surnames of the article's people: of its full names, and of names an honorific marks ("Mr Blair"). */
function surnameTest(
  prepared: PreparedMention[],
  outside: OutsideMention[],
  typeOf: (folded: string, fallback: EntityType) => EntityType,
  lexicon: Lexicon,
): (folded: string) => boolean {
  const surnames = new Set<string>();
  for (const m of prepared) {
    if (m.honorific) surnames.add(lastWord(m.folded));
    else if (m.length > 1 && typeOf(m.folded, m.type) === 'PERSON') surnames.add(lastWord(m.folded));
  }
  for (const m of outside) {
    if (m.type === 'PERSON' && wordCount(m.text) > 1) surnames.add(lastWord(foldName(m.text)));
  }
  const memo = new Map<string, boolean>();
  return (folded) => {
    let yes = memo.get(folded);
    if (yes === undefined) {
      yes = !lexicon.placeAliases[folded] && [...surnames].some((s) => similarNames(s, folded));
      memo.set(folded, yes);
    }
    return yes;
  };
}

/** Organisations, places and the rest: one cluster per canonical key (the lexicon's, spacing aside). */
class Others {
  readonly clusters: Cluster[] = [];
  /** By type, then canonical key: no key string built per mention. */
  private readonly byType = new Map<EntityType, Map<string, Cluster>>();

  constructor(private readonly lexicon: Lexicon) {}

  place(type: EntityType, folded: string): Cluster {
    let byKey = this.byType.get(type);
    if (!byKey) {
      byKey = new Map();
      this.byType.set(type, byKey);
    }
    const key = canonicalKey(type, folded, this.lexicon);
    let c = byKey.get(key);
    if (!c) {
      c = newCluster(type, key);
      byKey.set(key, c);
      this.clusters.push(c);
    }
    return c;
  }
}

function canonicalKey(type: EntityType, folded: string, lexicon: Lexicon): string {
  const alias =
    type === 'LOCATION'
      ? lexicon.placeAliases[folded]
      : type === 'ORGANIZATION'
        ? lexicon.organisationAliases[folded]
        : undefined;
  const key = alias ? foldName(alias) : folded;
  // "TimeWarner" and "Time Warner" are one company.
  return type === 'ORGANIZATION' ? key.replace(/[\s.-]+/g, '') : key;
}

function toEntities(clusters: Cluster[], body: string, title: string, lexicon: Lexicon): Entity[] {
  const maxCount = Math.max(1, ...clusters.map((c) => c.mentions.length + c.descriptions.length));
  const scale = { bodyLength: body.length, maxCount, foldedTitle: foldName(title) };
  // Two clusters can land on one canonical name (a surname seen before its full name in the margins).
  const byId = new Map<string, Entity>();
  for (const c of clusters) {
    const e = toEntity(c, scale, lexicon);
    const same = byId.get(e.id);
    if (!same) {
      byId.set(e.id, e);
      continue;
    }
    same.mentions = [...same.mentions, ...e.mentions].sort((a, b) => a.start - b.start);
    same.aliases = [...new Set([...same.aliases, ...e.aliases])].filter((a) => a !== same.name);
    same.salience = Math.max(same.salience, e.salience);
    same.role ??= e.role;
    same.gender ??= e.gender;
  }
  return [...byId.values()].sort((a, b) => b.salience - a.salience || a.name.localeCompare(b.name));
}
