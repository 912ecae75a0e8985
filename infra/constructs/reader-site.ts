import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { DockerImage, Fn, Stack, Validations } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct, type IConstruct } from 'constructs';
import type { RouteDefinition } from '../../shared/api/routes';

export interface ReaderSiteProps {
  readonly api: apigw.HttpApi;
  /** The API's routes: each first path segment becomes a CloudFront behaviour to the API. */
  readonly routes: readonly RouteDefinition[];
  readonly accessLogs: s3.IBucket;
  readonly projectRoot: string;
}

/**
 * The reading room (web/) on AWS: a private site bucket behind CloudFront (origin access control), with
 * the read API under the same origin, so the UI's relative API paths work as they do with `npm start`.
 * `cdk deploy` builds the UI with Vite (asset bundling) and copies it into the bucket.
 */
export class ReaderSite extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly url: string;

  constructor(scope: Construct, id: string, props: ReaderSiteProps) {
    super(scope, id);

    this.bucket = new s3.Bucket(this, 'Bucket', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'reader/',
    });

    // https://{apiId}.execute-api.{region}.amazonaws.com -> its host name.
    const apiDomain = Fn.select(2, Fn.split('/', props.api.apiEndpoint));
    const apiBehavior: cloudfront.BehaviorOptions = {
      origin: new origins.HttpOrigin(apiDomain, {
        protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      }),
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
      // The API sets its own ETag and cache headers; query strings and If-None-Match must reach it.
      cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
      originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
    };
    const apiPrefixes = [...new Set(props.routes.map((route) => route.path.split('/')[1]!))];

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `${Stack.of(this).stackName} reading room`,
      defaultRootObject: 'index.html',
      minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS,
      },
      additionalBehaviors: Object.fromEntries(apiPrefixes.map((prefix) => [`/${prefix}*`, apiBehavior])),
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason: 'A public news archive is read worldwide; there is no country to restrict.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason: 'Read-only public content; the API behind it is throttled at its stage, no WAF for now.',
      },
      {
        id: 'AwsSolutions-CFR3',
        reason: 'Standard logs need an ACL bucket; S3 and HTTP API access logs already record every read.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason: 'The default cloudfront.net certificate allows no TLS minimum; a custom domain would set it.',
      },
    );
    this.url = `https://${this.distribution.distributionDomainName}/`;

    // aws-cdk-lib's own copy handler: given a role with inline grants only (no managed policy) and a
    // log group with a retention, like the pipeline's functions.
    const deployLogs = new logs.LogGroup(this, 'DeployLogs', { retention: logs.RetentionDays.ONE_MONTH });
    const deployRole = new iam.Role(this, 'DeployRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Copies the built reading room into its bucket',
    });
    deployLogs.grantWrite(deployRole);
    new deploy.BucketDeployment(this, 'Deploy', {
      sources: [readerSource(props.projectRoot)],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/', '/index.html'],
      memoryLimit: 256,
      role: deployRole,
      logGroup: deployLogs,
    });
    acknowledgeCopyHandlerRuntime(Stack.of(this));
    acknowledgeDeployment(
      deployRole,
      Stack.of(this).getLogicalId(this.bucket.node.defaultChild as s3.CfnBucket),
    );
  }
}

/** web/ built by Vite into the asset folder, on this machine (the project's own node_modules). */
function readerSource(projectRoot: string): deploy.ISource {
  const web = join(projectRoot, 'web');
  return deploy.Source.asset(web, {
    exclude: ['dist', 'node_modules'],
    bundling: {
      // Only used when local bundling cannot run; the local build always does here (or throws).
      image: DockerImage.fromRegistry('node:22'),
      local: {
        tryBundle(outputDir: string) {
          execFileSync(
            process.execPath,
            [
              join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js'),
              'build',
              '--config',
              join(web, 'vite.config.ts'),
              '--outDir',
              outputDir,
              '--emptyOutDir',
              '--logLevel',
              'warn',
            ],
            { cwd: projectRoot, stdio: 'inherit' },
          );
          return true;
        },
      },
    },
  });
}

/** The copy handler's findings, acknowledged on its own role. */
function acknowledgeDeployment(role: iam.IRole, siteBucketId: string): void {
  const copies = 'The CDK bucket deployment reads the asset and replaces every file of the site bucket.';
  for (const finding of [
    'Action::s3:GetObject*',
    'Action::s3:GetBucket*',
    'Action::s3:List*',
    'Action::s3:DeleteObject*',
    'Action::s3:Abort*',
    'Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*',
    `Resource::<${siteBucketId}.Arn>/*`,
  ]) {
    Validations.of(role).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason: copies });
  }
  Validations.of(role).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason: 'cloudfront:CreateInvalidation of the new index.html as granted by the CDK bucket deployment.',
  });
}

/** The copy handler is a stack-level singleton that aws-cdk-lib names; its runtime is the library's choice. */
function acknowledgeCopyHandlerRuntime(stack: Stack): void {
  const handler = stack.node.children.find((child: IConstruct) =>
    child.node.id.startsWith('Custom::CDKBucketDeployment'),
  );
  if (handler)
    Validations.of(handler).acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'The CDK bucket deployment handler runtime is chosen by aws-cdk-lib and upgraded with it.',
    });
}
