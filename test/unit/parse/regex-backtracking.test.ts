import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { RegExpParser } from '@eslint-community/regexpp';
import { analyse } from 'scslre';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/*
 * Parsing stays linear in its input only if no pattern backtracks over a run of one character: a
 * 200,000-space run once held a stage for minutes (issue 11, item 1). scslre finds every regular
 * expression literal in shared/parse whose worst case is super-linear on such a run. Each one found must
 * be listed below with the bound that keeps it cheap (the input it is applied to is short, or cannot
 * make it fail); a new one fails this test until it is rewritten or bounded and listed. The timings
 * are `npm run bench:parse-hostile`'s.
 */

const root = join(import.meta.dirname, '..', '..', '..');
const parseDir = join(root, 'shared', 'parse');

/** file: pattern source → the bound, checked by reading the caller. */
const bounded: Record<string, string> = {
  'html/metadata.ts: \\s*[|•·–—-]\\s*.*$': 'author text of at most 120 characters',
  'html/clean-blocks.ts: ^(?:advert(?:isement)?|ads?|anzeige':
    'furniture lines: blocks under maxFurnitureLength (400) characters',
  'html/clean-blocks.ts: ^\\[?(?:read more|see more|related':
    'teaser lines: blocks under maxFurnitureLength (400) characters',
  'html/clean-blocks.ts: ^(?:(?:photo|image|picture|foto':
    'loose credits: blocks under maxFurnitureLength (400) characters',
  'html/clean-blocks.ts: ^(.*?)\\s*\\(([^()]+)\\)\\s*$':
    'loose captions: blocks under maxFurnitureLength (400) characters',
  'decode.ts: <meta[^>]+charset\\s*=\\s*["\']?\\s*([\\w.:-]+)': "the file's first 4 KB",
  'text-layout.ts: ^(.*?)\\s*\\b(first published|published':
    'header lines of at most 200 characters (readHeaderLine checks)',
  'text-layout.ts: \\s*[|•·,]?\\s*\\b(?:last updated|updated':
    'the rest of a header line of at most 200 characters',
  'text-layout.ts: ^(.+?)\\s+desk$':
    'bylines: a header-line prefix (≤ 200), a "By" line (≤ 124) or a line ≤ 60',
  'text-layout.ts: ^by\\s+(.+)$': 'bylines: a header-line prefix (≤ 200), a "By" line (≤ 124) or a line ≤ 60',
  'captions.ts: ^(.*?)\\s*[—–]\\s*(?:photo|picture|image)s?':
    'captions of at most 600 characters (splitCaptionCredit checks)',
  'captions.ts: ^(.*?)(?:\\s*[—–]{1,2}\\s*|\\s+-{1,2}\\s+)':
    'captions of at most 600 characters (splitCaptionCredit checks)',
  'captions.ts: ^(.*?)\\s*\\(\\s*(?:photo|picture|image)s?':
    'captions of at most 600 characters (splitCaptionCredit checks)',
  'markdown.ts: ^#{1,6}\\s+(.+)$': 'one line only, so `$` cannot fail and nothing is retried',
  'dates.ts: ^(?:[a-z]{3,9}\\.?,?\\s+)?(\\d{1,2})[:.](\\d{2})':
    'a publication time of at most 120 characters (resolveTime checks)',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

function regexLiterals(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) found.push(node.getText(source));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** "file: source" of every literal whose backtracking scslre finds super-linear. */
function superLinearPatterns(): string[] {
  const parser = new RegExpParser();
  return sourceFiles(parseDir).flatMap((file) =>
    regexLiterals(file)
      .filter(
        (literal) => analyse(parser.parseLiteral(literal), { reportTypes: { Move: false } }).reports.length,
      )
      .map((literal) => `${relative(parseDir, file)}: ${literal.slice(1, literal.lastIndexOf('/'))}`),
  );
}

const listedFor = (found: string) => Object.keys(bounded).find((entry) => found.startsWith(entry));

describe('regular expressions in the parser', () => {
  const found = superLinearPatterns();

  it('finds the patterns it is meant to find', () => {
    const parser = new RegExpParser();
    const reports = (literal: string) =>
      analyse(parser.parseLiteral(literal), { reportTypes: { Move: false } }).reports.length;
    expect(reports(String.raw`/^(.*?)\s*x$/`)).toBeGreaterThan(0);
    expect(reports(String.raw`/^[^\s]+\s+x$/`)).toBe(0);
  });

  it('backtrack super-linearly only where the input is bounded', () => {
    expect(found.filter((pattern) => !listedFor(pattern))).toEqual([]);
  });

  it('lists no bound for a pattern that is gone', () => {
    expect(
      Object.keys(bounded).filter((entry) => !found.some((pattern) => pattern.startsWith(entry))),
    ).toEqual([]);
  });
});
