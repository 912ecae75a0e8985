import { articleIdFromKey, contentHash } from '../article/article-id';
import { revisionOf } from '../article/revision';
import { type ParsedArticle, ParsedArticleSchema } from '../article/schema';
import type { ParsedFields } from './index';

export interface RawObject {
  bucket?: string;
  key: string;
  bytes: Uint8Array;
  lastModified: Date;
  sequencer?: string;
}

/** The parse stage's document: the parser's fields plus the article id and where the bytes came from. */
export function buildParsedArticle(fields: ParsedFields, raw: RawObject): ParsedArticle {
  return ParsedArticleSchema.parse({
    schemaVersion: 1,
    id: articleIdFromKey(raw.key),
    origin: {
      bucket: raw.bucket,
      key: raw.key,
      contentHash: contentHash(raw.bytes),
      bytes: raw.bytes.length,
      revision: revisionOf(raw.lastModified, raw.sequencer),
    },
    ...fields,
  });
}
