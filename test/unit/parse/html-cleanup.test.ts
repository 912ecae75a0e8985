import { describe, expect, it } from 'vitest';
import { paragraphsOf, parseOk } from './fixtures';

const sentences = [
  'The regional parliament voted on Wednesday to extend the ferry subsidy for another five years, ending months of uncertainty for island residents.',
  'The subsidy keeps the fare for a return crossing at four euros, a price that has not changed since the service was taken over by the region.',
  'Opposition members argued that the money would be better spent on a new bridge, but the proposal found no majority in the chamber.',
  'Island councils welcomed the decision and said they would now press for a later last departure on Friday and Saturday evenings.',
  'The operator said it would order two new electric vessels once the contract was signed, with the first due to enter service in three years.',
  'Passenger numbers reached a record last summer, when more than 1.2 million people made the crossing, according to figures from the port.',
];

function page(middle: string, extra = ''): string {
  return `<!DOCTYPE html><html><head><title>Ferry subsidy extended</title>${extra}</head><body>
    <div class="page"><article><h1>Ferry subsidy extended</h1><div class="story-body">${middle}</div></article></div>
  </body></html>`;
}

const p = (text: string) => `<p>${text}</p>`;

describe('HTML clean-up after extraction', () => {
  it('drops a trailing list of other stories but keeps the last paragraph', () => {
    const html = page(
      sentences.map(p).join('') +
        '<h3>You may also like</h3><p><a href="/1">Bridge plan shelved again</a></p><p><a href="/2">Harbour dredging starts</a></p>',
    );
    const article = parseOk(html, { key: 'a.html' });
    expect(paragraphsOf(article.body)).toEqual(sentences);
  });

  it('drops a teaser box in the middle of the text and keeps what follows it', () => {
    const box =
      '<p>More:</p><h3><a href="/1">Island school to stay open</a></h3><h3><a href="/2">Ferry crew strike called off</a></h3>';
    const article = parseOk(
      page(sentences.slice(0, 2).map(p).join('') + box + sentences.slice(2).map(p).join('')),
      {
        key: 'a.html',
      },
    );
    expect(paragraphsOf(article.body)).toEqual(sentences);
    expect(article.headings).toEqual([]);
  });

  it('drops bylines, timestamps, newsletter and follow lines', () => {
    const furniture = [
      p('By Karin Holm'),
      p('Published: 12 March 2026, 14:05'),
      p('Sign up for our newsletter to get the island news in your inbox.'),
      p('Follow the Island Herald on Facebook and Instagram'),
    ];
    const article = parseOk(
      page(furniture.slice(0, 2).join('') + sentences.map(p).join('') + furniture.slice(2).join('')),
      {
        key: 'a.html',
      },
    );
    expect(paragraphsOf(article.body)).toEqual(sentences);
  });

  it('moves a caption the page did not mark up into images', () => {
    const caption = p('The ferry Storholm leaves the harbour at dawn. (Photo: Karin Holm/Island Herald)');
    const article = parseOk(
      page(sentences.slice(0, 3).map(p).join('') + caption + sentences.slice(3).map(p).join('')),
      {
        key: 'a.html',
      },
    );
    expect(paragraphsOf(article.body)).toEqual(sentences);
    expect(article.images).toEqual([
      { caption: 'The ferry Storholm leaves the harbour at dawn.', credit: 'Karin Holm/Island Herald' },
    ]);
  });

  it('keeps the article when its wrapper has a furniture-like name', () => {
    const html = `<html><body><div class="social-overlay"><h1>Ferry subsidy extended</h1>${sentences.map(p).join('')}</div></body></html>`;
    expect(paragraphsOf(parseOk(html, { key: 'a.html' }).body)).toEqual(sentences);
  });

  it('falls back to the JSON-LD articleBody when the page has no readable text', () => {
    const ld = JSON.stringify({
      '@type': 'NewsArticle',
      headline: 'Ferry subsidy extended',
      articleBody: sentences.join('\n'),
    });
    const html = `<html><head><script type="application/ld+json">${ld}</script></head><body><div id="app"></div></body></html>`;
    const article = parseOk(html, { key: 'a.html' });
    expect(article.title).toBe('Ferry subsidy extended');
    expect(paragraphsOf(article.body)).toEqual(sentences);
  });
});

describe('HTML clean-up keeps text that only looks like furniture', () => {
  it('keeps the name a hover card hangs on and drops the card', () => {
    const card =
      '<span class="rollover-people" data-behavior="rolloverpeople"><a class="rollover-people-link" href="/people/jane-roe">Jane Roe</a>' +
      '<span class="rollover-people-block"><span><img src="/roe.jpg" alt=""><a class="name" href="/people/jane-roe">Jane Mary Roe</a>' +
      '<a class="people-articles" href="/people/jane-roe">See all articles</a></span></span></span>';
    const html = page(
      p(
        `Harbour commissioner ${card} (Independent) said the ferry subsidy would be extended for another five years.`,
      ) + sentences.slice(1).map(p).join(''),
    );
    const [first] = paragraphsOf(parseOk(html, { key: 'a.html' }).body);
    expect(first).toBe(
      'Harbour commissioner Jane Roe (Independent) said the ferry subsidy would be extended for another five years.',
    );
  });

  it('keeps a sentence that starts like a byline and one that mentions signing up', () => {
    const keep = [
      'By Tuesday, officials had agreed to keep the crossing open.',
      'Residents can sign up for a ferry pass at the town hall until the end of the month, the council said.',
    ];
    const article = parseOk(page([...keep, ...sentences].map(p).join('')), { key: 'a.html' });
    expect(paragraphsOf(article.body)).toEqual([...keep, ...sentences]);
  });
});

describe('JSON-LD articleBody as a second opinion', () => {
  const ld = (body: string) =>
    `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Ferry subsidy extended', articleBody: body })}</script>`;

  it('replaces an extraction that is only a small part of it', () => {
    const html = page(sentences.slice(0, 2).map(p).join(''), ld(sentences.join('\n\n')));
    expect(paragraphsOf(parseOk(html, { key: 'a.html' }).body)).toEqual(sentences);
  });

  it('drops extracted blocks it does not contain when both tell the same story', () => {
    const promo =
      'Our reporters cover the islands every day: tell your neighbours about the Island Herald today.';
    const html = page(
      [...sentences.slice(0, 3), promo, ...sentences.slice(3)].map(p).join(''),
      ld(sentences.join('\n\n')),
    );
    expect(paragraphsOf(parseOk(html, { key: 'a.html' }).body)).toEqual(sentences);
  });
});
