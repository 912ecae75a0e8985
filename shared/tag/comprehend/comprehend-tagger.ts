import type { Entity as ComprehendEntity, DetectEntitiesCommandOutput } from '@aws-sdk/client-comprehend';
import type { DateMention, EntityType, ParsedArticle } from '../../article/schema';
import { loadDates, resolveArticle } from '../resolve/article';
import type { FoundMention } from '../resolve/mentions';
import { outsideMentions } from '../resolve/outside';
import type { Tagger, TagResult } from '../tagger';
import { type Chunk, chunkText, codePointIndex } from './chunks';

/** What the tagger needs from a Comprehend client: DetectEntities, injectable for tests. */
export type DetectEntities = (input: {
  Text: string;
  LanguageCode: 'en';
}) => Promise<Pick<DetectEntitiesCommandOutput, 'Entities'>>;

export const COMPREHEND_TAGGER_VERSION = '1.3.8';
/** DetectEntities accepts 5,000 bytes of UTF-8 a request; a margin keeps clear of it. */
export const MAX_CHUNK_BYTES = 4_900;
const MIN_SCORE = 0.5;

const TYPE_MAP: Record<string, EntityType | 'DATE' | undefined> = {
  PERSON: 'PERSON',
  ORGANIZATION: 'ORGANIZATION',
  LOCATION: 'LOCATION',
  COMMERCIAL_ITEM: 'MISC',
  EVENT: 'MISC',
  TITLE: 'MISC',
  OTHER: 'MISC',
  DATE: 'DATE',
  // QUANTITY is not an entity of ours.
};

async function defaultDetect(): Promise<DetectEntities> {
  // Loaded on first use, so the built-in tagger's cold start does not pay for this client.
  const { ComprehendClient, DetectEntitiesCommand } = await import('@aws-sdk/client-comprehend');
  const client = new ComprehendClient({});
  return (input) => client.send(new DetectEntitiesCommand(input));
}

/** Comprehend's entities of one chunk as spans into the whole body (its offsets count code points). */
function toSpans(
  chunk: Chunk,
  entities: ComprehendEntity[],
): { type: EntityType | 'DATE'; start: number; end: number }[] {
  const index = codePointIndex(chunk.text);
  const spans: { type: EntityType | 'DATE'; start: number; end: number }[] = [];
  for (const e of entities) {
    const type = TYPE_MAP[e.Type ?? ''];
    if (!type || (e.Score ?? 0) < MIN_SCORE || e.BeginOffset === undefined || e.EndOffset === undefined)
      continue;
    const start = index[e.BeginOffset];
    const end = index[e.EndOffset];
    if (start === undefined || end === undefined || end <= start) continue;
    spans.push({ type, start: chunk.offset + start, end: chunk.offset + end });
  }
  return spans;
}

/**
 * Amazon Comprehend DetectEntities behind the Tagger interface: the body in chunks under the size limit,
 * offsets mapped back to the body, the same resolution and quote attribution as the built-in tagger, dates
 * normalised by chrono from the spans Comprehend marks as DATE.
 */
export function createComprehendTagger(options: { detect?: DetectEntities } = {}): Tagger {
  let detect = options.detect;
  return {
    name: 'comprehend',
    version: COMPREHEND_TAGGER_VERSION,
    async tag(article: ParsedArticle): Promise<TagResult> {
      detect ??= await defaultDetect();
      const { findDates } = await loadDates();
      const body = article.body;
      const found: FoundMention[] = [];
      const dateSpans: { start: number; end: number }[] = [];
      for (const chunk of chunkText(body, MAX_CHUNK_BYTES)) {
        if (!/\S/.test(chunk.text)) continue;
        const response = await detect({ Text: chunk.text, LanguageCode: 'en' });
        for (const span of toSpans(chunk, response.Entities ?? [])) {
          if (span.type === 'DATE') dateSpans.push(span);
          else found.push({ type: span.type, start: span.start, end: span.end });
        }
      }
      // Title and captions are not sent (each request costs); source and credits are named as given.
      const outside = outsideMentions(
        { ...article, title: '', images: article.images.map((i) => ({ ...i, caption: '' })) },
        () => [],
      );
      return resolveArticle(article, found, outside, (anchor) =>
        dateSpans.flatMap(({ start, end }): DateMention[] => {
          const text = body.slice(start, end);
          const [parsed] = findDates(text, anchor);
          return parsed ? [{ ...parsed, text, start, end }] : [];
        }),
      );
    },
  };
}
