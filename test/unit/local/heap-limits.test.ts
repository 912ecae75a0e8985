import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runtimeNodeFlags } from '../../../infra/local/heap-limits';

describe('the local runtime heap limits', () => {
  it('are the flags `npm start` runs with', () => {
    const scripts = JSON.parse(
      readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
    ).scripts;
    const start: string = scripts.start;
    for (const flag of runtimeNodeFlags) expect(start.split(' ')).toContain(flag);
    expect(start).toMatch(/--import tsx infra\/local\/main\.ts$/);
  });
});
