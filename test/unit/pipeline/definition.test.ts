import { describe, expect, it } from 'vitest';
import { stageForKey, stages, visibilityTimeoutSeconds } from '../../../shared/pipeline/definition';

describe('pipeline definition', () => {
  it('chains the stages: each writes where the next one reads', () => {
    for (let i = 0; i < stages.length - 1; i++) {
      expect(stages[i]!.output).toBe(stages[i + 1]!.inputPrefix);
    }
  });

  it('never lets a stage write into its own input prefix (no recursion)', () => {
    for (const stage of stages) expect(stage.output.startsWith(stage.inputPrefix)).toBe(false);
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
