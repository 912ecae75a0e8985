import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type EntityItem, keys } from '../items';

/** Entity summaries by id, 100 to a BatchGetItem, retrying what the service left unprocessed. */
export async function entitySummaries(
  db: DynamoDBDocumentClient,
  table: string,
  ids: readonly string[],
): Promise<Map<string, EntityItem>> {
  const unique = [...new Set(ids)];
  const found = new Map<string, EntityItem>();
  for (let i = 0; i < unique.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
      [table]: { Keys: unique.slice(i, i + 100).map((id) => keys.entity(id)) },
    };
    while (request && Object.keys(request).length) {
      const result = await db.send(
        new BatchGetCommand({
          RequestItems: Object.fromEntries(
            Object.entries(request).map(([t, r]) => [
              t,
              {
                ...r,
                ProjectionExpression: 'id, #type, #name, aliases, articleCount, mergedInto, mergedIds',
                ExpressionAttributeNames: { '#type': 'type', '#name': 'name' },
              },
            ]),
          ),
        }),
      );
      for (const item of result.Responses?.[table] ?? []) found.set(item.id as string, item as EntityItem);
      request = result.UnprocessedKeys as typeof request;
    }
  }
  return found;
}

/** Never below zero, even if a crashed write lost an increment (see DESIGN.md, repair-counts). */
export function countOf(summary: Pick<EntityItem, 'articleCount'> | undefined): number {
  return Math.max(0, Number(summary?.articleCount ?? 0));
}
