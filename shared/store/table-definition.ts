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

/** The attributes a list route reads from an index: article summaries, entity edges, speaker quotes. */
export const indexedAttributes = [
  'kind',
  'id',
  'articleId',
  'entityId',
  'entityType',
  'name',
  'title',
  'subtitle',
  'section',
  'source',
  'authors',
  'publishedAt',
  'sortDate',
  'salience',
  'mentionCount',
  'coEntities',
  'speaker',
  'speakerId',
  'text',
  'start',
  'end',
  // Lets a section timeline be filtered by source without another index.
  'sourceSlug',
] as const;

const summaries: IndexProjection = { type: 'INCLUDE', nonKeyAttributes: indexedAttributes };

export const tableDefinition: TableDefinition = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  globalSecondaryIndexes: [
    // Overloaded: all articles by month bucket, an entity's articles, a speaker's quotes.
    {
      indexName: 'gsi1',
      partitionKey: { name: 'gsi1pk', type: 'S' },
      sortKey: { name: 'gsi1sk', type: 'S' },
      projection: summaries,
    },
    // Articles of one section by month bucket.
    {
      indexName: 'gsi2',
      partitionKey: { name: 'gsi2pk', type: 'S' },
      sortKey: { name: 'gsi2sk', type: 'S' },
      projection: summaries,
    },
    // Articles of one source by month bucket.
    {
      indexName: 'gsi3',
      partitionKey: { name: 'gsi3pk', type: 'S' },
      sortKey: { name: 'gsi3sk', type: 'S' },
      projection: summaries,
    },
  ],
};
