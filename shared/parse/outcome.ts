import type { ParsedArticle } from '../article/schema';

/** What the parser extracts from the bytes; the parse stage adds id and origin. */
export type ParsedFields = Omit<ParsedArticle, 'schemaVersion' | 'id' | 'origin'>;

export interface ParseRejection {
  /** Stable reason code, one of `rejectionCodes`. */
  code: string;
  message: string;
}

/** Every reason the parser gives for refusing a file; quarantine records carry one of them. */
export const rejectionCodes = [
  'empty',
  'too-large',
  'binary',
  'undecodable',
  'no-body',
  'malformed-json',
  'malformed-xml',
  'multiple-articles',
  'internal',
] as const;
export type RejectionCode = (typeof rejectionCodes)[number];

export type ParseOutcome = { ok: true; article: ParsedFields } | { ok: false; error: ParseRejection };

/**
 * What a format reader found, before the common finishing (defaults, parser version, encoding).
 * Absent means the source did not say.
 */
export type ExtractedFields = Omit<ParsedFields, 'encoding' | 'parser' | 'authors' | 'headings' | 'images'> &
  Partial<Pick<ParsedFields, 'authors' | 'headings' | 'images'>>;
