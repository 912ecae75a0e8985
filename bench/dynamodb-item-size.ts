import { tableDefinition } from '../shared/store/table-definition';

/**
 * DynamoDB's item size rule (attribute names plus values; numbers about one byte per two digits;
 * three bytes of overhead per list or map), used to price the index copies that dynalite does not
 * report: one write unit per started kilobyte of what an index projects, per index the item is in.
 */
export function itemSize(item: Record<string, unknown>): number {
  return Object.entries(item).reduce(
    (sum, [name, value]) => sum + Buffer.byteLength(name) + valueSize(value),
    0,
  );
}

function valueSize(value: unknown): number {
  if (value === undefined || value === null) return 1;
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (typeof value === 'number')
    return Math.ceil(String(Math.abs(value)).replace(/[.-]/g, '').length / 2) + 1;
  if (typeof value === 'boolean') return 1;
  if (value instanceof Set) return [...value].reduce((sum: number, v) => sum + valueSize(v), 0);
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, v) => sum + 1 + valueSize(v), 0);
  if (typeof value === 'object') {
    return (
      3 + Object.entries(value).reduce((sum, [k, v]) => sum + 1 + Buffer.byteLength(k) + valueSize(v), 0)
    );
  }
  return 0;
}

/** Write units the global secondary indexes spend when `item` is written or deleted. */
export function indexWriteUnits(item: Record<string, unknown>): number {
  let units = 0;
  const tableKeys = [tableDefinition.partitionKey.name, tableDefinition.sortKey.name];
  for (const index of tableDefinition.globalSecondaryIndexes) {
    const indexKeys = [index.partitionKey.name, ...(index.sortKey ? [index.sortKey.name] : [])];
    if (!indexKeys.every((k) => item[k] !== undefined)) continue;
    const projection = index.projection ?? { type: 'ALL' };
    const kept =
      projection.type === 'ALL'
        ? Object.keys(item)
        : [
            ...tableKeys,
            ...indexKeys,
            ...(projection.type === 'INCLUDE' ? (projection.nonKeyAttributes ?? []) : []),
          ];
    const projected = Object.fromEntries(kept.filter((k) => item[k] !== undefined).map((k) => [k, item[k]]));
    units += Math.max(1, Math.ceil(itemSize(projected) / 1024));
  }
  return units;
}
