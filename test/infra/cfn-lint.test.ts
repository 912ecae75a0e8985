import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../infra/paths';
import { env, stages } from '../../shared/pipeline/definition';
import { resourcesOf, synthesize } from './synthesize';

let synthesized: ReturnType<typeof synthesize>;
beforeAll(() => {
  // The real thing: every function bundled by esbuild, as `cdk synth` does.
  synthesized = synthesize({ bundle: true });
});

interface LintFinding {
  Level: string;
  Rule: { Id: string };
  Message: string;
}

describe('the synthesized template', () => {
  it('passes cfn-lint with no error', () => {
    const found = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' });
    expect(found.error, 'cfn-lint must be on PATH (pip install cfn-lint)').toBeUndefined();
    const templateFile = join(synthesized.outdir, synthesized.stack.templateFile);
    const run = spawnSync('cfn-lint', ['--format', 'json', templateFile], { encoding: 'utf8' });
    const findings = JSON.parse(run.stdout || '[]') as LintFinding[];
    const errors = findings.filter((f) => f.Level === 'Error').map((f) => `${f.Rule.Id}: ${f.Message}`);
    expect(errors).toEqual([]);
  });
});

describe('the function bundles', () => {
  const functionPrefixes = [
    ...stages.map((s) => `${s.name.charAt(0).toUpperCase()}${s.name.slice(1)}StageHandler`),
    'ApiHandler',
  ];
  const assetDirOf = (logicalIdPrefix: string): string => {
    const functions = resourcesOf(synthesized.template, 'AWS::Lambda::Function');
    const [, fn] = Object.entries(functions).find(([id]) => id.startsWith(logicalIdPrefix))!;
    return join(synthesized.outdir, fn.Metadata!['aws:asset:path']!);
  };

  it('are single ESM files with a require shim and a source map, the AWS SDK bundled in', () => {
    for (const prefix of functionPrefixes) {
      const dir = assetDirOf(prefix);
      const code = readFileSync(join(dir, 'index.mjs'), 'utf8');
      expect(code.startsWith("import { createRequire } from 'module';")).toBe(true);
      expect(existsSync(join(dir, 'index.mjs.map'))).toBe(true);
      expect(code).not.toMatch(/from\s*"@aws-sdk\//);
    }
  });

  it('import in plain Node from an empty folder: nothing was left external, the ESM/CommonJS mix loads', () => {
    for (const prefix of functionPrefixes) {
      const probe = `import(${JSON.stringify(join(assetDirOf(prefix), 'index.mjs'))}).then(m => console.log(typeof m.handler))`;
      const output = execFileSync(process.execPath, ['--input-type=module', '-e', probe], {
        cwd: tmpdir(),
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH,
          AWS_REGION: 'us-east-1',
          [env.bucket]: 'probe',
          [env.table]: 'probe',
          [env.tagger]: 'builtin',
          [env.defaultTimeZone]: 'UTC',
        },
      });
      expect(output.trim(), prefix).toBe('function');
    }
  });

  it('ship the tagger model beside the tag bundle', () => {
    const model = join(repoRoot, 'shared/tag/model');
    const expected = existsSync(model) ? readdirSync(model).sort() : [];
    const bundled = join(assetDirOf('TagStageHandler'), 'model');
    expect(existsSync(bundled) ? readdirSync(bundled).sort() : []).toEqual(expected);
    for (const file of expected) {
      expect(statSync(join(bundled, file)).size).toBe(statSync(join(model, file)).size);
    }
  });
});
