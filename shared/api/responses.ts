import { z } from 'zod';
import { entityTypes } from '../article/schema';

/**
 * What each route answers, as zod schemas: the OpenAPI document is generated from them and the
 * integration tests parse every real response with them, so the document cannot drift from the API.
 * Strict objects: a field the API adds without documenting it fails the tests.
 */

const type = z.enum(entityTypes);
const instant = z.string().meta({ description: 'UTC instant, ISO 8601.' });
const mention = z.strictObject({ text: z.string(), start: z.number().int(), end: z.number().int() });
const dateAssumed = z
  .boolean()
  .meta({ description: 'True when the article has no publication time: date is its upload time.' });
const link = z
  .strictObject({
    status: z.enum(['linked', 'separate', 'merged', 'corrected']),
    reason: z.string(),
  })
  .meta({ description: 'How the archive decided which entity this is, and why.' });

const page = <T extends z.ZodType>(item: T) =>
  z.strictObject({
    items: z.array(item),
    nextCursor: z.string().optional().meta({ description: 'Present when more items follow.' }),
  });

export const ArticleSummary = z.strictObject({
  id: z.string(),
  title: z.string(),
  subtitle: z.string().optional(),
  section: z.string().optional(),
  source: z.string().optional(),
  authors: z.array(z.string()),
  publishedAt: z.string().optional().meta({ description: 'As the article states it.' }),
  date: instant.meta({ description: 'What lists sort by: publishedAt in UTC, else the upload time.' }),
  dateAssumed,
});

export const Article = z.strictObject({
  id: z.string(),
  revision: z.string(),
  title: z.string(),
  subtitle: z.string().optional(),
  section: z.string().optional(),
  source: z.string().optional(),
  authors: z.array(z.string()),
  publishedAt: z.string().optional(),
  date: instant,
  dateAssumed,
  modifiedAt: z.string().optional(),
  dateline: z.strictObject({ place: z.string(), date: z.string().optional() }).optional(),
  canonicalUrl: z.string().optional(),
  language: z.string().optional(),
  format: z.string(),
  headings: z.array(z.string()),
  images: z.array(
    z.strictObject({ caption: z.string(), credit: z.string().optional(), url: z.string().optional() }),
  ),
  body: z.string().meta({ description: 'Plain text, paragraphs separated by a blank line.' }),
  bodyLength: z.number().int(),
  bodyTruncated: z
    .boolean()
    .meta({ description: 'True when the body was cut to fit the store; see taggedKey.' }),
  entities: z.array(
    z.strictObject({
      id: z.string(),
      type,
      name: z.string(),
      aliases: z.array(z.string()),
      role: z.string().optional(),
      gender: z.enum(['female', 'male']).optional(),
      partialName: z.literal(true).optional().meta({ description: 'Named by surname only, not linked.' }),
      link: link.optional(),
      taggedIds: z
        .array(z.string())
        .optional()
        .meta({ description: "The tagger's ids resolved to this entity (linked, merged, corrected)." }),
      salience: z.number(),
      mentionCount: z.number().int(),
      mentions: z
        .array(mention.extend({ role: z.string().optional() }))
        .meta({ description: 'Offsets are JS string indices into body.' }),
    }),
  ),
  quotes: z.array(
    z.strictObject({
      text: z.string(),
      start: z.number().int(),
      end: z.number().int(),
      speaker: z.string().optional(),
      speakerId: z.string().optional(),
    }),
  ),
  quoteCount: z.number().int(),
  dates: z.array(mention.extend({ value: z.string(), anchor: z.enum(['published', 'uploaded']).optional() })),
  origin: z.strictObject({
    bucket: z.string().optional(),
    key: z.string(),
    contentHash: z.string(),
    bytes: z.number().int(),
    revision: z.string(),
  }),
  taggedKey: z.string().meta({ description: 'S3 key of the whole tagged document.' }),
  parser: z.strictObject({ version: z.string() }),
  tagger: z.strictObject({ name: z.string(), version: z.string() }),
  storedAt: instant,
});

export const Entity = z.strictObject({
  id: z.string(),
  type,
  name: z.string(),
  aliases: z.array(z.string()),
  articleCount: z.number().int(),
  mergedIds: z
    .array(z.string())
    .optional()
    .meta({ description: 'Ids merged into this one; they answer 301.' }),
  firstSeen: instant.optional(),
  lastSeen: instant.optional(),
});

export const EntityMatch = z.strictObject({
  id: z.string(),
  type,
  name: z.string(),
  matched: z.string().meta({ description: 'The folded name or alias words the prefix matched.' }),
  articleCount: z.number().int(),
});

export const EntityArticle = z.strictObject({
  id: z.string(),
  title: z.string(),
  section: z.string().optional(),
  source: z.string().optional(),
  publishedAt: z.string().optional(),
  date: instant,
  dateAssumed,
  salience: z.number(),
  mentionCount: z.number().int(),
});

export const SpeakerQuote = z.strictObject({
  articleId: z.string(),
  title: z.string(),
  publishedAt: z.string().optional(),
  date: instant,
  dateAssumed,
  speakerId: z.string(),
  speaker: z.string().optional(),
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
});

export const RelatedEntities = z.strictObject({
  id: z.string(),
  articlesConsidered: z.number().int().meta({ description: 'How many of the newest articles were counted.' }),
  items: z.array(
    z.strictObject({
      id: z.string(),
      type: type.optional(),
      name: z.string().optional(),
      articlesTogether: z.number().int(),
    }),
  ),
});

export const TrendingEntities = z.strictObject({
  from: instant,
  to: instant,
  items: z.array(z.strictObject({ id: z.string(), type, name: z.string(), articles: z.number().int() })),
});

export const OpenApiDocument = z.looseObject({
  openapi: z.literal('3.1.0'),
  info: z.looseObject({}),
  paths: z.record(z.string(), z.unknown()),
});

export const responses = {
  articlePage: page(ArticleSummary),
  entityMatchPage: page(EntityMatch),
  entityArticlePage: page(EntityArticle),
  quotePage: page(SpeakerQuote),
};
