// Apart from dates.ts so that finding the anchor does not load chrono-node (see resolve/article.ts).

/** What relative dates are resolved against: the publication time, or else the upload time. */
export interface DateAnchor {
  /** ISO 8601 instant, with the zone the text's times are read in. */
  instant: string;
  kind: 'published' | 'uploaded';
}

/**
 * The anchor of an article's relative dates: its publication time, else the upload time of its raw
 * object (the revision starts with S3's LastModified, see article/revision.ts), else none.
 */
export function dateAnchor(article: {
  publishedAt?: string | undefined;
  origin: { revision: string };
}): DateAnchor | undefined {
  if (article.publishedAt && !Number.isNaN(Date.parse(article.publishedAt)))
    return { instant: article.publishedAt, kind: 'published' };
  const uploaded = article.origin.revision.split('#')[0] ?? '';
  if (/^\d{4}-\d\d-\d\dT/.test(uploaded) && !Number.isNaN(Date.parse(uploaded)))
    return { instant: uploaded, kind: 'uploaded' };
  return undefined;
}
