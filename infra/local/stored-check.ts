import {
  BatchGetItemCommand,
  type BatchGetItemCommandOutput,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { keys } from '../../shared/store/items';
import type { StoredCheck } from './reconcile';

/**
 * A tagged article counts as stored when the table's article item was written after the tagged/
 * object was last written (the store stamps `storedAt` when it builds the item from that object).
 */
export function storedCheck(dynamodb: DynamoDBClient, table: string): StoredCheck {
  return async (tagged) => {
    const stored = new Set<string>();
    const taggedAt = new Map(tagged.map((t) => [t.articleId, t.object.lastModified]));
    for (let i = 0; i < tagged.length; i += 100) {
      let request: BatchGetItemCommand['input']['RequestItems'] = {
        [table]: {
          Keys: tagged.slice(i, i + 100).map(({ articleId }) => {
            const key = keys.article(articleId);
            return { pk: { S: key.pk }, sk: { S: key.sk } };
          }),
          ProjectionExpression: 'id, storedAt',
          ConsistentRead: true,
        },
      };
      while (request && Object.keys(request).length > 0) {
        const result: BatchGetItemCommandOutput = await dynamodb.send(
          new BatchGetItemCommand({ RequestItems: request }),
        );
        for (const item of result.Responses?.[table] ?? []) {
          const id = item.id?.S;
          const storedAt = Date.parse(item.storedAt?.S ?? '');
          if (id && storedAt >= (taggedAt.get(id) ?? Number.POSITIVE_INFINITY)) stored.add(id);
        }
        request = result.UnprocessedKeys;
      }
    }
    return stored;
  };
}
