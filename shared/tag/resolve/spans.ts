import type { EntityType } from '../../article/schema';
import { isTitleWord } from '../titles';
import { type Honorific, honorific, honorificBefore } from './honorifics';
import type { FoundMention, OutsideMention } from './mentions';
import { foldName, wordCount } from './names';
import { roleBefore } from './roles';

// Unicode-property patterns are module constants: esbuild (tsx, and the bundle at target node20) turns a
// \p{...} literal into `new RegExp(...)`, which would then be rebuilt on every call.
const ALPHANUMERIC = /[\p{L}\p{N}]/u;
const STARTS_LOWER = /^\p{Ll}/u;
/** A surname with its particle joined on ("diCaprio", "al-Gosaibi"): no clause, though lower-case. */
const PARTICLE_JOINED = /^\p{Ll}{1,3}-?\p{Lu}\p{Ll}/u;
const STARTS_UPPER = /^\p{Lu}/u;
/** Where a name cannot go on: an HTML entity left in the text, a clause after a comma, brackets, quotes. */
const NAME_BREAK = /&#|,\s|[;:!?¿¡"“”()[\]\n]/u;

/** Words a recognizer sweeps into a name at a sentence start ("And Mr Blair", "But Tony Blair"). */
const FUNCTION_WORDS = new Set(
  (
    'and but or so yet nor then also as if when while meanwhile however both neither either for with by from to ' +
    'in on at of after before since though although because like unlike says said told'
  ).split(' '),
);

/** Lower-case words that belong inside names: "Bank of England", "Leonardo da Vinci", "Ludwig van Beethoven". */
const NAME_PARTICLES = new Set(
  'of the and for on in at de da di du del della der den van von la le les al el bin ibn y dos das st'.split(
    ' ',
  ),
);

/** In people's names only these: "Kazuhiro Takahashi of Daiwa Securities" is a person and a firm. */
const PERSON_PARTICLES = new Set(
  'de da di du del della der den van von la le al el bin ibn y dos das st'.split(' '),
);

/** A mention after cleaning: the name alone, with what the text wrote right before it. */
export interface PreparedMention {
  type: EntityType;
  start: number;
  end: number;
  text: string;
  folded: string;
  /** Words in the name. */
  length: number;
  /** The honorific or title written right before the name and kept out of the span. */
  role?: string;
  /** A title (not a bare honorific) the text gives this mention: "BA chairman", "President". */
  title?: string;
  honorific?: Honorific;
}

/**
 * Makes recognizer spans into names: drops sentence-initial function words, honorifics and titles (kept
 * as the mention's role), a trailing possessive, and anything from a clause, comma or stray entity on;
 * rejects what is left when it is no name. Robust to bad spans by design: recognizers differ.
 */
export function prepareMentions(body: string, found: FoundMention[]): PreparedMention[] {
  const out: PreparedMention[] = [];
  for (const m of joinAdjacentPeople(
    body,
    [...found].sort((a, b) => a.start - b.start),
  )) {
    const prepared = prepare(body, m);
    if (prepared) out.push(prepared);
  }
  return out;
}

interface TrimmedName {
  /** Where the name starts in the span. */
  offset: number;
  text: string;
  type: EntityType;
  honorific?: Honorific;
  titles: string[];
}

/** The name inside a recognizer's span, or undefined when there is none (see prepareMentions). */
export function trimName(span: string, spanType: EntityType): TrimmedName | undefined {
  let offset = 0;
  let text = span;
  const cut = NAME_BREAK.exec(text);
  if (cut) text = text.slice(0, cut.index);
  text = dropTrailingPunctuation(text);
  let type = spanType;
  let found: Honorific | undefined;
  const titles: string[] = [];
  for (;;) {
    const first = /^(\S+)\s+/.exec(text);
    if (!first) break;
    const word = first[1]!;
    const lower = word.toLowerCase();
    const strip =
      (FUNCTION_WORDS.has(lower) && (type !== 'MISC' || lower !== 'the')) ||
      (lower === 'the' && type !== 'MISC');
    // An honorific or title only before a capitalised name: "Lord of the Rings" is no lord.
    const beforeName = STARTS_UPPER.test(text.slice(first[0].length));
    const title = !strip && beforeName ? honorific(word) : undefined;
    const titleWord = !strip && !title && beforeName && (type === 'PERSON' || found) && isTitleWord(word);
    if (!strip && !title && !titleWord) break;
    if (title) {
      found = title;
      type = 'PERSON';
    }
    if (titleWord) titles.push(word);
    offset += first[0].length;
    text = text.slice(first[0].length);
  }
  text = cutClause(text, type);
  if (type === 'PERSON') {
    // "Treasury Under Secretary John Taylor": a qualified title inside the span is a role, not a name.
    const inner = innerTitle(text);
    if (inner) {
      titles.push(text.slice(0, inner));
      offset += inner;
      text = text.slice(inner);
    }
  }
  const possessive = /['’]s?$/.exec(text);
  if (possessive) text = text.slice(0, -possessive[0].length);
  text = text.trim();
  if (text.length === 0 || !ALPHANUMERIC.test(text)) return undefined;
  if (type === 'PERSON' && (isTitleWord(text) || honorific(text))) return undefined;
  return found ? { offset, text, type, honorific: found, titles } : { offset, text, type, titles };
}

const TRAILING = /[\s,.;:'’-]/u;

/**
 * The name without the spaces and punctuation it ends in, as /[\s,.;:'’-]+$/u would cut them (scanned
 * backwards: that expression retries from every position); a lone full stop after an initial stays ("U.S.").
 */
function dropTrailingPunctuation(text: string): string {
  let cut = text.length;
  while (cut > 0 && TRAILING.test(text[cut - 1]!)) cut--;
  if (cut === text.length) return text;
  const tail = text.slice(cut);
  return tail === '.' && /\.\S\.$/.test(text) ? text : text.slice(0, cut);
}

/** Names found outside the body, trimmed the same way ("Dame Julie Andrews" -> "Julie Andrews"). */
export function prepareOutside(outside: OutsideMention[]): OutsideMention[] {
  return outside.flatMap((m) => {
    const name = trimName(m.text, m.type);
    return name ? [{ ...m, type: name.type, text: name.text }] : [];
  });
}

function prepare(body: string, m: FoundMention): PreparedMention | undefined {
  const name = trimName(body.slice(m.start, m.end), m.type);
  if (!name) return undefined;
  const { text, titles } = name;
  const start = m.start + name.offset;
  let { type, honorific: found } = name;
  if (!found) {
    found = honorificBefore(body, start);
    if (found) type = 'PERSON';
  }
  const prepared: PreparedMention = {
    type,
    start,
    end: start + text.length,
    text,
    folded: foldName(text),
    length: wordCount(text),
  };
  const title =
    titles.length > 0 ? titles.join(' ') : type === 'PERSON' ? roleBefore(body, start) : undefined;
  if (title) prepared.title = title;
  if (found) prepared.honorific = found;
  const role = title ?? found?.text;
  if (role) prepared.role = role;
  return prepared;
}

const FOUR_WORDS = /\S\s+\S+\s+\S+\s+\S/;

/** Where the name starts after the last title word inside a span, when a name of two words follows. */
function innerTitle(text: string): number | undefined {
  // Most names have fewer than four words, where the loop below never runs.
  if (!FOUR_WORDS.test(text)) return undefined;
  const words = [...text.matchAll(/\S+/g)];
  for (let i = words.length - 3; i >= 1; i--) {
    if (isTitleWord(words[i]![0])) return words[i + 1]!.index;
  }
  return undefined;
}

/** "Mr Blair we are not" -> "Mr Blair": a name stops at its first lower-case word that is no particle. */
function cutClause(text: string, type: EntityType): string {
  if (type === 'MISC') return text;
  // Word by word as text.split(' ') would give them, without building the list.
  for (let space = text.indexOf(' '); space >= 0; ) {
    const next = text.indexOf(' ', space + 1);
    const w = text.slice(space + 1, next < 0 ? text.length : next);
    const particle = type === 'PERSON' ? PERSON_PARTICLES.has(w) : NAME_PARTICLES.has(w);
    if (STARTS_LOWER.test(w) && !particle && !(type === 'PERSON' && PARTICLE_JOINED.test(w)))
      return text.slice(0, space);
    space = next;
  }
  return text;
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
