import type { TokenSpan } from './spans';
import type { Token } from './tokenize';

/** Words that end a company's name ("Munich Re", "Barclays Capital", "Apple Inc."). */
const COMPANY_SUFFIX = new Set(
  (
    'Inc Inc. Corp Corp. Co Co. Ltd Ltd. plc PLC LLC AG SA NV GmbH SpA Re Group Holdings Airlines Airways ' +
    'Motors Bancorp Capital Securities Insurance Telecom Communications Pharmaceuticals Industries Bank'
  ).split(' '),
);

/**
 * A name that ends in a company suffix is an organisation, and a suffix written right after a name
 * belongs to it: "Munich Re" is neither the city nor a person.
 */
export function companiesBySuffix(spans: TokenSpan[], tokens: Token[], text: string): TokenSpan[] {
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
      /^\p{Lu}/u.test(tokens[previous]!.text) &&
      text.slice(tokens[previous]!.end, tokens[span.first]!.start) === ' '
    )
      span.first = previous;
    const next = span.last + 1;
    if (
      next < tokens.length &&
      !starts.has(next) &&
      COMPANY_SUFFIX.has(tokens[next]!.text) &&
      text.slice(tokens[span.last]!.end, tokens[next]!.start) === ' '
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
