import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import type { IndexProjection, KeyAttribute, TableDefinition } from '../../shared/store/table-definition';

const projectionTypes: Record<IndexProjection['type'], dynamodb.ProjectionType> = {
  ALL: dynamodb.ProjectionType.ALL,
  KEYS_ONLY: dynamodb.ProjectionType.KEYS_ONLY,
  INCLUDE: dynamodb.ProjectionType.INCLUDE,
};

// DynamoDB API reference, Projection.NonKeyAttributes and service quotas.
const maxNonKeyAttributesPerIndex = 20;
const maxNonKeyAttributesPerTable = 100;
const maxGlobalSecondaryIndexes = 20;

/** The single table, built from the shared definition so the stack and the local runtime agree. */
export class ArticleTable extends Construct {
  readonly table: dynamodb.TableV2;

  constructor(scope: Construct, id: string, props: { definition: TableDefinition }) {
    super(scope, id);
    const { definition } = props;
    checkLimits(definition);
    this.table = new dynamodb.TableV2(this, 'Table', {
      partitionKey: attribute(definition.partitionKey),
      sortKey: attribute(definition.sortKey),
      billing: dynamodb.Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      removalPolicy: RemovalPolicy.RETAIN,
      globalSecondaryIndexes: definition.globalSecondaryIndexes.map((index) => ({
        indexName: index.indexName,
        partitionKey: attribute(index.partitionKey),
        sortKey: index.sortKey ? attribute(index.sortKey) : undefined,
        projectionType: projectionTypes[index.projection?.type ?? 'ALL'],
        nonKeyAttributes: index.projection?.nonKeyAttributes
          ? [...index.projection.nonKeyAttributes]
          : undefined,
      })),
    });
  }
}

function attribute(key: KeyAttribute): dynamodb.Attribute {
  return {
    name: key.name,
    type: key.type === 'N' ? dynamodb.AttributeType.NUMBER : dynamodb.AttributeType.STRING,
  };
}

/** DynamoDB refuses these at deploy time, long after the local runtime (dynalite) accepted them. */
function checkLimits(definition: TableDefinition): void {
  const problems: string[] = [];
  let projected = 0;
  for (const index of definition.globalSecondaryIndexes) {
    const count = index.projection?.nonKeyAttributes?.length ?? 0;
    projected += count;
    if (count > maxNonKeyAttributesPerIndex) {
      problems.push(
        `${index.indexName} projects ${count} non-key attributes (at most ${maxNonKeyAttributesPerIndex})`,
      );
    }
  }
  if (projected > maxNonKeyAttributesPerTable) {
    problems.push(
      `the indexes project ${projected} non-key attributes in all (at most ${maxNonKeyAttributesPerTable})`,
    );
  }
  if (definition.globalSecondaryIndexes.length > maxGlobalSecondaryIndexes) {
    problems.push(
      `${definition.globalSecondaryIndexes.length} global secondary indexes (at most ${maxGlobalSecondaryIndexes})`,
    );
  }
  if (problems.length > 0) {
    throw new Error(`shared/store/table-definition.ts is over DynamoDB's limits: ${problems.join('; ')}`);
  }
}
