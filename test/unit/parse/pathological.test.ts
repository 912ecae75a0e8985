import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../shared/parse/index';
import { parseOk } from './fixtures';

const sentence = 'The committee met again on Thursday to review the harbour budget for next year. ';

describe('pathological input is read or refused, never left to exhaust time or stack', () => {
  it('reads deeply nested HTML as plain lines', () => {
    const depth = 5000;
    const html = `<html><body>${'<div>'.repeat(depth)}<p>${sentence.repeat(5)}</p>${'</div>'.repeat(depth)}</body></html>`;
    const article = parseOk(html, { key: 'deep.html' });
    expect(article.body).toBe(sentence.repeat(5).trim());
  });

  it('reads absurdly nested markdown quotes as plain text', () => {
    const article = parseOk(`# Deep\n\n${'>'.repeat(5000)} ${sentence}`, { key: 'deep.md' });
    expect(article.title).toBe('Deep');
    expect(article.body).toContain('The committee met again');
  });

  it('reads 450,000 short lines without running out of stack (issue 11, item 2)', () => {
    const lines = Array.from({ length: 450_000 }, (_, i) => `l${i}`);
    for (const text of [`Headline\n\n${lines.join('\n')}`, `Headline\n${lines.join('\n')}`]) {
      const article = parseOk(text, { key: 'lines.txt' });
      expect(article.body.startsWith('l0')).toBe(true);
      expect(article.body.endsWith('l449999')).toBe(true);
    }
  });

  it('reads 100,000 header-like blocks in one pass', () => {
    const text = `Headline\n\n${'By Jane Roe\n\n'.repeat(100_000)}${sentence}`;
    const article = parseOk(text, { key: 'blocks.txt' });
    expect(article.authors).toEqual(['Jane Roe']);
    expect(article.body).toBe(sentence.trim());
  });

  it('keeps every stray < of a page that holds thousands of them, in text and attributes', () => {
    const paragraph = `<p>${sentence}If a < b and b < c, then a < c. ${sentence}</p>`;
    const html = `<html><head><meta name="description" content="x < y"><title>Less < more</title></head><body><article>${paragraph.repeat(600)}</article></body></html>`;
    const article = parseOk(html, { key: 'stray.html' });
    expect(article.title).toBe('Less < more');
    expect(article.body.split('If a < b and b < c, then a < c.')).toHaveLength(601);
    expect(article.body).not.toContain('\ufdd0');
  });

  it('refuses deeply nested JSON and XML without an article, with a reason', () => {
    const json = `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`;
    const xml = `<?xml version="1.0"?><root>${'<a>'.repeat(3000)}text${'</a>'.repeat(3000)}</root>`;
    for (const [input, key] of [
      [json, 'deep.json'],
      [xml, 'deep.xml'],
    ]) {
      const outcome = parseArticle(new TextEncoder().encode(input), { key: key! });
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.error.code).toBe('no-body');
    }
  });
});
