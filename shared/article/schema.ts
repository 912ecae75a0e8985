import { z } from 'zod';

/**
 * The stage documents: what parse writes to parsed/ and tag writes to tagged/.
 * One schema module so that every stage reads and writes the same shape; offsets are JS string
 * indices (UTF-16 code units) into `body`.
 */

export const articleFormats = ['text', 'html', 'markdown', 'json', 'xml'] as const;
export const ArticleFormat = z.enum(articleFormats);
export type ArticleFormat = z.infer<typeof ArticleFormat>;

export const ImageSchema = z.object({
  caption: z.string(),
  credit: z.string().optional(),
  url: z.string().optional(),
});
export type Image = z.infer<typeof ImageSchema>;

/** Where the article came from in the bucket, and which revision of that object it is. */
export const OriginSchema = z.object({
  bucket: z.string().optional(),
  key: z.string(),
  /** sha256 of the raw bytes, hex: identical re-uploads are detected by it. */
  contentHash: z.string(),
  bytes: z.number().int().nonnegative(),
  /** Sortable revision of the raw object (see revision.ts): a newer upload of a key sorts after an older one. */
  revision: z.string(),
});
export type Origin = z.infer<typeof OriginSchema>;

export const ParsedArticleSchema = z.object({
  schemaVersion: z.literal(1),
  id: z.string(),
  origin: OriginSchema,
  format: ArticleFormat,
  /** The encoding the raw bytes were decoded from, e.g. utf-8, utf-16le, windows-1252. */
  encoding: z.string(),
  title: z.string(),
  subtitle: z.string().optional(),
  section: z.string().optional(),
  authors: z.array(z.string()),
  publishedAt: z.string().optional(),
  /** True when the source gave no zone and publishedAt was placed in the configured default zone. */
  publishedAtAssumedZone: z.boolean().optional(),
  modifiedAt: z.string().optional(),
  dateline: z.object({ place: z.string(), date: z.string().optional() }).optional(),
  /** The publisher or agency, e.g. "Al Jazeera", "Reuters". */
  source: z.string().optional(),
  canonicalUrl: z.string().optional(),
  language: z.string().optional(),
  headings: z.array(z.string()),
  images: z.array(ImageSchema),
  /** Plain text, paragraphs separated by one blank line. */
  body: z.string(),
  parser: z.object({ version: z.string() }),
});
export type ParsedArticle = z.infer<typeof ParsedArticleSchema>;

export const entityTypes = ['PERSON', 'ORGANIZATION', 'LOCATION', 'MISC'] as const;
export const EntityType = z.enum(entityTypes);
export type EntityType = z.infer<typeof EntityType>;

export const MentionSchema = z.object({
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /**
   * The title or honorific written right before this mention and kept out of the span, e.g. "Mr",
   * "Dr", "President", "the England captain".
   */
  role: z.string().optional(),
});
export type Mention = z.infer<typeof MentionSchema>;

export const EntitySchema = z.object({
  /** Stable across articles: the same real-world thing gets the same id everywhere (see entity-id.ts). */
  id: z.string(),
  type: EntityType,
  name: z.string(),
  aliases: z.array(z.string()),
  /** The most informative role or title the text gives, e.g. "Defence Minister" (a title beats "Mr"). */
  role: z.string().optional(),
  /** From honorifics (Mr/Mrs/Ms/Sir/Lady) or unambiguous he/she attribution. */
  gender: z.enum(['female', 'male']).optional(),
  /**
   * A PERSON the article names only by surname or given name (only "Mr Blair"): the archive may link it
   * to a full-name entity.
   */
  partialName: z.literal(true).optional(),
  /** 0..1, from mention count, position and presence in the headline. */
  salience: z.number().min(0).max(1),
  mentions: z.array(MentionSchema),
});
export type Entity = z.infer<typeof EntitySchema>;

export const DateMentionSchema = MentionSchema.extend({
  /** ISO 8601, resolved relative to `anchor`; never against the epoch. */
  value: z.string(),
  /**
   * What a relative date was resolved against: the publication time, or the upload time when the
   * article has none. Absent for absolute dates.
   */
  anchor: z.enum(['published', 'uploaded']).optional(),
});
export type DateMention = z.infer<typeof DateMentionSchema>;

export const QuoteSchema = MentionSchema.extend({
  /** Always the id of an entity of the same article. */
  speakerId: z.string().optional(),
  speaker: z.string().optional(),
});
export type Quote = z.infer<typeof QuoteSchema>;

export const TaggedArticleSchema = ParsedArticleSchema.extend({
  entities: z.array(EntitySchema),
  dates: z.array(DateMentionSchema),
  quotes: z.array(QuoteSchema),
  tagger: z.object({ name: z.string(), version: z.string() }),
});
export type TaggedArticle = z.infer<typeof TaggedArticleSchema>;
