import { isHonorific } from './honorifics';
import { oneSpaceApart, spanOwners, type TokenSpan } from './spans';
import type { Token } from './tokenize';

/** Words that end a company's name ("Munich Re", "Barclays Capital", "Apple Inc."). */
const COMPANY_SUFFIX = new Set(
  (
    'Inc Inc. Corp Corp. Co Co. Ltd Ltd. plc PLC LLC AG SA NV GmbH SpA Re Group Holdings Airlines Airways ' +
    'Motors Bancorp Capital Securities Insurance Telecom Communications Pharmaceuticals Industries Bank'
  ).split(' '),
);

// A capitalised word that can open a company's name: not a determiner opening a sentence ("The Bank").
const CAPITALISED_NAME_WORD = /^(?!(?:The|A|An|This|That|Its|Their|His|Her|Our|Your)$)\p{Lu}/u;

// A capitalised word that can stand either side of "&" in a firm's name ("Marks & Spencer", "B & Q").
const AMPERSAND_PART = /^\p{Lu}/u;

/**
 * A name that ends in a company suffix is an organisation, and a suffix written right after a name
 * belongs to it: "Munich Re" is neither the city nor a person.
 */
export function companiesBySuffix(spans: TokenSpan[], tokens: Token[], text: string): TokenSpan[] {
  spans = joinAmpersands(spans, tokens, text);
  const starts = new Set(spans.map((s) => s.first));
  const ends = new Set(spans.map((s) => s.last));
  for (const span of spans) {
    // "General Motors" at the head of a story: the model reads "General" as a title and keeps "Motors"
    // alone as a person; a lone suffix takes back the capitalised word written right before it.
    const previous = span.first - 1;
    if (
      span.first === span.last &&
      previous >= 0 &&
      !ends.has(previous) &&
      COMPANY_SUFFIX.has(tokens[span.first]!.text) &&
      CAPITALISED_NAME_WORD.test(tokens[previous]!.text) &&
      oneSpaceApart(text, tokens, previous, span.first)
    )
      span.first = previous;
    const next = span.last + 1;
    if (
      next < tokens.length &&
      !starts.has(next) &&
      COMPANY_SUFFIX.has(tokens[next]!.text) &&
      oneSpaceApart(text, tokens, span.last, next)
    )
      span.last = next;
    // "West Bank" is the one place news names with a suffix of this list.
    if (
      span.last > span.first &&
      COMPANY_SUFFIX.has(tokens[span.last]!.text) &&
      tokens[span.last - 1]!.text !== 'West'
    )
      span.type = 'ORGANIZATION';
  }
  return spans;
}

/**
 * Two names joined by "&" are one firm's ("Marks & Spencer", "Bradford & Bingley", "Procter & Gamble"),
 * whatever the model made of either side: the model reads "Spencer" alone as a person. Each side is a
 * span or a capitalised word outside any span, written with one space either side of the "&".
 */
function joinAmpersands(spans: TokenSpan[], tokens: Token[], text: string): TokenSpan[] {
  const owner = spanOwners(spans, tokens.length);
  const spaced = (a: number, b: number) => oneSpaceApart(text, tokens, a, b);
  const dropped = new Set<number>();
  const added: TokenSpan[] = [];
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (tokens[i]!.text !== '&' || owner[i]! >= 0 || !spaced(i - 1, i) || !spaced(i, i + 1)) continue;
    const left = owner[i - 1]!;
    const right = owner[i + 1]!;
    if (left < 0 && right < 0) continue;
    // Never a person's full name ("Tony Blair & Gordon Brown") or an honorific ("Mr Smith & Mrs Jones").
    const part = (j: number, k: number) =>
      k >= 0
        ? spans[k]!.type !== 'PERSON' || spans[k]!.first === spans[k]!.last
        : AMPERSAND_PART.test(tokens[j]!.text) && !isHonorific(tokens[j]!.text);
    if (!part(i - 1, left) || !part(i + 1, right)) continue;
    const first = left >= 0 ? spans[left]!.first : i - 1;
    const last = right >= 0 ? spans[right]!.last : i + 1;
    if (left >= 0) dropped.add(left);
    if (right >= 0) dropped.add(right);
    const joined: TokenSpan = { type: 'ORGANIZATION', first, last };
    added.push(joined);
    owner.fill(-2, first, last + 1);
  }
  if (added.length === 0) return spans;
  return [...spans.filter((_, k) => !dropped.has(k)), ...added].sort((a, b) => a.first - b.first);
}
