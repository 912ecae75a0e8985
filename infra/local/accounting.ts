import {
  BatchGetItemCommand,
  type BatchGetItemCommandOutput,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { listZone } from '../../shared/aws/list-zone';
import { articleIdOfKey, quarantinedArticle, zones } from '../../shared/pipeline/key-layout';
import { keys } from '../../shared/store/items';

/** How every raw file ended: its article is in the table, it is quarantined at some stage, or neither yet. */
export interface Accounting {
  raw: number;
  stored: number;
  quarantined: number;
  /** Raw keys with neither outcome yet. */
  pending: string[];
  quarantinedByStage: Record<string, number>;
}

export async function accountForRawFiles(
  s3: S3Client,
  dynamodb: DynamoDBClient,
  bucket: string,
  table: string,
): Promise<Accounting> {
  const [raw, quarantine] = await Promise.all([
    listZone(s3, bucket, zones.raw),
    listZone(s3, bucket, zones.quarantine),
  ]);
  const quarantinedIds = new Set<string>();
  const quarantinedByStage: Record<string, number> = {};
  for (const { key } of quarantine) {
    const quarantined = quarantinedArticle(key);
    if (!quarantined) continue;
    quarantinedIds.add(quarantined.articleId);
    quarantinedByStage[quarantined.stage] = (quarantinedByStage[quarantined.stage] ?? 0) + 1;
  }
  const ids = raw.map((o) => articleIdOfKey(o.key));
  const stored = await storedArticleIds(dynamodb, table, ids);
  let storedCount = 0;
  let quarantinedCount = 0;
  const pending: string[] = [];
  raw.forEach((o, i) => {
    const id = ids[i]!;
    if (stored.has(id)) storedCount++;
    else if (quarantinedIds.has(id)) quarantinedCount++;
    else pending.push(o.key);
  });
  return { raw: raw.length, stored: storedCount, quarantined: quarantinedCount, pending, quarantinedByStage };
}

/** Article ids whose article item exists (the store writes it last, so it is whole). */
export async function storedArticleIds(dynamodb: DynamoDBClient, table: string, ids: readonly string[]) {
  const stored = new Set<string>();
  for (let i = 0; i < ids.length; i += 100) {
    let request: BatchGetItemCommand['input']['RequestItems'] = {
      [table]: {
        Keys: ids.slice(i, i + 100).map((id) => {
          const key = keys.article(id);
          return { pk: { S: key.pk }, sk: { S: key.sk } };
        }),
        ProjectionExpression: 'id',
      },
    };
    while (request && Object.keys(request).length > 0) {
      const result: BatchGetItemCommandOutput = await dynamodb.send(
        new BatchGetItemCommand({ RequestItems: request }),
      );
      for (const item of result.Responses?.[table] ?? []) if (item.id?.S) stored.add(item.id.S);
      request = result.UnprocessedKeys;
    }
  }
  return stored;
}
