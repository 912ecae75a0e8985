import { archiveEntities, hasPublicationTime } from '../store/article-record';
import type { ArticleItem } from '../store/items';
import type { Item } from '../store/paged-query';

/** What the API shows of each stored item: storage keys and bookkeeping stay inside. */

export function articleView(item: ArticleItem) {
  const {
    pk: _pk,
    sk: _sk,
    kind: _kind,
    gsi1pk: _g1,
    gsi1sk: _g1s,
    gsi2pk: _g2,
    gsi2sk: _g2s,
    gsi3pk: _g3,
    gsi3sk: _g3s,
    sourceSlug: _slug,
    version: _version,
    contentHash: _hash,
    sortDate,
    entities: _entities,
    quotes,
    ...article
  } = item;
  return {
    ...article,
    date: sortDate,
    // One entity per archive entity: the tagger's entities that resolved to the same one are folded.
    entities: archiveEntities(item).map(({ taggedIds, partialName, ...e }) => ({
      ...e,
      ...(partialName ? { partialName } : {}),
      ...(taggedIds.length ? { taggedIds } : {}),
    })),
    quotes: quotes.map(({ resolvedSpeakerId, ...q }) => ({
      ...q,
      ...(resolvedSpeakerId ? { speakerId: resolvedSpeakerId } : {}),
    })),
  };
}

export function articleSummary(item: Item) {
  return {
    id: item.id as string,
    title: item.title,
    subtitle: item.subtitle,
    section: item.section,
    source: item.source,
    authors: item.authors,
    publishedAt: item.publishedAt,
    date: item.sortDate as string,
    dateAssumed: !hasPublicationTime(item.publishedAt as string | undefined),
  };
}

export function entityArticle(item: Item) {
  return {
    id: item.articleId as string,
    title: item.title,
    section: item.section,
    source: item.source,
    publishedAt: item.publishedAt,
    date: item.sortDate as string,
    dateAssumed: !hasPublicationTime(item.publishedAt as string | undefined),
    salience: item.salience,
    mentionCount: item.mentionCount,
  };
}

export function quoteView(item: Item) {
  return {
    articleId: item.articleId as string,
    title: item.title,
    publishedAt: item.publishedAt,
    date: item.sortDate as string,
    dateAssumed: !hasPublicationTime(item.publishedAt as string | undefined),
    speakerId: item.speakerId,
    speaker: item.speaker,
    text: item.text,
    start: item.start,
    end: item.end,
  };
}
