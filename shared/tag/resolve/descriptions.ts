import type { Mention } from '../../article/schema';
import { isTitleWord } from '../titles';
import type { Cluster } from './cluster';

// Unicode-property patterns are module constants: esbuild (tsx, and the bundle at target node20) turns a
// \p{...} literal into `new RegExp(...)`, which would then be rebuilt on every call.
const THE = /\b[Tt]he\s+/gu;
const WORD = /^[\p{L}’'-]+/u;
const SPACES = /^\s+/u;
const NAME_NEXT = /^ \p{Lu}/u;

/** Title words that qualify a head but are none ("the prime" is no one). */
const MODIFIERS = new Set(
  (
    'prime vice deputy defence defense foreign finance interior economy trade health justice energy special ' +
    'senior national security top former acting opposition army military intelligence presidential crown state'
  ).split(' '),
);

/** Title words that name a person only with a word before them ("the chief executive"). */
const ADJECTIVE_HEADS = new Set(['executive', 'general', 'official', 'representative']);

/**
 * "the prime minister", "the England captain", "the Tory leader": a description that the article's titles
 * give exactly one named person, after that person is first named, becomes a mention of that person.
 */
export function attachDescriptions(body: string, people: Cluster[], taken: Mention[]): void {
  const titled = people
    .filter((c) => c.titles.length > 0 && c.mentions.length > 0)
    .map((c) => ({
      cluster: c,
      words: new Set(c.titles.flatMap((t) => t.toLowerCase().split(/\s+/))),
      first: c.mentions.reduce((first, m) => Math.min(first, m.start), Number.POSITIVE_INFINITY),
    }));
  if (titled.length === 0) return;
  // Most "the"s start no title of the article's people: one look at the next word rules them out.
  const known = new Set(titled.flatMap((t) => [...t.words]));
  const inName = (start: number, end: number) => taken.some((m) => m.start < end && start < m.end);
  for (const the of body.matchAll(THE)) {
    const start = the.index + the[0].length;
    const first = WORD.exec(body.slice(start, start + 40));
    if (!first || !known.has(first[0].toLowerCase())) continue;
    // "Tony Blair, the prime minister," gives the title; it is no second mention.
    if (isAppositive(body, the.index, taken)) continue;
    const phrase = wordsAt(body, start, 4);
    // The longest run of words, ending in a head title word, that exactly one person's titles cover.
    for (let n = phrase.length; n >= 1; n--) {
      const words = phrase.slice(0, n);
      const head = words[n - 1]!.text.toLowerCase();
      if (!isTitleWord(head) || MODIFIERS.has(head)) continue;
      // "the executive pair": alone, "executive" is as often an adjective as a person.
      if (n === 1 && ADJECTIVE_HEADS.has(head)) continue;
      const end = words[n - 1]!.end;
      const owners = titled.filter(
        (t) => t.first < start && words.every((w) => t.words.has(w.text.toLowerCase())),
      );
      if (owners.length !== 1 || inName(start, end) || nameFollows(body, end)) break;
      owners[0]!.cluster.descriptions.push({ text: body.slice(start, end), start, end });
      break;
    }
  }
}

function isAppositive(body: string, at: number, taken: Mention[]): boolean {
  const comma = /,\s*$/.exec(body.slice(Math.max(0, at - 4), at));
  if (!comma) return false;
  const end = at - comma[0].length;
  return taken.some((m) => m.end === end);
}

function wordsAt(body: string, from: number, max: number): { text: string; end: number }[] {
  const out: { text: string; end: number }[] = [];
  let at = from;
  while (out.length < max) {
    const w = WORD.exec(body.slice(at, at + 40));
    if (!w) break;
    out.push({ text: w[0], end: at + w[0].length });
    at += w[0].length;
    const s = SPACES.exec(body.slice(at, at + 5));
    if (!s || s[0].includes('\n')) break;
    at += s[0].length;
  }
  return out;
}

/** "the prime minister Tony Blair": the description introduces a name, it does not stand for one. */
function nameFollows(body: string, end: number): boolean {
  return NAME_NEXT.test(body.slice(end, end + 2));
}
