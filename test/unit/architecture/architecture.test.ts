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

  it('keeps the article model free of the rest of the domain', () => {
    const outside = importsInto('shared/article/', 'shared/').filter(
      (edge) => !edge.split(' -> ')[1]!.startsWith('shared/article/'),
    );
    expect(outside).toEqual([]);
  });

  it('lets the read API reach the store only through its port', () => {
    const store = importsInto('shared/api/', 'shared/store/');
    expect(store.filter((edge) => !edge.endsWith(' -> shared/store/archive-reads.ts'))).toEqual([]);
    expect(store.length).toBeGreaterThan(0);
  });

  it('keeps benchmarks, tools and shared fixtures independent of the tests', () => {
    for (const outer of ['bench/', 'tools/', 'support/']) expect(importsInto(outer, 'test/')).toEqual([]);
  });

  it('counts type-only imports as dependencies', () => {
    // router.ts reaches the port with `import type` only.
    expect(graph.get('shared/api/router.ts')).toContain('shared/store/archive-reads.ts');
  });

  it('finds a cycle when there is one', () => {
    const looped = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['a.ts']],
    ]);
    expect(cyclesIn(looped)).toEqual([['a.ts', 'b.ts', 'a.ts']]);
  });
});
