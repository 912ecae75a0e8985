import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthesize } from './synthesize';

let app: ReturnType<typeof synthesize>['app'];
beforeAll(() => {
  // buildApp registers AwsSolutionsChecks as a validation plugin: synth throws on an unacknowledged error.
  ({ app } = synthesize());
});

function* walk(node: IConstruct): Generator<IConstruct> {
  yield node;
  for (const child of node.node.children) yield* walk(child);
}

describe('cdk-nag AwsSolutions', () => {
  it('reports no unacknowledged error', () => {
    const report = new AwsSolutionsChecks().validateScope(app);
    const errors = report.violations
      .filter((v) => v.severity === 'error')
      .map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);
    expect(errors).toEqual([]);
  });

  it('justifies every acknowledgement in one line', () => {
    const acknowledgements = [...walk(app)].flatMap((node) =>
      node.node.metadata
        .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
        .flatMap((entry) => Object.entries(entry.data as Record<string, string>))
        .map(([id, reason]) => ({ path: node.node.path, id, reason })),
    );
    expect(acknowledgements.length).toBeGreaterThan(0);
    for (const { path, id, reason } of acknowledgements) {
      expect(reason, `${id} at ${path}`).toMatch(/^[^\n]{20,200}$/);
    }
  });
});
