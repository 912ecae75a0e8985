import { App, Stack } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { ArticleTable } from '../../infra/constructs/article-table';
import type { IndexDefinition, TableDefinition } from '../../shared/store/table-definition';

function indexProjecting(name: string, attributes: number): IndexDefinition {
  return {
    indexName: name,
    partitionKey: { name: `${name}pk`, type: 'S' },
    sortKey: { name: `${name}sk`, type: 'S' },
    projection: { type: 'INCLUDE', nonKeyAttributes: Array.from({ length: attributes }, (_, i) => `a${i}`) },
  };
}

function build(indexes: IndexDefinition[]): void {
  const definition: TableDefinition = {
    partitionKey: { name: 'pk', type: 'S' },
    sortKey: { name: 'sk', type: 'S' },
    globalSecondaryIndexes: indexes,
  };
  new ArticleTable(new Stack(new App(), 'T'), 'Table', { definition });
}

describe('ArticleTable refuses a definition DynamoDB would reject at deploy time', () => {
  it('accepts 20 projected attributes per index', () => {
    expect(() => build([indexProjecting('gsi1', 20)])).not.toThrow();
  });

  it('refuses 21 projected attributes in one index, naming it', () => {
    expect(() => build([indexProjecting('gsi1', 20), indexProjecting('gsi2', 21)])).toThrow(
      /gsi2 projects 21 non-key attributes/,
    );
  });

  it('refuses more than 100 projected attributes across the indexes', () => {
    const indexes = Array.from({ length: 6 }, (_, i) => indexProjecting(`gsi${i}`, 17));
    expect(() => build(indexes)).toThrow(/102 non-key attributes in all/);
  });
});
