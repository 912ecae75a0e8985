import { beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../shared/api/routes';
import { type CfnResource, resourcesOf, synthesize } from './synthesize';

let template: ReturnType<typeof synthesize>['template'];
beforeAll(() => {
  ({ template } = synthesize());
});

const only = (type: string): [string, CfnResource] => {
  const found = Object.entries(resourcesOf(template, type));
  expect(found, type).toHaveLength(1);
  return found[0]!;
};

describe('the reading room on AWS', () => {
  it('is served by CloudFront from a private bucket through origin access control, index.html at /', () => {
    const [, distribution] = only('AWS::CloudFront::Distribution');
    const config = distribution.Properties.DistributionConfig;
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    const s3Origin = config.Origins.find((o: { S3OriginConfig?: unknown }) => o.S3OriginConfig);
    expect(s3Origin.OriginAccessControlId).toBeDefined();
    expect(resourcesOf(template, 'AWS::CloudFront::OriginAccessControl')).not.toEqual({});
    const [siteId] = Object.entries(resourcesOf(template, 'AWS::S3::Bucket')).find(([id]) =>
      id.startsWith('ReaderBucket'),
    )!;
    const site = resourcesOf(template, 'AWS::S3::Bucket')[siteId]!;
    expect(site.Properties.PublicAccessBlockConfiguration).toMatchObject({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
  });

  it('puts every API route under the same origin, uncached, with the query string and headers passed on', () => {
    const [, distribution] = only('AWS::CloudFront::Distribution');
    const behaviors: { PathPattern: string; CachePolicyId: string; OriginRequestPolicyId?: string }[] =
      distribution.Properties.DistributionConfig.CacheBehaviors;
    const patterns = behaviors.map((b) => b.PathPattern);
    for (const route of apiRoutes) {
      const path = route.path.replace(/\{[^}]+\}/g, 'x');
      const matched = patterns.filter((p) => new RegExp(`^${p.replace('*', '.*')}$`).test(path));
      expect(matched, route.path).toHaveLength(1);
    }
    for (const behavior of behaviors) {
      // The managed CachingDisabled policy, and AllViewerExceptHostHeader (API Gateway needs its own Host).
      expect(behavior.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad');
      expect(behavior.OriginRequestPolicyId).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac');
    }
  });

  it('copies the built UI into the site bucket with a role of inline grants and a log group with a retention', () => {
    const [, copy] = only('Custom::CDKBucketDeployment');
    expect(JSON.stringify(copy.Properties.DestinationBucketName)).toContain('ReaderBucket');
    expect(copy.Properties.DistributionPaths).toEqual(['/', '/index.html']);
    const roles = Object.entries(resourcesOf(template, 'AWS::IAM::Role')).filter(([id]) =>
      id.startsWith('ReaderDeployRole'),
    );
    expect(roles).toHaveLength(1);
    expect(roles[0]![1].Properties.ManagedPolicyArns).toBeUndefined();
    const logGroups = Object.entries(resourcesOf(template, 'AWS::Logs::LogGroup')).filter(([id]) =>
      id.startsWith('ReaderDeployLogs'),
    );
    expect(logGroups[0]![1].Properties.RetentionInDays).toBeGreaterThan(0);
  });

  it('outputs the reader URL', () => {
    const outputs = template.findOutputs('ReaderUrl');
    expect(JSON.stringify(outputs.ReaderUrl!.Value)).toContain('DomainName');
  });
});
