import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cyclesIn, importGraph } from './import-graph';

const root = resolve(import.meta.dirname, '../../..');
const graph = importGraph(root, ['shared', 'functions', 'infra', 'cli', 'bench', 'tools']);

const importsInto = (from: string, into: string) =>
  [...graph].flatMap(([file, targets]) =>
    file.startsWith(from) ? targets.filter((t) => t.startsWith(into)).map((t) => `${file} -> ${t}`) : [],
  );

describe('architecture', () => {
  it('reads the project sources', () => {
    expect(graph.get('functions/parse/parse-handler.ts')).toContain('functions/common/stage-handler.ts');
  });

  it('has no circular imports', () => {
    expect(cyclesIn(graph)).toEqual([]);
  });

  it('keeps the domain free of handlers, infrastructure and the CLI', () => {
    for (const outer of ['functions/', 'infra/', 'cli/', 'bench/', 'tools/'])
      expect(importsInto('shared/', outer)).toEqual([]);
  });

  it('keeps handlers independent of the stack, the local runtime and the CLI', () => {
    for (const outer of ['infra/', 'cli/', 'bench/']) expect(importsInto('functions/', outer)).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const looped = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['a.ts']],
    ]);
    expect(cyclesIn(looped)).toEqual([['a.ts', 'b.ts', 'a.ts']]);
  });
});
