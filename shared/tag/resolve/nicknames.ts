import { addedPerson, withAddedPeople } from './added-people';
import { isGivenName } from './given-names';
import { foldName, WORD_CHARACTER } from './names';
import type { PreparedMention } from './spans';

// Unicode-property patterns are module constants: esbuild (tsx, and the bundle at target node20) turns a
// \p{...} literal into `new RegExp(...)`, which would then be rebuilt on every call.
/** 'Marion "Suge" Knight': a given name, a nickname of one to three capitalised words in quotes, a surname. */
const NICKNAMED =
  /(?<![\p{L}\p{N}])(\p{Lu}\p{Ll}+) (["“‘'])(\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,2})(["”’']) (\p{Lu}\p{Ll}[\p{L}'’-]*)(?![\p{L}\p{N}])/uy;
const CLOSES: Record<string, string> = { '"': '"', '“': '”', '‘': '’', "'": "'" };
/** Where a NICKNAMED match can start: a lower-case letter, a space, an opening quote, a capital. */
const BEFORE_NICKNAME = /\p{Ll} ["“‘']\p{Lu}/gu;
const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;

/**
 * NICKNAMED over the whole body, found faster: the pattern, run over a whole body that has quotes (almost
 * all), cost 6% of tagging; it is tried only where its given name, space and opening quote stand.
 */
function* nicknamed(body: string): Generator<RegExpExecArray> {
  let after = 0;
  for (const hint of body.matchAll(BEFORE_NICKNAME)) {
    let start = hint.index;
    while (start > 0 && LOWER.test(body[start - 1]!)) start--;
    start--;
    if (start < after || start < 0 || !UPPER.test(body[start]!)) continue;
    if (start > 0 && WORD_CHARACTER.test(body[start - 1]!)) continue;
    NICKNAMED.lastIndex = start;
    const match = NICKNAMED.exec(body);
    if (!match) continue;
    after = start + match[0].length;
    yield match;
  }
}

/** In a person's name written with a nickname inside it: the nickname, and the name without it. */
const NICKNAME_INSIDE = /^(\p{Lu}\p{Ll}+) ["“‘']([^"”’']+)["”’'] (.+)$/u;

/**
 * A person's name with a nickname inside it ('Rap mogul Marion "Suge" Knight') is one mention of the
 * person "Marion Knight", whatever a recognizer made of its parts (the given name and the nickname are
 * often MISC, the quotes cut the span); the entity is then named without the nickname and answers to it
 * ("Suge Knight", nicknameForms). Only where a recognizer found a person in it, or the surname is a
 * person's elsewhere in the article ("Mr Knight"), and the first word is a given name (the list's, or a
 * person a recognizer found alone).
 */
export function joinNicknames(body: string, prepared: PreparedMention[]): PreparedMention[] {
  if (!body.includes('"') && !body.includes('“') && !body.includes('‘') && !body.includes("'"))
    return prepared;
  const people = new Set(prepared.filter((m) => m.type === 'PERSON' || m.honorific).map((m) => m.folded));
  const added: PreparedMention[] = [];
  for (const match of nicknamed(body)) {
    const [whole, given, open, , close, surname] = match;
    if (CLOSES[open!] !== close) continue;
    const start = match.index;
    const end = start + whole.length;
    const inside = prepared.filter((m) => m.start < end && start < m.end);
    if (inside.some((m) => m.start < start || m.end > end)) continue;
    if (!people.has(foldName(surname!)) && !inside.some((m) => m.type === 'PERSON')) continue;
    // The first word must be a given name ("Americanised 'Jimmy' Bond" is no one's name).
    const first = inside.find((m) => m.start === start);
    if (!isGivenName(foldName(given!)) && !(first?.type === 'PERSON' && first.end < end)) continue;
    added.push(addedPerson(body, start, end, foldName(`${given} ${surname}`)));
  }
  return withAddedPeople(prepared, added);
}

/** 'Marion "Suge" Knight' -> ["Marion Knight", "Suge Knight"]; undefined for a name without a nickname. */
export function nicknameForms(text: string): [string, string] | undefined {
  const m = NICKNAME_INSIDE.exec(text);
  if (!m) return undefined;
  const surname = m[3]!.slice(m[3]!.lastIndexOf(' ') + 1);
  return [`${m[1]} ${m[3]}`, `${m[2]} ${surname}`];
}
