import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeWindows1252, fixtureBytes, fixtureText, paragraphsOf, parseOk } from './fixtures';

describe('an HTML news page', () => {
  const article = parseOk(fixtureBytes('news-page.html'), { key: 'raw/news-page.html' });

  it('takes the metadata from JSON-LD before Open Graph and meta tags', () => {
    expect(article.format).toBe('html');
    expect(article.title).toBe('Glacier lake drained to protect alpine village');
    expect(article.subtitle).toBe('Pumps run day and night below the Rotgletscher');
    expect(article.authors).toEqual(['Lena Brunner', 'Marc Dufour']);
    expect(article.publishedAt).toBe('2026-05-04T07:30:00+02:00');
    expect(article.publishedAtAssumedZone).toBeUndefined();
    expect(article.modifiedAt).toBe('2026-05-04T12:05:00+02:00');
    expect(article.section).toBe('Environment');
    expect(article.source).toBe('The Mountain Courier');
    expect(article.canonicalUrl).toBe('https://courier.example/news/2026/05/glacier-lake-drained');
    expect(article.language).toBe('en-GB');
  });

  it('keeps the article text and its headings, in order', () => {
    const paragraphs = paragraphsOf(article.body);
    expect(paragraphs[0]).toMatch(/^Engineers have pumped more than four million litres/);
    expect(paragraphs.at(-1)).toMatch(/cannot cover every valley\.$/);
    expect(article.headings).toEqual(['Evacuation plans ready', 'A growing problem in the Alps']);
    expect(paragraphs).toContain('Evacuation plans ready');
    expect(paragraphs).toHaveLength(9);
  });

  it('leaves out standfirst, navigation, ads, sharing, newsletter box, related links, comments and footer', () => {
    for (const furniture of [
      'Skip to content',
      'Weather',
      'Ski passes',
      'Share on Facebook',
      'daily newsletter',
      'Record snowfall',
      'Related stories',
      'Comments',
      'grateful',
      'All rights reserved',
      'By Lena Brunner',
      'ice dam could burst',
    ])
      expect(article.body).not.toContain(furniture);
  });

  it('moves the figure caption out of the body into images, with its credit', () => {
    expect(article.images).toEqual([
      {
        caption: 'Pumps on the shore of the meltwater lake above Saas Almen.',
        credit: 'Keystone',
        url: 'https://courier.example/img/lake.jpg',
      },
    ]);
    expect(article.body).not.toContain('Pumps on the shore');
  });

  it('reads a gzip-compressed page the same way', () => {
    const gzipped = parseOk(gzipSync(fixtureBytes('news-page.html')), { key: 'raw/news-page.html.gz' });
    expect(gzipped).toEqual(article);
  });
});

describe('an HTML page with meta tags only, in a legacy encoding', () => {
  // The fixture is stored as UTF-8; the page declares ISO-8859-1, so the test makes the bytes match.
  const page = fixtureText('meta-only.html');
  const article = parseOk(encodeWindows1252(page), { key: 'raw/cafe', defaultTimeZone: 'America/Toronto' });

  it('detects Windows-1252 by its curly quotes and records it', () => {
    expect(article.encoding).toBe('windows-1252');
    expect(article.body).toContain('Café du Pont');
    expect(article.body).toContain('“Summer is when');
  });

  it('records ISO-8859-1 when the bytes hold no Windows-1252 characters', () => {
    const latin1 = parseOk(new Uint8Array(Buffer.from(page.replace(/[“”]/g, '"'), 'latin1')));
    expect(latin1.encoding).toBe('iso-8859-1');
    expect(latin1.body).toContain('"Summer is when');
    expect(latin1.title).toBe('Café owners fight new terrace rules');
  });

  it('reads title, author, site, language and canonical URL from meta tags', () => {
    expect(article.title).toBe('Café owners fight new terrace rules');
    expect(article.authors).toEqual(['Chloé Gagnon']);
    expect(article.source).toBe('Riverside Post');
    expect(article.language).toBe('fr-CA');
    expect(article.canonicalUrl).toBe('https://post.example/cafe-terraces');
  });

  it('takes a <time> without offset into the default zone and flags it', () => {
    expect(article.publishedAt).toBe('2026-06-11T16:40:00-04:00');
    expect(article.publishedAtAssumedZone).toBe(true);
  });

  it('leaves out the menu, the dateline and the sidebar', () => {
    const paragraphs = paragraphsOf(article.body);
    expect(paragraphs).toHaveLength(4);
    expect(article.body).not.toContain('Accueil');
    expect(article.body).not.toContain('Most read');
    expect(article.body).not.toContain('Posted');
  });
});

describe('author names', () => {
  it('are cleaned of "By", role suffixes and shouting', () => {
    const ld = JSON.stringify({
      '@type': 'NewsArticle',
      headline: 'Auto show opens',
      author: [
        { '@type': 'Person', name: 'By TOM KRISHER, AP Auto Writer' },
        { '@type': 'Person', name: 'Jane Roe' },
      ],
    });
    const html = `<html><head><script type="application/ld+json">${ld}</script></head><body><article><h1>Auto show opens</h1><p>${'New electric SUVs took centre stage at the show on Wednesday. '.repeat(6)}</p></article></body></html>`;
    expect(parseOk(html, { key: 'a.html' }).authors).toEqual(['Tom Krisher', 'Jane Roe']);
  });
});
