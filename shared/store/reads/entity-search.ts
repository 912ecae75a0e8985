import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { foldName } from '../../article/entity-id';
import type { EntityType } from '../../article/schema';
import type { EntityMatch, Listed } from '../archive-reads';
import { keys } from '../items';
import { type Item, type Key, queryAll } from '../paged-query';
import { checkShape, InvalidPosition } from '../read-positions';
import { countOf, entitySummaries } from './entity-summaries';

/**
 * How many matching entities a search ranks. A prefix matching more is ranked among the first this
 * many in name order (a longer prefix narrows it); the cost stays one Query and two BatchGetItems.
 */
export const maxRankedMatches = 200;

/**
 * Entities whose name or alias has a word starting with `prefix`, most articles first, then by name:
 * the token Query finds the matches, one BatchGetItem per 100 reads their counts. Merged-away ids and
 * entities left with no article are left out (their names are the survivor's aliases). The cursor is the offset in that order.
 */
export async function searchEntities(
  db: DynamoDBDocumentClient,
  table: string,
  query: { prefix: string; type?: EntityType; limit: number },
  after?: Key,
): Promise<Listed<EntityMatch, Key>> {
  const folded = foldName(query.prefix);
  let offset = 0;
  if (after) {
    checkShape(after, ['o']);
    if (!/^\d{1,4}$/.test(after.o!)) throw new InvalidPosition('cursor does not belong to this query');
    offset = Number(after.o);
  }
  const tokens = await queryAll(
    db,
    {
      TableName: table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.nameTokenPk(query.type, folded), ':prefix': folded },
      ProjectionExpression: 'entityId, entityType, #name, #token, tokens',
      ExpressionAttributeNames: { '#name': 'name', '#token': 'token' },
    },
    maxRankedMatches * 4,
  );
  const firstMatches = new Map<string, Item>();
  for (const item of tokens) {
    if (isFirstMatch(item, folded) && !firstMatches.has(item.entityId as string))
      firstMatches.set(item.entityId as string, item);
    if (firstMatches.size === maxRankedMatches) break;
  }
  const summaries = await entitySummaries(db, table, [...firstMatches.keys()]);
  const ranked = [...firstMatches.values()]
    // Merged-away ids, and entities whose every article went to another entity, are not listed.
    .filter((i) => {
      const summary = summaries.get(i.entityId as string);
      return !summary?.mergedInto && countOf(summary) > 0;
    })
    .map((i): EntityMatch => {
      const summary = summaries.get(i.entityId as string);
      return {
        id: i.entityId as string,
        type: i.entityType as EntityType,
        name: summary?.name ?? (i.name as string),
        matched: i.token as string,
        articleCount: countOf(summary),
      };
    })
    .sort(
      (a, b) => b.articleCount - a.articleCount || a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
    );
  const items = ranked.slice(offset, offset + query.limit);
  const end = offset + items.length;
  if (after && offset > ranked.length) throw new InvalidPosition('cursor is past the end of this query');
  return { items, next: end < ranked.length ? { o: String(end) } : undefined };
}

/** An entity matching by several words is listed once, at the first. */
function isFirstMatch(item: Item, prefix: string): boolean {
  const tokens = (item.tokens as string[] | undefined) ?? [];
  const first = tokens.filter((t) => t.startsWith(prefix)).sort()[0];
  return first === undefined || first === item.token;
}
