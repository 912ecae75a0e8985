import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../infra/paths';
import { buildReader } from '../../support/browser/build-reader';
import { type Browser, launchChromium } from '../../support/browser/chromium';
import { distinctPixelBytes, seriousViolations } from '../../support/browser/page-checks';
import { readingRoomArticle } from '../../support/browser/reading-room-articles';
import { eventually } from '../../support/eventually';
import { temporaryFolder } from '../e2e/helpers';
import { type Harness, startHarness } from '../integration/pipeline/runtime-harness';

/**
 * The reading room in a real browser against the local runtime (`npm start` in process, temporary
 * DATA_DIR, free ports): articles dropped into the inbox, then read as an editor would.
 */
const person = { id: 'per-volodymyr-zelenskyy', name: 'Volodymyr Zelenskyy' };
const articles = [0, 1, 2, 3, 4].map(readingRoomArticle);
const otherFile = 'desk-layout.txt';
const shots = join(repoRoot, 'test-results', 'reading-room');

const folder = temporaryFolder('reader-browser-');
const inbox = join(folder.path, 'inbox');
let harness: Harness;
let browser: Browser;
let page: Page;
let home: string;

beforeAll(async () => {
  mkdirSync(inbox, { recursive: true });
  mkdirSync(shots, { recursive: true });
  await buildReader();
  harness = await startHarness({ inbox });
  home = `${harness.runtime.endpoints.http}/`;
  for (const article of articles) writeFileSync(join(inbox, article.fileName), article.text);
  writeFileSync(join(inbox, otherFile), readFileSync(join(repoRoot, 'test/fixtures/parse', otherFile)));
  await eventually('every article stored', async () => {
    const entity = await harness.entity(person.id);
    const listed = (await fetch(`${home}articles?limit=100`).then((r) => r.json())) as ArticlePage;
    return entity?.articleCount === articles.length && listed.items.length === articles.length + 1;
  });
  browser = await launchChromium();
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await harness?.stop();
  folder.remove();
});

/** A full-page screenshot under test-results/, checked for a rendered (not blank) page, and axe's verdict. */
async function check(name: string): Promise<void> {
  const file = join(shots, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  expect(distinctPixelBytes(file), `${name} screenshot has content`).toBeGreaterThan(32);
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
}

/** The API answers in tens of milliseconds alone, but seven engineers share two cores: wait generously. */
const poll = <T>(probe: () => T | Promise<T>) => expect.poll(probe, { timeout: 15_000, interval: 100 });
const heading = () => page.locator('main h1');
const articleTitles = () => page.locator('main ol.articles a.title').allTextContents();

describe('the reading room in Chromium', () => {
  it('serves the UI at / beside the API and lists the latest articles, newest first', async () => {
    await page.goto(home);
    await poll(articleTitles).toHaveLength(articles.length + 1);
    const titles = await articleTitles();
    // The fixtures are dated 10 to 14 November 2026, the desk story 3 March 2026.
    expect(titles.slice(0, articles.length)).toEqual(articles.map((a) => a.title).reverse());
    expect(titles.at(-1)).toMatch(/light rail/i);
    await check('home');
  });

  it('filters by section, source and date range, with the filters in a shareable URL', async () => {
    await page.getByRole('textbox', { name: 'Section' }).fill('business');
    await page.getByRole('button', { name: 'Filter' }).click();
    await poll(() => page.url()).toContain('section=business');
    await poll(articleTitles).toEqual([expect.stringMatching(/light rail/i)]);
    await page.goto(page.url());
    await poll(articleTitles).toHaveLength(1);
    expect(await page.getByRole('textbox', { name: 'Section' }).inputValue()).toBe('business');
    await page.goto(`${home}#/?from=2026-11-12&to=2026-11-13&source=reuters`);
    await poll(articleTitles).toEqual([articles[3]!.title, articles[2]!.title]);
  });

  it('follows an article: its body with linked mentions, its quotes with speakers, its dates', async () => {
    await page.goto(home);
    const newest = articles.at(-1)!;
    await page.getByRole('link', { name: newest.title }).click();
    await poll(() => heading().textContent()).toBe(newest.title);
    const mention = page.locator('main .body a.mention', { hasText: person.name }).first();
    expect(await mention.getAttribute('href')).toBe(`#/entities/${person.id}`);
    expect(await mention.getAttribute('class')).toContain('type-person');
    const quote = page.locator('main .side ul.quotes li').first();
    expect(await quote.locator('blockquote').textContent()).toContain('Every week of delay');
    expect(await quote.getByRole('link').textContent()).toBe(person.name);
    expect(await page.locator('main ul.dates time').count()).toBeGreaterThan(0);
    await check('article');
  });

  it('clicks the highlighted person to his page: facts, timeline chart, quotes, related entities', async () => {
    await page.locator('main .body a.mention', { hasText: person.name }).first().click();
    await poll(() => heading().textContent()).toBe(person.name);
    expect(page.url()).toContain(`#/entities/${person.id}`);
    expect(await page.getByTestId('article-count').textContent()).toBe(String(articles.length));
    await poll(() => page.getByTestId('role').textContent()).toBe('Ukrainian President');
    // The chart is drawn (uPlot's canvas) and its figures are in the table beside it: one day per article.
    await page.locator('main .timeline canvas').waitFor();
    expect(await page.locator('main .timeline tbody tr').count()).toBe(articles.length);
    const quotes = page.locator('main ul.quotes blockquote');
    await poll(() => quotes.count()).toBe(articles.length);
    expect(await quotes.first().textContent()).toContain('Every week of delay');
    await poll(() => page.locator('main ul.related a').allTextContents()).toContain('Dmytro Kuleba');
    await check('entity');
  });

  it("pages through the person's articles with the API's cursor", async () => {
    // From another page, so no list of the previous entity page is on screen.
    await page.goto(`${home}#/trending`);
    await page.goto(`${home}#/entities/${person.id}?limit=2`);
    const titles = () => page.locator('main section ol.articles a.title').allTextContents();
    const seen: string[][] = [];
    let shown: string[] = [];
    for (;;) {
      // Wait for this page's items: not empty (loading) and not the previous page's.
      const previous = JSON.stringify(shown);
      await poll(async () => {
        const now = await titles();
        return now.length > 0 && JSON.stringify(now) !== previous;
      }).toBe(true);
      shown = await titles();
      seen.push(shown);
      const older = page
        .getByRole('navigation', { name: 'Article pages' })
        .getByRole('link', { name: /Older/ });
      if ((await older.count()) === 0) break;
      await older.click();
      await poll(() => page.url()).toContain('cursor=');
    }
    expect(seen.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(seen.flat()).toEqual(articles.map((a) => a.title).reverse());
  });

  it('suggests entities in the search box as you type and opens one from the keyboard', async () => {
    await page.goto(home);
    const box = page.getByRole('combobox', { name: /Find a person/ });
    await box.fill('kul');
    const option = page.getByRole('option', { name: /Dmytro Kuleba/ });
    await option.waitFor();
    await box.press('ArrowDown');
    expect(await option.getAttribute('aria-selected')).toBe('true');
    await box.press('Enter');
    await poll(() => heading().textContent()).toBe('Dmytro Kuleba');
    expect(page.url()).toContain('#/entities/per-dmytro-kuleba');
  });

  it('shows trending entities for a chosen window and type', async () => {
    await page.goto(`${home}#/trending?days=31&to=2026-11-30&type=PERSON`);
    expect(await page.getByRole('combobox', { name: 'Window' }).inputValue()).toBe('31');
    expect(await page.getByRole('combobox', { name: 'Type' }).inputValue()).toBe('PERSON');
    const items = page.locator('main ol.trending li');
    await poll(() => items.count()).toBeGreaterThan(0);
    const texts = await items.allTextContents();
    expect(texts.some((t) => t.includes(person.name) && t.includes(`${articles.length} articles`))).toBe(
      true,
    );
    expect(texts.every((t) => t.startsWith('Person'))).toBe(true);
    await check('trending');
  });

  it("says so when an article does not exist, with the API's reason", async () => {
    await page.goto(`${home}#/articles/doesnotexist00`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/^Could not load the article: .*doesnotexist00/);
  });

  it('moves a visible focus ring through the page from the keyboard', async () => {
    await page.goto(home);
    await poll(articleTitles).not.toHaveLength(0);
    await page.keyboard.press('Tab');
    const outline = (await page.evaluate(
      'getComputedStyle(document.activeElement).outlineStyle + " " + document.activeElement.textContent',
    )) as string;
    expect(outline).toBe('solid Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement.id')).toBe('main');
  });

  it('fits a phone-width screen and reads in dark mode', async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${home}#/articles/${await firstArticleId()}`);
    await page.locator('main .body a.mention').first().waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    const background = (await page.evaluate('getComputedStyle(document.body).backgroundColor')) as string;
    expect(background).toBe('rgb(18, 20, 23)');
    await check('article-phone-dark');
  });
});

interface ArticlePage {
  items: { id: string }[];
}

async function firstArticleId(): Promise<string> {
  const listed = (await fetch(`${home}articles?limit=1`).then((r) => r.json())) as ArticlePage;
  return listed.items[0]!.id;
}
