import { CreateTableCommand, type DynamoDBClient, ResourceInUseException } from '@aws-sdk/client-dynamodb';
import { tableDefinition } from './table-definition';

/** CreateTable from the shared definition (local runtime, moto, tests); the CDK stack builds the same. */
export async function createTable(client: DynamoDBClient, tableName: string): Promise<void> {
  const attributes = new Map<string, 'S' | 'N'>();
  const keyAttributes = [
    tableDefinition.partitionKey,
    tableDefinition.sortKey,
    ...tableDefinition.globalSecondaryIndexes.flatMap((i) =>
      i.sortKey ? [i.partitionKey, i.sortKey] : [i.partitionKey],
    ),
  ];
  for (const a of keyAttributes) attributes.set(a.name, a.type);
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [...attributes].map(([AttributeName, AttributeType]) => ({
          AttributeName,
          AttributeType,
        })),
        KeySchema: [
          { AttributeName: tableDefinition.partitionKey.name, KeyType: 'HASH' },
          { AttributeName: tableDefinition.sortKey.name, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: tableDefinition.globalSecondaryIndexes.map((index) => ({
          IndexName: index.indexName,
          KeySchema: [
            { AttributeName: index.partitionKey.name, KeyType: 'HASH' as const },
            ...(index.sortKey ? [{ AttributeName: index.sortKey.name, KeyType: 'RANGE' as const }] : []),
          ],
          Projection: {
            ProjectionType: index.projection?.type ?? 'ALL',
            NonKeyAttributes: index.projection?.nonKeyAttributes
              ? [...index.projection.nonKeyAttributes]
              : undefined,
          },
        })),
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
}
