import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * `list.push(...items)` passes every item as an argument: past about 100,000 the call overflows the
 * stack (450,000 lines of text became `internal: Maximum call stack size exceeded`, issue 11). So no
 * source spreads a list into the arguments of push, unshift, Math.min/max or String.fromCharCode: a
 * loop, a reduce or a TextDecoder does the same work for any length.
 */
const spreadCall =
  /\.(?:push|unshift)\(\s*\.\.\.|Math\.(?:min|max)\(\s*\.\.\.|String\.fromCharCode\(\s*\.\.\.|String\.fromCodePoint\(\s*\.\.\./;

const root = resolve(import.meta.dirname, '../../..');
const folders = ['shared', 'functions', 'infra', 'cli', 'bench', 'test', 'tools', 'bin', 'support', 'web'];

function sourcesUnder(dir: string): string[] {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    // Our sources only: installed packages and build output (web/dist bundles uPlot) are not ours.
    if (entry.isDirectory()) return ['node_modules', 'dist'].includes(entry.name) ? [] : sourcesUnder(path);
    return /\.(?:[cm]?[jt]s|tsx)$/.test(entry.name) ? [path] : [];
  });
}

/** `file:line` of each spread call in `text`. */
function spreadCalls(text: string, file: string): string[] {
  return text
    .split('\n')
    .flatMap((line, i) => (spreadCall.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : []));
}

describe('no list spread into call arguments', () => {
  it('finds none in the sources', () => {
    const found = folders
      .flatMap((folder) => sourcesUnder(join(root, folder)))
      .filter((file) => !file.endsWith('no-spread-arguments.test.ts'))
      .flatMap((file) => spreadCalls(readFileSync(file, 'utf8'), relative(root, file)));
    expect(found).toEqual([]);
  });

  it('recognises the forms it forbids', () => {
    const forms = ['a.push(...b);', 'a.unshift( ...b)', 'Math.max(...xs)', 'String.fromCharCode(...codes)'];
    for (const form of forms) expect(spreadCalls(form, 'x')).toHaveLength(1);
    expect(spreadCalls('a.push(b); f(...args); const c = [...a, ...b];', 'x')).toEqual([]);
  });
});
