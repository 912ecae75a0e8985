import type { ParsedArticle } from '../../../shared/article/schema';

/** A made-up news story in the style of a wire report, with curly quotes and possessives. */
export const fixtureBody = [
  'France’s Foreign Minister Catherine Colonna met German Chancellor Olaf Scholz in Paris on Tuesday to discuss energy prices, officials said.',
  '',
  '“We will not let families freeze this winter,” Colonna told reporters after the meeting.',
  '',
  'Scholz said Germany would increase gas deliveries through the Baltic Sea. “This is a European problem and it needs a European answer,” he said.',
  '',
  'The European Commission in Brussels is expected to publish its proposal next week, according to Reuters.',
  '',
  'Colonna’s spokesman Pierre Lefebvre said the talks were “constructive”.',
].join('\n');

export function fixtureArticle(overrides: Partial<ParsedArticle> = {}): ParsedArticle {
  return {
    schemaVersion: 1,
    id: 'fixture-article',
    origin: {
      key: 'raw/fixture.txt',
      contentHash: '0'.repeat(64),
      bytes: fixtureBody.length,
      revision: 'r1',
    },
    format: 'text',
    encoding: 'utf-8',
    title: 'Colonna and Scholz agree on winter gas plan',
    authors: [],
    publishedAt: '2024-10-16T09:30:00+02:00',
    headings: [],
    images: [{ caption: 'Olaf Scholz arrives in Paris.', credit: 'AFP' }],
    body: fixtureBody,
    source: 'Example Wire',
    parser: { version: 'test' },
    ...overrides,
  };
}
