import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../infra/build-app';

export interface SynthOptions {
  /** cdk context on top of the defaults cdk.json sets (tagger=builtin, defaultTimeZone=UTC). */
  readonly context?: Record<string, unknown>;
  /** Bundle the functions with esbuild (slow); otherwise assets are stubs, which the template does not show. */
  readonly bundle?: boolean;
}

/** The CDK app as `cdk synth` builds it, synthesized into a temp folder. */
export function synthesize(options: SynthOptions = {}) {
  const outdir = mkdtempSync(join(tmpdir(), 'article-pipeline-cdk-'));
  const app = new App({
    outdir,
    context: {
      tagger: 'builtin',
      defaultTimeZone: 'UTC',
      // As the CLI does: lets tests find each function's bundle folder from the template.
      'aws:cdk:enable-asset-metadata': true,
      ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
      ...options.context,
    },
  });
  const { stack } = buildApp(app);
  const assembly = app.synth();
  const template = Template.fromStack(stack);
  return { app, stack, assembly, template, outdir };
}

/** A resource of the synthesized template; its properties are whatever CloudFormation takes. */
export interface CfnResource {
  readonly Type: string;
  // biome-ignore lint/suspicious/noExplicitAny: template JSON is checked by the assertions, not by types.
  readonly Properties: Record<string, any>;
  readonly Metadata?: Record<string, string>;
}

export function resourcesOf(template: Template, type: string): Record<string, CfnResource> {
  return template.findResources(type) as Record<string, CfnResource>;
}
