import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { foldName } from '../../article/entity-id';
import type { RelatedEntities } from '../archive-reads';
import { keys } from '../items';
import { queryAll } from '../paged-query';
import { type DateRange, sortRange } from '../read-positions';
import { entitySummaries } from './entity-summaries';

/** The newest articles of an entity counted for co-occurrence: a fixed cost however famous it is. */
export const maxRelatedEdges = 500;
/** Co-mentioned ids read beyond the page, so dropping the entity's own aliases still fills it. */
const spare = 20;

/**
 * The entities that share the most articles with this one, counted over its newest articles from the
 * co-entity lists its edges carry. Co-mentions of a merged-away id count for its survivor, and the
 * entity itself never appears: not by its id, its merged ids, nor an entity named like one of its names.
 */
export async function related(
  db: DynamoDBDocumentClient,
  table: string,
  entityId: string,
  query: DateRange & { limit: number },
): Promise<RelatedEntities> {
  const [edges, selfSummary] = await Promise.all([
    queryAll(
      db,
      {
        TableName: table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': keys.entityArticlesPk(entityId), ...sortRange(query) },
        ProjectionExpression: 'coEntities',
        ScanIndexForward: false,
      },
      maxRelatedEdges,
    ),
    entitySummaries(db, table, [entityId]),
  ]);
  const self = selfSummary.get(entityId);
  const selfIds = new Set([entityId, ...(self?.mergedIds ?? [])]);
  const selfNames = new Set([self?.name, ...(self?.aliases ?? [])].filter(Boolean).map((n) => foldName(n!)));
  const counts = new Map<string, number>();
  for (const edge of edges) {
    for (const other of (edge.coEntities as string[] | undefined) ?? [])
      if (!selfIds.has(other)) counts.set(other, (counts.get(other) ?? 0) + 1);
  }
  const head = [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, query.limit + spare);
  const summaries = await entitySummaries(
    db,
    table,
    head.map(([id]) => id),
  );
  const survivors = [...summaries.values()].flatMap((s) => (s.mergedInto ? [s.mergedInto] : []));
  const more = await entitySummaries(
    db,
    table,
    survivors.filter((id) => !summaries.has(id)),
  );
  for (const [id, s] of more) summaries.set(id, s);
  const folded = new Map<string, number>();
  for (const [id, together] of head) {
    const survivor = summaries.get(id)?.mergedInto ?? id;
    folded.set(survivor, (folded.get(survivor) ?? 0) + together);
  }
  const isSelf = (id: string) => {
    const s = summaries.get(id);
    return selfIds.has(id) || (s !== undefined && s.type === self?.type && selfNames.has(foldName(s.name)));
  };
  const items = [...folded]
    .filter(([id]) => !isSelf(id))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, query.limit)
    .map(([id, articlesTogether]) => {
      const s = summaries.get(id);
      return { id, type: s?.type, name: s?.name, articlesTogether };
    });
  return { articlesConsidered: edges.length, items };
}
