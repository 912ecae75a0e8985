import type { HtmlDocument, HtmlElement } from './document';

/** Elements that never hold article text. */
const chromeTags = new Set(['NAV', 'ASIDE', 'FORM', 'BUTTON', 'SELECT', 'IFRAME', 'DIALOG', 'MENU']);
const chromeRoles = new Set(['navigation', 'complementary', 'banner', 'contentinfo', 'dialog', 'alert']);

function isChrome(el: HtmlElement): boolean {
  return (
    chromeTags.has(el.tagName) ||
    el.hasAttribute('hidden') ||
    el.getAttribute('aria-hidden') === 'true' ||
    chromeRoles.has(el.getAttribute('role') ?? '')
  );
}

/**
 * Words of class and id names that mark page furniture: sharing bars, related and trending lists,
 * newsletter boxes, ads, comments, hover cards, visually hidden text, bylines and timestamps.
 */
// biome-ignore format: a word list
const furnitureWords = new Set([
  'share', 'sharing', 'sharebar', 'social', 'related', 'recirc', 'recirculation', 'newsletter',
  'newsletters', 'subscribe', 'subscription', 'signup', 'promo', 'promotion', 'advert', 'advertisement',
  'ad', 'ads', 'adslot', 'adunit', 'sponsor', 'sponsored', 'outbrain', 'taboola', 'comment', 'comments',
  'disqus', 'cookie', 'cookies', 'consent', 'gdpr', 'breadcrumb', 'breadcrumbs', 'popup', 'modal',
  'tooltip', 'rollover', 'popover', 'sronly', 'sr', 'visuallyhidden', 'trending', 'popular',
  'mostpopular', 'mostread', 'byline', 'timestamp', 'toolbar', 'paywall', 'banner', 'masthead',
  'footer', 'sidebar', 'widget', 'recommended', 'recommendations', 'tags', 'pagination', 'pager',
  'subnav', 'navbar', 'menu', 'skiplink', 'skip', 'print', 'author', 'authors', 'dateline',
  'meta', 'copyright', 'disclaimer', 'overlay', 'standfirst', 'dek', 'subheadline', 'strapline', 'kicker',
]);

/** Compound class words that contain a furniture word: "visually-hidden", "sr-only", "read-more". */
const furniturePhrases =
  /(?:^|\s)(?:is-|u-|js-)?hidden(?:$|\s)|(?:^|[\s_-])(?:visually[-_]hidden|sr[-_]only|screen[-_]reader|read[-_]more|more[-_]stories|most[-_](?:read|popular)|you[-_]may[-_]like|also[-_]read|author[-_]bio|article[-_]summary|article[-_]meta|post[-_]meta|entry[-_]meta)(?:$|[\s_-])/i;

/** Words that mark the article itself: an element named so is never stripped. */
const articleWords =
  /(?:^|[\s_-])(?:article[-_]?body|articlebody|story[-_]?body|post[-_]?body|entry[-_]?content|post[-_]?content|article[-_]?content|main[-_]?content|body[-_]?text|rich[-_]?text)(?:$|[\s_-])/i;

function isFurniture(names: string): boolean {
  if (articleWords.test(names)) return false;
  if (furniturePhrases.test(names)) return true;
  for (const word of names.toLowerCase().split(/[\s_-]+/)) if (furnitureWords.has(word)) return true;
  return false;
}

function hiddenByStyle(el: HtmlElement): boolean {
  const style = el.getAttribute('style');
  return !!style && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/**
 * Removes page furniture before the extractors run. An element that wraps the headline or the marked-up article, or
 * holds much of the page's text, is kept whatever its name says: some sites name their page wrapper
 * "overlay" or "social".
 */
export function stripBoilerplate(document: HtmlDocument): void {
  const body = document.body;
  if (!body) return;
  const total = textChars(body);
  const kept = new Set<HtmlElement>();
  for (const marker of document.querySelectorAll(articleMarkers) as Iterable<HtmlElement>)
    for (
      let el = marker.parentElement as HtmlElement | null;
      el && !kept.has(el);
      el = el.parentElement as HtmlElement | null
    )
      kept.add(el);
  const visit = (parent: HtmlElement) => {
    for (let el = parent.firstElementChild as HtmlElement | null; el; ) {
      const next = el.nextElementSibling as HtmlElement | null;
      if (isHoverCardInText(el)) el.replaceWith(document.createTextNode(hoverCardAnchor(el)));
      else if (isEmbeddedPost(el)) keepEmbeddedPost(el);
      else if (!kept.has(el) && isBoilerplate(el) && !(total > 0 && textChars(el) > total * 0.35))
        el.remove();
      else visit(el);
      el = next;
    }
  };
  visit(body);
}

/** The element's class and id, where sites name what a box is for. */
const classAndId = (el: HtmlElement) => `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;

/** Class words of a wrapper around a post the story embeds. */
const embedWords = /(?:^|[\s_-])embed(?:ded)?(?:$|[\s_-])/i;

/** Class words of the cards a site pops up over a name in running text. */
const hoverCardWords = /(?:^|[\s_-])(?:tooltip|rollover|popover|hovercard|hover-card)(?:$|[\s_-])/i;
const inlineTags = new Set(['SPAN', 'A', 'ABBR', 'B', 'STRONG', 'EM', 'I']);

/**
 * "South Dakota Gov. <span class="rollover-people"><a>Kristi Noem</a><span>card…</span></span> (R)":
 * the card is furniture, the name it hangs on is the sentence's. Removing the whole wrapper left
 * "South Dakota Gov. (R)".
 */
function isHoverCardInText(el: HtmlElement): boolean {
  if (!inlineTags.has(el.tagName) || !hoverCardWords.test(el.getAttribute('class') ?? '')) return false;
  return el.closest('p, li, h2, h3, h4, blockquote, td') !== null;
}

/** The text the card hangs on: its first link's, else its own first text. */
function hoverCardAnchor(el: HtmlElement): string {
  const link = el.tagName === 'A' ? el : (el.querySelector('a') as HtmlElement | null);
  const anchor = link?.textContent ?? (el.firstChild?.nodeType === 3 ? el.firstChild.textContent : '');
  return (anchor ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * A post the story embeds ("social-media-embed" around a tweet's blockquote) is quoted by the story:
 * its words are often what the story reports.
 */
function isEmbeddedPost(el: HtmlElement): boolean {
  return embedWords.test(classAndId(el)) && el.querySelector('blockquote') !== null;
}

/**
 * Readability drops anything named "social", and a post's links (t.co, the date, the author) make it
 * link-dense furniture too: the wrapper loses its names and the links become their text.
 */
function keepEmbeddedPost(el: HtmlElement): void {
  el.removeAttribute('class');
  el.removeAttribute('id');
  for (const link of [...el.querySelectorAll('a')] as HtmlElement[])
    link.replaceWith(el.ownerDocument.createTextNode(link.textContent ?? ''));
}

function isBoilerplate(el: HtmlElement): boolean {
  if (isChrome(el)) return true;
  // The summary printed above the text (microdata "description") repeats the meta description.
  if ((el.getAttribute('itemprop') ?? '').split(/\s+/).includes('description') && el.tagName !== 'META')
    return true;
  const names = classAndId(el);
  return (names.length > 1 && isFurniture(names)) || hiddenByStyle(el);
}

function textChars(root: HtmlElement): number {
  return (root.textContent ?? '').replace(/\s+/g, ' ').length;
}

/** The headline and the marked-up article: their wrappers are never furniture, whatever their names. */
const articleMarkers = 'h1, article, main, [role="main"], [itemprop~="articleBody"]';
