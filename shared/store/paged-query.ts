import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';

export type Key = Record<string, string>;
export type Item = Record<string, unknown>;

export interface Page {
  items: Item[];
  /** Where the next page starts; absent when the query has no more items. */
  next?: Key;
}

/**
 * Reads up to `want` items of one Query, following DynamoDB's pages (a filter can leave a page short),
 * and says whether more exist by peeking one item further: a cursor is only handed out when there is
 * something behind it. The next key is built from the last returned item, so it is exact.
 */
export async function pagedQuery(
  db: DynamoDBDocumentClient,
  input: QueryCommandInput,
  want: number,
  keyAttributes: readonly string[],
  start?: Key,
  /** Items the caller does not want are skipped here, so pages stay full. */
  keep: (item: Item) => boolean = () => true,
): Promise<Page> {
  const items: Item[] = [];
  let startKey: Key | undefined = start;
  for (;;) {
    const page = await db.send(
      new QueryCommand({
        ...input,
        ExclusiveStartKey: startKey,
        Limit: Math.max(1, want - items.length + 1),
      }),
    );
    for (const item of page.Items ?? []) {
      if (!keep(item)) continue;
      if (items.length === want) return { items, next: keyOf(items[want - 1]!, keyAttributes) };
      items.push(item);
    }
    if (!page.LastEvaluatedKey) return { items };
    startKey = page.LastEvaluatedKey as Key;
  }
}

/** Every page of a Query (for small partitions: registries, one day's counters). */
export async function queryAll(
  db: DynamoDBDocumentClient,
  input: QueryCommandInput,
  max = 10_000,
): Promise<Item[]> {
  const items: Item[] = [];
  let startKey: Key | undefined;
  do {
    const page = await db.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    for (const item of page.Items ?? []) items.push(item);
    startKey = page.LastEvaluatedKey as Key | undefined;
  } while (startKey && items.length < max);
  return items.slice(0, max);
}

function keyOf(item: Item, attributes: readonly string[]): Key {
  return Object.fromEntries(attributes.map((a) => [a, String(item[a])]));
}
