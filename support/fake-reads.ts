import type { ArchiveReads } from '../shared/store/archive-reads';

/** An ArchiveReads whose every read throws `message`, but for the reads a test gives in `reads`. */
export function fakeReads(message: string, reads: Partial<ArchiveReads> = {}): ArchiveReads {
  const fail = async (): Promise<never> => {
    throw new Error(message);
  };
  return {
    article: fail,
    articles: fail,
    entityArticles: fail,
    quotesBy: fail,
    entity: fail,
    searchEntities: fail,
    trending: fail,
    related: fail,
    ...reads,
  };
}
