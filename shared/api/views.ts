import type { z } from 'zod';
import {
  type ArticleRow,
  archiveEntities,
  type EntityArticleRow,
  hasPublicationTime,
  type QuoteRow,
  type StoredArticle,
} from '../store/archive-reads';
import type { Article, ArticleSummary, EntityArticle, SpeakerQuote } from './responses';

/** What the API shows of each read model: storage keys and bookkeeping stay inside. */

export function articleView(item: StoredArticle): z.input<typeof Article> {
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
    entities: archiveEntities(item).map(
      ({ taggedIds, partialName, namedInFull: _evidence, aliases, ...e }) => ({
        ...e,
        aliases: [...aliases],
        ...(partialName ? { partialName: true as const } : {}),
        ...(taggedIds.length ? { taggedIds } : {}),
      }),
    ),
    quotes: quotes.map(({ resolvedSpeakerId, ...q }) => ({
      ...q,
      ...(resolvedSpeakerId ? { speakerId: resolvedSpeakerId } : {}),
    })),
  };
}

export function articleSummary(item: ArticleRow): z.input<typeof ArticleSummary> {
  return {
    id: item.id,
    title: item.title,
    subtitle: item.subtitle,
    section: item.section,
    source: item.source,
    authors: item.authors,
    publishedAt: item.publishedAt,
    date: item.sortDate,
    dateAssumed: !hasPublicationTime(item.publishedAt),
  };
}

export function entityArticle(item: EntityArticleRow): z.input<typeof EntityArticle> {
  return {
    id: item.articleId,
    title: item.title,
    section: item.section,
    source: item.source,
    publishedAt: item.publishedAt,
    date: item.sortDate,
    dateAssumed: !hasPublicationTime(item.publishedAt),
    salience: item.salience,
    mentionCount: item.mentionCount,
  };
}

export function quoteView(item: QuoteRow): z.input<typeof SpeakerQuote> {
  return {
    articleId: item.articleId,
    title: item.title,
    publishedAt: item.publishedAt,
    date: item.sortDate,
    dateAssumed: !hasPublicationTime(item.publishedAt),
    speakerId: item.speakerId,
    speaker: item.speaker,
    text: item.text,
    start: item.start,
    end: item.end,
  };
}
