import { describe, expect, it } from 'vitest';
import { stageForKey, stages, visibilityTimeoutSeconds } from '../../../shared/pipeline/definition';

describe('pipeline definition', () => {
  it('chains the stages: each writes where the next one reads', () => {
    for (let i = 0; i < stages.length - 1; i++) {
      const output = stages[i]!.output;
      expect(output.kind === 'documents' && output.zone).toBe(stages[i + 1]!.input);
      expect(output.kind === 'documents' && output.prefix).toBe(stages[i + 1]!.inputPrefix);
    }
    expect(stages.at(-1)!.output).toEqual({ kind: 'table' });
  });

  it('never lets a stage write into its own input prefix (no recursion)', () => {
    for (const stage of stages) {
      const output = stage.output;
      if (output.kind === 'documents') expect(output.prefix.startsWith(stage.inputPrefix)).toBe(false);
    }
  });

  it('routes keys to the stage whose input prefix they fall under', () => {
    expect(stageForKey('raw/x.txt')?.name).toBe('parse');
    expect(stageForKey('parsed/abc.json')?.name).toBe('tag');
    expect(stageForKey('tagged/abc.json')?.name).toBe('store');
    expect(stageForKey('quarantine/parse/raw/x.txt.json')).toBeUndefined();
  });

  it('gives each queue a visibility timeout of at least six function timeouts', () => {
    for (const stage of stages)
      expect(visibilityTimeoutSeconds(stage)).toBeGreaterThanOrEqual(6 * stage.timeoutSeconds);
  });
});
