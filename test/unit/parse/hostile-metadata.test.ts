import { describe, expect, it } from 'vitest';
import { parseOk, parseRejected } from './fixtures';

/** Metadata that tries to smuggle something in is dropped, never read as a field (issue 11, item 8). */
const body = 'The committee met again on Thursday to review the harbour budget for next year. '
  .repeat(3)
  .trim();

describe('YAML front matter with tags the core schema does not know', () => {
  it('drops a field whose value carries an unknown tag, keeps the others', () => {
    const article = parseOk(
      `---\ntitle: !!js/function "function () { return process.env }"\nauthor: Jane Roe\nsection: !custom Politics\ndate: 2026-03-03\n---\n\n${body}`,
      { key: 'raw/a.md' },
    );
    expect(article.title).toBe('');
    expect(article.section).toBeUndefined();
    expect(article.authors).toEqual(['Jane Roe']);
    expect(article.publishedAt).toBe('2026-03-03');
    expect(JSON.stringify(article)).not.toContain('function');
  });

  it('drops unknown-tagged items of a list and keeps the title from the heading', () => {
    const article = parseOk(
      `---\nauthors:\n  - Jane Roe\n  - !!js/regexp /x/\n---\n\n# The real headline\n\n${body}`,
      { key: 'raw/a.md' },
    );
    expect(article.title).toBe('The real headline');
    expect(article.authors).toEqual(['Jane Roe']);
  });

  it('keeps the standard tags', () => {
    const article = parseOk(`---\ntitle: !!str 2026\n---\n\n${body}`, { key: 'raw/a.md' });
    expect(article.title).toBe('2026');
  });
});

describe('JSON __proto__ keys', () => {
  it('does not read an article out of a __proto__ key', () => {
    const json = JSON.stringify({ __proto__: null, x: 1 }).replace(
      '{',
      `{"__proto__": {"headline": "Injected", "body": "${body}"},`,
    );
    expect(parseRejected(json, { key: 'raw/a.json' })).toBe('no-body');
  });

  it('reads the article beside a __proto__ key without its fields', () => {
    const json = `{"headline": "Real headline", "body": "${body}", "__proto__": {"headline": "Injected", "author": "Mallory"}}`;
    const article = parseOk(json, { key: 'raw/a.json' });
    expect(article.title).toBe('Real headline');
    expect(article.authors).toEqual([]);
  });

  it('ignores __proto__ inside JSON-LD', () => {
    const ld = `{"@type": "NewsArticle", "__proto__": {"headline": "Injected"}, "author": {"name": "Jane Roe"}}`;
    const html = `<html><head><script type="application/ld+json">${ld}</script></head><body><article><h1>Page headline</h1><p>${body}</p><p>${body}</p><p>${body}</p></article></body></html>`;
    const article = parseOk(html, { key: 'raw/a.html' });
    expect(article.title).toBe('Page headline');
  });
});

describe('XML entity references', () => {
  const nitf = (headline: string) =>
    `<?xml version="1.0"?>\n<!DOCTYPE nitf [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<nitf><head><title>${headline}</title></head><body><body.head><hedline><hl1>${headline}</hl1></hedline></body.head><body.content><p>${body} &xxe;</p></body.content></body></nitf>`;

  it('drops references to entities it does not define', () => {
    const article = parseOk(nitf('Harbour &xxe;budget approved'), { key: 'raw/a.xml' });
    expect(article.title).toBe('Harbour budget approved');
    expect(article.body).toBe(body);
  });

  it('keeps the predefined and numeric references', () => {
    const article = parseOk(nitf('Rail &amp; bus &#8212; &lt;approved&gt; &#x2013; &quot;yes&quot;'), {
      key: 'raw/a.xml',
    });
    expect(article.title).toBe('Rail & bus \u2014 <approved> \u2013 "yes"');
  });
});

describe('XML CDATA', () => {
  it('keeps entity references inside CDATA, where they are text', () => {
    const rss = `<rss><channel><item><title>Feed item</title><description><![CDATA[<p>${body} Rail&mdash;bus &amp; more.</p>]]></description></item></channel></rss>`;
    expect(parseOk(rss, { key: 'raw/a.xml' }).body).toBe(`${body} Rail\u2014bus & more.`);
  });
});
