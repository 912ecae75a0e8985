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
  for (const span of spans) {
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
