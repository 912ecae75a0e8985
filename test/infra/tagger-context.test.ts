import { describe, expect, it } from 'vitest';
import { env } from '../../shared/pipeline/definition';
import { resourcesOf, synthesize } from './synthesize';

function tagFunction(template: ReturnType<typeof synthesize>['template']) {
  const functions = Object.entries(resourcesOf(template, 'AWS::Lambda::Function'));
  return functions.find(([id]) => id.startsWith('TagStageHandlerFunction'))![1];
}

function tagActions(template: ReturnType<typeof synthesize>['template']): string[] {
  const policies = Object.entries(resourcesOf(template, 'AWS::IAM::Policy'));
  const statements = policies.find(([id]) => id.startsWith('TagStageHandlerRole'))![1].Properties
    .PolicyDocument.Statement as Array<{ Action: string | string[] }>;
  return statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
}

// One synthesis per context value; assets are not bundled, so this stays quick.
describe('context tagger', () => {
  it('comprehend lets the tag function call DetectEntities and tells it so', () => {
    const { template } = synthesize({ context: { tagger: 'comprehend' } });
    expect(tagFunction(template).Properties.Environment.Variables[env.tagger]).toBe('comprehend');
    expect(tagActions(template)).toContain('comprehend:DetectEntities');
  });

  it('builtin grants no Comprehend access', () => {
    const { template } = synthesize({ context: { tagger: 'builtin' } });
    expect(tagFunction(template).Properties.Environment.Variables[env.tagger]).toBe('builtin');
    expect(tagActions(template).filter((a) => a.startsWith('comprehend:'))).toEqual([]);
  });

  it('rejects an unknown tagger before building anything', () => {
    expect(() => synthesize({ context: { tagger: 'spacy' } })).toThrow(/tagger="spacy"/);
  });
});
