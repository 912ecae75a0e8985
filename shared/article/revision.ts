/**
 * A sortable revision string for one raw object key. S3's LastModified orders uploads to the second;
 * the event's sequencer (hex, comparable for the same key once left-padded) breaks ties within a second.
 * Plain string comparison of two revisions of the same key tells which is newer.
 */
export function revisionOf(lastModified: Date, sequencer?: string): string {
  const padded = (sequencer ?? '').toUpperCase().padStart(32, '0');
  return `${lastModified.toISOString()}#${padded}`;
}

export function isNewerRevision(candidate: string, current: string | undefined): boolean {
  return current === undefined || candidate > current;
}
