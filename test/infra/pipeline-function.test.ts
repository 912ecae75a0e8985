import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as sns from 'aws-cdk-lib/aws-sns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PipelineFunction } from '../../infra/constructs/pipeline-function';
import { type CfnResource, resourcesOf } from './synthesize';

/**
 * A tiny project of its own: a handler that reads a data file beside its bundle, and that data folder.
 * It lives in the repository's ignored `.tmp/`, not the OS temp folder: CDK bundles with
 * `npx --no-install esbuild` in the project's folder, which finds this repository's esbuild only from
 * below it (from /tmp it found one only when an earlier command had left it in the npx cache).
 */
function fixtureProject(): string {
  const scratch = resolve(import.meta.dirname, '../../.tmp');
  mkdirSync(scratch, { recursive: true });
  const root = mkdtempSync(join(scratch, 'pipeline-function-'));
  mkdirSync(join(root, 'src'));
  mkdirSync(join(root, 'data', 'nested'), { recursive: true });
  writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion": 3}');
  writeFileSync(
    join(root, 'src', 'handler.ts'),
    "export const handler = async () => new URL('./data/weights.json', import.meta.url).href;\n" +
      'export const isCapitalised = (word: string) => /^\\p{Lu}\\p{Ll}+$/u.test(word);\n',
  );
  writeFileSync(join(root, 'data', 'weights.json'), '{"w":[1,2,3]}');
  writeFileSync(join(root, 'data', 'nested', 'vocab.txt'), 'a\nb\n');
  return root;
}

let stack: Stack;
let outdir: string;
let projectRoot: string;
beforeAll(() => {
  projectRoot = fixtureProject();
  outdir = mkdtempSync(join(tmpdir(), 'pipeline-function-out-'));
  const app = new App({ outdir, context: { 'aws:cdk:enable-asset-metadata': true } });
  stack = new Stack(app, 'Fixture');
  const alarmTopic = new sns.Topic(stack, 'Alarms');
  new PipelineFunction(stack, 'WithData', {
    name: 'with-data',
    projectRoot,
    entry: 'src/handler.ts',
    memoryMb: 256,
    timeoutSeconds: 5,
    environment: { GREETING: 'hello' },
    assetDirs: { data: 'data' },
    alarmTopic,
  });
  new PipelineFunction(stack, 'MissingData', {
    name: 'missing-data',
    projectRoot,
    entry: 'src/handler.ts',
    memoryMb: 256,
    timeoutSeconds: 5,
    environment: {},
    assetDirs: { 'no/such/folder': 'model' },
    alarmTopic,
  });
  app.synth();
});

afterAll(() => {
  rmSync(projectRoot, { recursive: true, force: true });
});

function functionNamed(idPrefix: string): CfnResource {
  const functions = resourcesOf(Template.fromStack(stack), 'AWS::Lambda::Function');
  return Object.entries(functions).find(([id]) => id.startsWith(idPrefix))![1];
}

function assetDir(idPrefix: string): string {
  return join(outdir, functionNamed(idPrefix).Metadata!['aws:asset:path']!);
}

describe('PipelineFunction', () => {
  it('copies each asset folder, nested files included, next to the bundle', () => {
    const dir = assetDir('WithData');
    expect(readdirSync(dir).sort()).toEqual(['data', 'index.mjs', 'index.mjs.map']);
    expect(readFileSync(join(dir, 'data', 'weights.json'), 'utf8')).toBe('{"w":[1,2,3]}');
    expect(readFileSync(join(dir, 'data', 'nested', 'vocab.txt'), 'utf8')).toBe('a\nb\n');
  });

  it('keeps Unicode property regexes as literals, compiled once, instead of new RegExp on every call', () => {
    const bundle = readFileSync(join(assetDir('WithData'), 'index.mjs'), 'utf8');
    expect(bundle).toContain('/^\\p{Lu}\\p{Ll}+$/u');
    expect(bundle).not.toContain('new RegExp');
  });

  it('warns, and ships the bundle alone, when an asset folder does not exist', () => {
    expect(readdirSync(assetDir('MissingData')).sort()).toEqual(['index.mjs', 'index.mjs.map']);
    Annotations.fromStack(stack).hasWarning('/Fixture/MissingData', Match.stringLikeRegexp('no/such/folder'));
  });

  it('keeps the caller environment beside the Powertools settings', () => {
    expect(functionNamed('WithData').Properties.Environment.Variables).toMatchObject({
      GREETING: 'hello',
      POWERTOOLS_SERVICE_NAME: 'article-pipeline',
      NODE_OPTIONS: '--enable-source-maps',
    });
  });
});
