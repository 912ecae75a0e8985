import { describe, expect, it } from 'vitest';
import { tableDefinition } from '../../../shared/store/table-definition';

describe('table definition', () => {
  it('stays inside DynamoDB projection limits: 20 non-key attributes per index, 100 in all', () => {
    const projected = tableDefinition.globalSecondaryIndexes.map((i) => i.projection?.nonKeyAttributes ?? []);
    for (const attributes of projected) {
      expect(attributes.length).toBeLessThanOrEqual(20);
      expect(new Set(attributes).size).toBe(attributes.length);
    }
    expect(projected.flat().length).toBeLessThanOrEqual(100);
  });

  it('projects no key attribute as a non-key attribute', () => {
    const keyNames = new Set([
      tableDefinition.partitionKey.name,
      tableDefinition.sortKey.name,
      ...tableDefinition.globalSecondaryIndexes.flatMap((i) => [i.partitionKey.name, i.sortKey?.name]),
    ]);
    for (const index of tableDefinition.globalSecondaryIndexes) {
      for (const attribute of index.projection?.nonKeyAttributes ?? [])
        expect(keyNames.has(attribute)).toBe(false);
    }
  });
});
