import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillers, hostileDocument, shapes, whiteSpace } from '../../../bench/hostile-inputs';
import { parseArticle } from '../../../shared/parse/index';

/*
 * Hostile input gets an article or a clear rejection, never an escaped exception (`internal` is a parser
 * bug: a stack overflow, a recursion limit). How long it takes is the benchmark's to say
 * (`npm run bench:parse-hostile`); that the patterns cannot backtrack is regex-backtracking.test.ts's.
 */

const bytes = 64 * 1024;

function expectHandled(shapeName: string, unit: string): void {
  const shape = shapes[shapeName]!;
  const outcome = parseArticle(hostileDocument(shape, unit, bytes), { key: shape.key });
  if (outcome.ok) return;
  const what = `${shapeName}, a run of ${JSON.stringify(unit)}`;
  expect(outcome.error.code, `${what}: ${outcome.error.message}`).not.toBe('internal');
  expect(outcome.error.message, what).not.toBe('');
}

describe('hostile input is parsed or rejected with a reason', () => {
  for (const name of Object.keys(shapes))
    it(`${name}: runs of white space`, () => {
      for (const unit of whiteSpace) expectHandled(name, unit);
    });

  it('markdown nested a hundred thousand block quotes deep is read as plain lines', () => {
    const outcome = parseArticle(hostileDocument(shapes['markdown body']!, '>', 300 * 1024), {
      key: 'raw/a.md',
    });
    expect(outcome.ok && outcome.article.body).toContain('harbour budget');
  });

  it('any shape with any run of white space or punctuation', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(shapes)),
        fc.oneof(
          fc.constantFrom(...fillers),
          fc.string({ unit: fc.constantFrom(...fillers), minLength: 2, maxLength: 3 }),
        ),
        (name, unit) => expectHandled(name, unit),
      ),
      { numRuns: 24 },
    );
  });
});
