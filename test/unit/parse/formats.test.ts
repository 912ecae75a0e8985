import { describe, expect, it } from 'vitest';
import { fixtureText, paragraphsOf, parseOk, parseRejected } from './fixtures';

describe('markdown', () => {
  const article = parseOk(fixtureText('front-matter.md'), { key: 'raw/night-trains.md' });

  it('takes the fields from the front matter', () => {
    expect(article.format).toBe('markdown');
    expect(article.title).toBe('Night trains return to the northern line');
    expect(article.subtitle).toBe('Sleeper service resumes after eleven years');
    expect(article.authors).toEqual(['Sara Lindholm', 'Jonas Berg']);
    expect(article.publishedAt).toBe('2026-09-01T21:10:00+02:00');
    expect(article.section).toBe('Travel');
    expect(article.source).toBe('Nordic Rail Review');
    expect(article.language).toBe('sv');
    expect(article.canonicalUrl).toBe('https://rail.example/night-trains-return');
  });

  it('turns the markdown into plain paragraphs without the headline, markup or image', () => {
    const paragraphs = paragraphsOf(article.body);
    expect(paragraphs[0]).toBe(
      'The first sleeper train in eleven years left the capital on Sunday evening, bound for the far north with 212 passengers on board, according to the operator.',
    );
    expect(article.body).not.toMatch(/[*#![\]]/);
    expect(article.headings).toEqual(['Tickets sold out']);
    expect(paragraphs).toContain('Departures every evening at 21:10');
    expect(paragraphs.at(-1)).toBe('"People want to travel slowly again," said the conductor.');
    expect(article.images).toEqual([
      {
        caption: 'Passengers board the sleeper at platform 4',
        credit: 'Nordic Rail Review',
        url: 'https://rail.example/img/platform.jpg',
      },
    ]);
  });

  it('takes the first heading for the title when there is no front matter', () => {
    const parsed = parseOk(
      '# Bridge reopens\n\nThe old bridge reopened to cyclists on Monday after a year of repairs.\n',
      {
        key: 'raw/bridge.md',
      },
    );
    expect(parsed.title).toBe('Bridge reopens');
    expect(parsed.body).toBe('The old bridge reopened to cyclists on Monday after a year of repairs.');
    expect(parsed.authors).toEqual([]);
    expect(parsed.publishedAt).toBeUndefined();
  });
});

describe('JSON', () => {
  const article = parseOk(fixtureText('cms-export.json'), { key: 'raw/export.json' });

  it('finds the article inside its wrapper and maps the common field names', () => {
    expect(article.format).toBe('json');
    expect(article.title).toBe('Volunteers count record number of storks');
    expect(article.subtitle).toBe('Nesting pairs doubled in ten years');
    expect(article.authors).toEqual(['Petra Kovac', 'Ivan Horvat']);
    expect(article.section).toBe('Nature');
    expect(article.language).toBe('hr');
    expect(article.canonicalUrl).toBe('https://news.example/nature/storks-record');
  });

  it('reads a zoneless time into the default zone and an epoch time as UTC', () => {
    expect(article.publishedAt).toBe('2026-04-18T08:00:00Z');
    expect(article.publishedAtAssumedZone).toBe(true);
    expect(article.modifiedAt).toBe('2026-04-18T08:00:00Z');
    const zagreb = parseOk(fixtureText('cms-export.json'), { defaultTimeZone: 'Europe/Zagreb' });
    expect(zagreb.publishedAt).toBe('2026-04-18T08:00:00+02:00');
  });

  it('turns an HTML body into paragraphs and headings', () => {
    expect(paragraphsOf(article.body)).toHaveLength(4);
    expect(article.headings).toEqual(['Wetlands recover']);
    expect(article.body).not.toContain('<');
    expect(article.images[0]).toEqual({
      caption: 'A stork feeds its chicks on a chimney in Čigoč.',
      credit: 'Marko Ilić',
      url: 'https://news.example/img/stork.jpg',
    });
  });

  it('reads a flat document with a plain-text body given as a list of paragraphs', () => {
    const parsed = parseOk(
      JSON.stringify({
        title: 'Tram fares frozen',
        author: 'Ana Silva',
        datePublished: '2026-01-05T10:00:00-03:00',
        content: ['Fares will stay the same for another year.', 'The city will cover the difference.'],
      }),
    );
    expect(parsed.title).toBe('Tram fares frozen');
    expect(parsed.authors).toEqual(['Ana Silva']);
    expect(parsed.publishedAt).toBe('2026-01-05T10:00:00-03:00');
    expect(parsed.body).toBe(
      'Fares will stay the same for another year.\n\nThe city will cover the difference.',
    );
  });
});

describe('XML', () => {
  it('reads NITF', () => {
    const article = parseOk(fixtureText('story.nitf.xml'), { key: 'raw/story.xml' });
    expect(article.format).toBe('xml');
    expect(article.title).toBe('Ferry strike ends after pay deal');
    expect(article.subtitle).toBe('Crews return to work on Friday');
    expect(article.authors).toEqual(['Morag Campbell']);
    expect(article.publishedAt).toBe('2026-07-02T14:30:00+01:00');
    expect(article.dateline).toEqual({ place: 'Oban', date: '2026-07-02' });
    expect(article.source).toBe('Island Wire');
    expect(article.section).toBe('Business');
    expect(article.headings).toEqual(['Islanders relieved']);
    expect(article.images).toEqual([
      {
        caption: 'The ferry Lord of the Isles at the pier in Oban.',
        credit: 'Island Wire',
        url: 'https://wire.example/ferry.jpg',
      },
    ]);
    expect(paragraphsOf(article.body)).toHaveLength(4);
  });

  it('reads NewsML-G2 with inline XHTML', () => {
    const article = parseOk(fixtureText('item.newsml.xml'), { key: 'raw/item' });
    expect(article.format).toBe('xml');
    expect(article.title).toBe('Port of Riga reports busiest winter');
    expect(article.authors).toEqual(['Liga Ozola']);
    expect(article.publishedAt).toBe('2026-03-10T08:40:00+02:00');
    expect(article.modifiedAt).toBe('2026-03-10T08:55:00Z');
    expect(article.dateline).toEqual({ place: 'Riga' });
    expect(article.source).toBe('Baltic Wire');
    expect(article.language).toBe('en');
    expect(paragraphsOf(article.body)).toEqual([
      'The port handled 9.1 million tonnes of cargo between December and February, its busiest winter on record.',
      'Container traffic rose by a fifth, while grain shipments were flat.',
    ]);
  });
});

describe('format detection', () => {
  it('goes by the content, not the file name', () => {
    expect(parseOk(fixtureText('news-page.html'), { key: 'raw/page.txt' }).format).toBe('html');
    expect(parseOk(fixtureText('cms-export.json'), { key: 'raw/export.txt' }).format).toBe('json');
    expect(parseOk(fixtureText('desk-layout.txt'), { key: 'raw/article.html' }).format).toBe('text');
    expect(parseOk(fixtureText('story.nitf.xml'), { key: 'raw/story.html' }).format).toBe('xml');
  });
});

describe('a JSON list of articles', () => {
  it('is read when it holds one article and refused when it holds several', () => {
    const one = { title: 'Only one', body: 'A single article in a list is still one article to read.' };
    expect(parseOk(JSON.stringify([one])).title).toBe('Only one');
    expect(parseRejected(JSON.stringify([one, { ...one, title: 'Another' }]))).toBe('multiple-articles');
  });
});

describe('feeds', () => {
  const item = (title: string) =>
    `<item><title>${title}</title><pubDate>Tue, 03 Feb 2026 09:00:00 +0100</pubDate><description>&lt;p&gt;The museum reopened its north wing on Tuesday after two years of renovation work.&lt;/p&gt;</description></item>`;

  it('reads an RSS feed with a single item', () => {
    const article = parseOk(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>${item('Museum wing reopens')}</channel></rss>`,
    );
    expect(article.title).toBe('Museum wing reopens');
    expect(article.publishedAt).toBe('2026-02-03T09:00:00+01:00');
    expect(article.body).toBe(
      'The museum reopened its north wing on Tuesday after two years of renovation work.',
    );
  });

  it('refuses a feed of several items', () => {
    expect(
      parseRejected(`<?xml version="1.0"?><rss><channel>${item('One')}${item('Two')}</channel></rss>`),
    ).toBe('multiple-articles');
  });
});
