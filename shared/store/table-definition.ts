/**
 * The single table's key schema and indexes, read by the CDK stack and by the local runtime's
 * CreateTable so both build the same table. The item types that use them are in items.ts and the
 * design is written down in DESIGN.md.
 */
export interface KeyAttribute {
  readonly name: string;
  readonly type: 'S' | 'N';
}

/**
 * What an index copies from the base item. INCLUDE keeps the article body out of the indexes: every
 * index copy of an item is billed as a write of its projected size, and the body is most of an article.
 */
export interface IndexProjection {
  readonly type: 'ALL' | 'KEYS_ONLY' | 'INCLUDE';
  readonly nonKeyAttributes?: readonly string[];
}

export interface IndexDefinition {
  readonly indexName: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey?: KeyAttribute;
  /** Absent means ALL. */
  readonly projection?: IndexProjection;
}

export interface TableDefinition {
  readonly partitionKey: KeyAttribute;
  readonly sortKey: KeyAttribute;
  readonly globalSecondaryIndexes: readonly IndexDefinition[];
}

/**
 * What each list reads from an index (DynamoDB allows at most 20 projected non-key attributes per
 * index): the article summary every timeline shows, plus what entity timelines, speaker quotes and
 * the co-occurrence count read from gsi1, and what a section timeline filters by source with.
 */
const articleSummary = ['id', 'title', 'subtitle', 'section', 'source', 'authors', 'publishedAt', 'sortDate'];
const edgeAndQuote = [
  'articleId',
  'salience',
  'mentionCount',
  'coEntities',
  'speakerId',
  'speaker',
  'text',
  'start',
  'end',
];

const include = (...attributes: string[]): IndexProjection => ({
  type: 'INCLUDE',
  nonKeyAttributes: attributes,
});

export const tableDefinition: TableDefinition = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  globalSecondaryIndexes: [
    // Overloaded: all articles by month bucket, an entity's articles, a speaker's quotes.
    {
      indexName: 'gsi1',
      partitionKey: { name: 'gsi1pk', type: 'S' },
      sortKey: { name: 'gsi1sk', type: 'S' },
      projection: include(...articleSummary, ...edgeAndQuote),
    },
    // Articles of one section by month bucket.
    {
      indexName: 'gsi2',
      partitionKey: { name: 'gsi2pk', type: 'S' },
      sortKey: { name: 'gsi2sk', type: 'S' },
      projection: include(...articleSummary, 'sourceSlug'),
    },
    // Articles of one source by month bucket.
    {
      indexName: 'gsi3',
      partitionKey: { name: 'gsi3pk', type: 'S' },
      sortKey: { name: 'gsi3sk', type: 'S' },
      projection: include(...articleSummary),
    },
  ],
};
