import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../shared/api/routes';
import { env, stages, visibilityTimeoutSeconds } from '../../shared/pipeline/definition';
import { quarantineZone } from '../../shared/pipeline/key-layout';
import { stageDeadLetterQueueOutput, stageQueueOutput } from '../../shared/pipeline/stack-outputs';
import { tableDefinition } from '../../shared/store/table-definition';
import { type CfnResource, resourcesOf, synthesize } from './synthesize';

type Template = ReturnType<typeof synthesize>['template'];

let template: Template;
beforeAll(() => {
  ({ template } = synthesize());
});

function resources(type: string): Record<string, CfnResource> {
  return resourcesOf(template, type);
}

/** The function whose role has this logical id prefix's policy; found through the stage construct's path. */
function functionOf(pathPrefix: string): [string, CfnResource] {
  const found = Object.entries(resources('AWS::Lambda::Function')).filter(([id]) =>
    id.startsWith(pathPrefix),
  );
  expect(found).toHaveLength(1);
  return found[0]!;
}

function policyStatementsOf(rolePrefix: string): Array<{ Action: string | string[]; Resource: unknown }> {
  const policies = Object.entries(resources('AWS::IAM::Policy')).filter(([id]) => id.startsWith(rolePrefix));
  expect(policies).toHaveLength(1);
  return policies[0]![1].Properties.PolicyDocument.Statement;
}

function actions(statement: { Action: string | string[] }): string[] {
  return Array.isArray(statement.Action) ? statement.Action : [statement.Action];
}

/** The prefixes (after the bucket ARN) that statements with this action apply to. */
function objectPrefixesFor(statements: ReturnType<typeof policyStatementsOf>, action: string): string[] {
  return statements
    .filter((s) => actions(s).includes(action))
    .flatMap((s) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]))
    .map((r) => JSON.stringify(r))
    .map((r) => /"\/([^"]*)\*"/.exec(r)?.[1] ?? `bucket:${r}`)
    .sort();
}

/** The pipeline's own functions: not aws-cdk-lib's copy handler of the reading room (test/infra/reader-site.test.ts). */
function pipelineFunctions(): Record<string, CfnResource> {
  const all = resources('AWS::Lambda::Function');
  return Object.fromEntries(
    Object.entries(all).filter(([id]) => !id.startsWith('CustomCDKBucketDeployment')),
  );
}

const logicalPrefix = (name: string) => `${name.charAt(0).toUpperCase()}${name.slice(1)}Stage`;

describe('pipeline stages come from the shared definition', () => {
  it('has one queue and one dead-letter queue per stage, one rule, one function (plus the api) and one mapping', () => {
    template.resourceCountIs('AWS::SQS::Queue', stages.length * 2);
    template.resourceCountIs('AWS::Events::Rule', stages.length);
    template.resourceCountIs('AWS::Lambda::EventSourceMapping', stages.length);
    expect(Object.keys(pipelineFunctions())).toHaveLength(stages.length + 1);
  });

  for (const stage of stages) {
    describe(stage.name, () => {
      const prefix = logicalPrefix(stage.name);

      it('routes Object Created under its input prefix of the bucket to its queue', () => {
        const rules = Object.entries(resources('AWS::Events::Rule')).filter(([id]) => id.startsWith(prefix));
        expect(rules).toHaveLength(1);
        const rule = rules[0]![1].Properties;
        expect(rule.EventPattern).toEqual({
          source: ['aws.s3'],
          'detail-type': ['Object Created'],
          detail: {
            bucket: { name: [{ Ref: expect.stringMatching(/^ArchiveBucket/) }] },
            object: { key: [{ prefix: stage.inputPrefix }] },
          },
        });
        expect(rule.Targets).toHaveLength(1);
        expect(rule.Targets[0].Arn['Fn::GetAtt'][0]).toMatch(new RegExp(`^${prefix}Queue`));
      });

      it('has a queue with the visibility timeout and redrive from the definition, and a 14-day DLQ', () => {
        const queues = resources('AWS::SQS::Queue');
        const [queueId, queue] = Object.entries(queues).find(([id]) => id.startsWith(`${prefix}Queue`))!;
        expect(queue.Properties.VisibilityTimeout).toBe(visibilityTimeoutSeconds(stage));
        expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
        expect(queue.Properties.RedrivePolicy.maxReceiveCount).toBe(stage.maxReceiveCount);
        const dlqId = queue.Properties.RedrivePolicy.deadLetterTargetArn['Fn::GetAtt'][0];
        expect(dlqId).toMatch(new RegExp(`^${prefix}DeadLetterQueue`));
        expect(queues[dlqId]!.Properties.MessageRetentionPeriod).toBe(14 * 24 * 3600);
        expect(queues[dlqId]!.Properties.SqsManagedSseEnabled).toBe(true);
        for (const id of [queueId, dlqId]) {
          template.hasResourceProperties('AWS::SQS::QueuePolicy', {
            Queues: [{ Ref: id }],
            PolicyDocument: {
              Statement: Match.arrayWith([
                Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
              ]),
            },
          });
        }
      });

      it('alarms when its dead-letter queue holds a message', () => {
        template.hasResourceProperties('AWS::CloudWatch::Alarm', {
          MetricName: 'ApproximateNumberOfMessagesVisible',
          Dimensions: [
            {
              Name: 'QueueName',
              Value: { 'Fn::GetAtt': [Match.stringLikeRegexp(`^${prefix}DeadLetterQueue`), 'QueueName'] },
            },
          ],
          Threshold: 1,
          AlarmActions: Match.anyValue(),
        });
      });

      it('runs a function sized by the definition, fed in batches that report item failures', () => {
        const [functionId, fn] = functionOf(`${prefix}HandlerFunction`);
        expect(fn.Properties).toMatchObject({
          MemorySize: stage.memoryMb,
          Timeout: stage.timeoutSeconds,
          Runtime: expect.stringMatching(/^nodejs(20|22)\.x$/),
          Architectures: ['arm64'],
          TracingConfig: { Mode: 'Active' },
        });
        expect(fn.Properties.Environment.Variables[env.bucket]).toEqual({
          Ref: expect.stringMatching(/^ArchiveBucket/),
        });
        // Exactly the settings the definition says the function reads (maxRawBytes is unset here).
        const ours = Object.keys(fn.Properties.Environment.Variables).filter((name) =>
          (Object.values(env) as string[]).includes(name),
        );
        expect(ours.sort()).toEqual(
          stage.settings
            .filter((setting) => setting !== 'maxRawBytes')
            .map((setting) => env[setting])
            .sort(),
        );
        template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
          FunctionName: { Ref: functionId },
          BatchSize: stage.batchSize,
          FunctionResponseTypes: ['ReportBatchItemFailures'],
          EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp(`^${prefix}Queue`), 'Arn'] },
        });
        template.hasResourceProperties('AWS::CloudWatch::Alarm', {
          MetricName: 'Errors',
          Namespace: 'AWS/Lambda',
          Dimensions: [{ Name: 'FunctionName', Value: { Ref: functionId } }],
        });
      });

      it('may list only under the prefixes it reads, so a missing key answers 404 and nothing more', () => {
        const listing = policyStatementsOf(`${prefix}HandlerRole`).filter((s) =>
          actions(s).includes('s3:ListBucket'),
        ) as Array<{ Action: unknown; Condition?: Record<string, Record<string, unknown>> }>;
        expect(listing).toHaveLength(1);
        const output = stage.output.kind === 'documents' ? [stage.output.prefix] : [];
        const readPrefixes = [stage.inputPrefix, ...output];
        expect(listing[0]!.Condition).toEqual({
          StringLike: { 's3:prefix': readPrefixes.map((p) => `${p}*`) },
        });
      });

      it('caps the concurrency of its event source mapping from the definition', () => {
        expect(stage.maxConcurrency).toBeGreaterThanOrEqual(2);
        template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
          EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp(`^${prefix}Queue`), 'Arn'] },
          ScalingConfig: { MaximumConcurrency: stage.maxConcurrency },
        });
      });

      it('has its EventBridge target retry, then leave undelivered events in its dead-letter queue', () => {
        const rules = Object.entries(resources('AWS::Events::Rule')).filter(([id]) => id.startsWith(prefix));
        expect(rules).toHaveLength(1);
        const targets = rules[0]![1].Properties.Targets as Array<{
          RetryPolicy?: unknown;
          DeadLetterConfig: { Arn: unknown };
        }>;
        expect(targets).toHaveLength(1);
        expect(targets[0]!.RetryPolicy).toEqual({
          MaximumRetryAttempts: expect.any(Number),
          MaximumEventAgeInSeconds: expect.any(Number),
        });
        expect(targets[0]!.DeadLetterConfig.Arn).toEqual({
          'Fn::GetAtt': [expect.stringMatching(new RegExp(`^${prefix}DeadLetterQueue`)), 'Arn'],
        });
      });

      it('may read its input, write its output and its own quarantine folder, and nothing else in the bucket', () => {
        const statements = policyStatementsOf(`${prefix}HandlerRole`);
        const s3Actions = statements.flatMap(actions).filter((a) => a.startsWith('s3:'));
        expect(new Set(s3Actions)).toEqual(new Set(['s3:ListBucket', 's3:GetObject', 's3:PutObject']));
        const output = stage.output.kind === 'documents' ? [stage.output.prefix] : [];
        expect(objectPrefixesFor(statements, 's3:PutObject')).toEqual(
          [...output, quarantineZone(stage.name)].sort(),
        );
        expect(objectPrefixesFor(statements, 's3:GetObject')).toEqual([stage.inputPrefix, ...output].sort());
        const dynamo = statements.flatMap(actions).filter((a) => a.startsWith('dynamodb:'));
        if (output.length > 0) expect(dynamo).toEqual([]);
        else expect(dynamo).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:Query']));
        expect(dynamo).not.toContain('dynamodb:Scan');
      });
    });
  }
});

describe('the table', () => {
  it('has the keys and every global secondary index of the table definition', () => {
    const tables = Object.values(resources('AWS::DynamoDB::GlobalTable'));
    expect(tables).toHaveLength(1);
    const table = tables[0]!.Properties;
    expect(table.KeySchema).toEqual([
      { AttributeName: tableDefinition.partitionKey.name, KeyType: 'HASH' },
      { AttributeName: tableDefinition.sortKey.name, KeyType: 'RANGE' },
    ]);
    expect(table.BillingMode).toBe('PAY_PER_REQUEST');
    const indexes = table.GlobalSecondaryIndexes as Array<{
      IndexName: string;
      KeySchema: unknown;
      Projection: { ProjectionType: string; NonKeyAttributes?: string[] };
    }>;
    expect(indexes.map((i) => i.IndexName).sort()).toEqual(
      tableDefinition.globalSecondaryIndexes.map((i) => i.indexName).sort(),
    );
    for (const index of tableDefinition.globalSecondaryIndexes) {
      const built = indexes.find((i) => i.IndexName === index.indexName)!;
      expect(built.KeySchema).toEqual([
        { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
        ...(index.sortKey ? [{ AttributeName: index.sortKey.name, KeyType: 'RANGE' }] : []),
      ]);
      expect(built.Projection.ProjectionType).toBe(index.projection?.type ?? 'ALL');
      expect(built.Projection.NonKeyAttributes ?? []).toEqual([
        ...(index.projection?.nonKeyAttributes ?? []),
      ]);
    }
  });

  it('has point-in-time recovery and is retained when the stack is deleted', () => {
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      Properties: {
        Replicas: [
          Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }),
        ],
      },
    });
  });
});

describe('the bucket', () => {
  const archive = () =>
    Object.entries(resources('AWS::S3::Bucket')).find(([id]) => id.startsWith('ArchiveBucket'))!;

  it('is versioned, encrypted, private, logs access and sends events to EventBridge', () => {
    const [, bucket] = archive();
    expect(bucket.Properties).toMatchObject({
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      NotificationConfiguration: { EventBridgeConfiguration: { EventBridgeEnabled: true } },
      LoggingConfiguration: { DestinationBucketName: { Ref: expect.stringMatching(/^ArchiveAccessLogs/) } },
    });
    expect(bucket.Properties.LifecycleConfiguration.Rules).toContainEqual(
      expect.objectContaining({ NoncurrentVersionExpiration: { NoncurrentDays: expect.any(Number) } }),
    );
  });

  it('refuses requests without TLS', () => {
    const [id] = archive();
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: id },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });
});

describe('the read API', () => {
  it('has one route per route definition, each to the api function', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Route', apiRoutes.length);
    const integrations = Object.keys(resources('AWS::ApiGatewayV2::Integration'));
    expect(integrations).toHaveLength(1);
    for (const route of apiRoutes) {
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: `${route.method} ${route.path}`,
        Target: { 'Fn::Join': ['', ['integrations/', { Ref: integrations[0] }]] },
      });
    }
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationUri: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ApiHandlerFunction'), 'Arn'] },
      PayloadFormatVersion: '2.0',
    });
  });

  it('allows cross-origin GETs with conditional-request headers', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: {
        AllowMethods: ['GET'],
        AllowOrigins: ['*'],
        AllowHeaders: Match.arrayWith(['If-None-Match']),
        ExposeHeaders: Match.arrayWith(['ETag']),
      },
    });
  });

  it('throttles the default stage and logs access', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
    });
  });

  it('runs the api function with the table name, and only key reads on the table: no write, no Scan', () => {
    const [, fn] = functionOf('ApiHandlerFunction');
    expect(fn.Properties.Environment.Variables[env.table]).toEqual({
      Ref: expect.stringMatching(/^ArticlesTable/),
    });
    const granted = policyStatementsOf('ApiHandlerRole').flatMap(actions);
    const data = granted.filter(
      (a) => !a.startsWith('logs:') && !a.startsWith('xray:') && !a.startsWith('secretsmanager:'),
    );
    expect(new Set(data)).toEqual(new Set(['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query']));
  });
});

describe('the cursor signing key', () => {
  const secret = (): [string, CfnResource] => {
    const secrets = Object.entries(resources('AWS::SecretsManager::Secret'));
    expect(secrets).toHaveLength(1);
    return secrets[0]!;
  };

  it('is a Secrets Manager secret with a generated 48-character value', () => {
    const [, found] = secret();
    expect(found.Properties.GenerateSecretString).toEqual({ ExcludePunctuation: true, PasswordLength: 48 });
    expect(found.Properties.SecretString).toBeUndefined();
  });

  it("reaches the api function as the secret's ARN, never as a key in the environment", () => {
    const [secretId] = secret();
    const [, fn] = functionOf('ApiHandlerFunction');
    expect(fn.Properties.Environment.Variables[env.cursorSecretArn]).toEqual({ Ref: secretId });
    for (const each of Object.values(resources('AWS::Lambda::Function'))) {
      expect(each.Properties.Environment.Variables[env.cursorSecret]).toBeUndefined();
    }
  });

  it('can be read by the api role with GetSecretValue on that secret alone', () => {
    const [secretId] = secret();
    const statements = policyStatementsOf('ApiHandlerRole').filter((s) =>
      actions(s).some((a) => a.startsWith('secretsmanager:')),
    );
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({
      Effect: 'Allow',
      Action: 'secretsmanager:GetSecretValue',
      Resource: { Ref: secretId },
    });
  });

  it('can be read by no other role, and no resource policy opens it', () => {
    const [secretId] = secret();
    const others = Object.entries(resources('AWS::IAM::Policy')).filter(
      ([id]) => !id.startsWith('ApiHandlerRole'),
    );
    expect(others.length).toBeGreaterThan(0);
    for (const [id, policy] of others) {
      const document = JSON.stringify(policy.Properties.PolicyDocument);
      expect(document, id).not.toContain('secretsmanager:');
      expect(document, id).not.toContain(secretId);
    }
    template.resourceCountIs('AWS::SecretsManager::ResourcePolicy', 0);
  });
});

describe('every function', () => {
  it('is an arm64 Node function with active tracing, Powertools settings and a log group with a retention', () => {
    const functions = Object.values(pipelineFunctions());
    const logGroups = resources('AWS::Logs::LogGroup');
    for (const fn of functions) {
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      expect(fn.Properties.TracingConfig).toEqual({ Mode: 'Active' });
      expect(fn.Properties.Environment.Variables).toMatchObject({
        POWERTOOLS_SERVICE_NAME: expect.any(String),
        POWERTOOLS_METRICS_NAMESPACE: expect.any(String),
      });
      const logGroupId = fn.Properties.LoggingConfig.LogGroup.Ref;
      expect(logGroups[logGroupId]!.Properties.RetentionInDays).toBeGreaterThan(0);
    }
  });

  it('uses no managed policy', () => {
    for (const role of Object.values(resources('AWS::IAM::Role'))) {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });
});

describe('outputs', () => {
  it('exports the bucket name and the API URL', () => {
    template.hasOutput('BucketName', { Value: { Ref: Match.stringLikeRegexp('^ArchiveBucket') } });
    template.hasOutput('ApiUrl', {
      Value: { 'Fn::Join': ['', Match.arrayWith([{ Ref: Match.stringLikeRegexp('^ReadApiHttpApi') }])] },
    });
  });

  it("exports each stage's queue and dead-letter queue URLs under the names the operating CLI reads", () => {
    for (const stage of stages) {
      const capitalized = `${stage.name[0]!.toUpperCase()}${stage.name.slice(1)}`;
      template.hasOutput(stageQueueOutput(stage.name), {
        Value: { Ref: Match.stringLikeRegexp(`^${capitalized}StageQueue`) },
      });
      template.hasOutput(stageDeadLetterQueueOutput(stage.name), {
        Value: { Ref: Match.stringLikeRegexp(`^${capitalized}StageDeadLetterQueue`) },
      });
    }
  });
});
