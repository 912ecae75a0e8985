import { splitCaptionCredit } from '../captions';
import { resolveTime } from '../dates';
import { sameText, wordCount } from '../text-blocks';
import type { TextBlock } from './blocks';
import type { HtmlMetadata } from './metadata';

/** Lines that are page furniture wherever they stand. */
const furnitureLine =
  /^(?:advert(?:isement)?|ads?|anzeige|iklan|publicidad|caption|close|comments?|\d+\s+comments?|post comment.*|leave a (?:comment|reply)|share(?: this(?: article| story)?)?|share on \w+|tweet|email|print|skip to (?:main )?content|continue reading(?: below)?|read more|loading\.*|this (?:slideshow|video|content) requires javascript\.?|image \d+ of\s*\/?\s*\d+|.{0,40}get short url|related news|source\s*:.{1,60}|like this story\?.*|tell us what you think.*|enable javascript.*|subscribe|subscribe now|toggle caption|hide caption|expand|advertisement - scroll to continue|story continues below(?: advertisement)?|scroll to continue.*|\[?related\]?:?)$/i;

/** Calls to subscribe, follow or click, and notes about the article rather than of it. */
/** Wire credits closing an agency story: "(Reporting by …; Editing by …)". */
const creditLine = /^\(?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|produced) by\b/i;

const promoLine =
  /^(?:(?:sign up|subscribe|click here|tap here|download|follow us|get (?:the|our)|join|don'?t forget to|to (?:get|receive))\b.{0,200}\b(?:newsletters?|inbox|e-?mail alerts|updates|app|podcast|subscription|subscribe)\b|have a (?:news )?tip\b|(?:want|like) (?:more|this) (?:stories|story|content)\b)|\b(?:follow (?:us|him|her|them|the author) on (?:twitter|facebook|instagram|linkedin)|sign up for (?:our|the) [\w ]{0,40}newsletters?|subscribe to (?:our|the) [\w ]{0,40}(?:newsletters?|channel|podcast)|sign up for .{0,60}\b(?:newsletters?|inbox|today)|click here (?:for|to) (?:more|subscribe|read|learn|sign|get|download|buy|see|watch)|join our \w+|let us know at|your inbox|^follow\b.{0,60}\bon (?:instagram|facebook|twitter|x|youtube|linkedin|tiktok)\b|affiliate (?:and\/or )?(?:referral )?links?|we may (?:earn|receive) (?:a )?commission|all rights reserved|copyright ©|©\s*\d{4}|reading time|tempo de leitura|min(?:ute)?s? read)\b/i;

/** Lead-ins to a list of other articles: everything after them, near the end, goes. */
const trailerMarker =
  /^(?:you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|more (?:great |top )?(?:[\w ]{0,20} )?(?:stories|articles|news|coverage|from [\w .]{1,30})|more:|recent (?:articles|posts|stories)|popular(?: this week| now)?|most (?:read|popular|viewed|shared)|related(?: (?:articles|stories|posts|content|coverage|news|links|reading))?:?|read (?:more|next|also)|recommended(?: for you| reading| stories)?|trending(?: now| stories)?|don'?t miss|see also|also read|latest (?:news|stories|articles)|further reading|what to read next|up next|comments?|join the (?:conversation|discussion)|about the author|share this (?:article|story)|want more stories like this\?|related news)(?=\W|$).{0,40}$/iu;

/** Lines that introduce another article inline: "Read more: …", "SEE MORE: …", "[Related: …]". */
const teaserLine =
  /^\[?(?:read more|see more|related|also|more|read also|recommended|watch|listen|related post|related article|see also|don'?t miss|must read)\s*:\s*.+$/i;

/** WordPress shortcodes that leaked into the text: "[button link=…]Send us …[/button]". */
const shortcode = /^\[\w[^\]]*\].*\[\/\w+\]$/;

/** A date, time, byline or reading-time line printed above or below the text. */
function isMetaLine(text: string): boolean {
  if (text.length > 120) return false;
  if (/^(?:\|?\s*)?(?:first )?(?:published|posted|updated|last updated|modified|created)\b/i.test(text))
    return true;
  if (/^(?:posted|published|written)\s+(?:on|by)\b/i.test(text)) return true;
  // "By Jane Roe, Reuters" is a byline; "By Tuesday, officials had agreed." is a sentence.
  const sentence = /[.!?]["”’]?$/.test(text) && wordCount(text) >= 6;
  if (
    !sentence &&
    /^by\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,4}(?:\s*(?:,|and|&|\||-|—)\s*.{0,60})?$/u.test(text)
  )
    return true;
  if (/^filed under\b/i.test(text)) return true;
  const digits = text.replace(/[^\d]/g, '').length;
  if (
    digits >= 4 &&
    wordCount(text) <= 10 &&
    resolveTime(text.replace(/^[|•·\s]+|[|•·\s]+$/g, '')) !== undefined
  )
    return true;
  return false;
}

/** Furniture, teasers and loose credits are a line or two; past this a block is text. */
const maxFurnitureLength = 400;

const creditOnly =
  /^(?:(?:photo|image|picture|foto|фото|imagen|bild)s?\s*(?:credit)?\s*:.{0,80}|\(?(?:image|photo|picture)s?:?\s*©?.{0,60}\)?|©.{0,60}|(?:shutterstock|getty images|reuters|ap|afp|epa|alamy)(?:\s*\/.{0,40})?|.{0,60}\|\s*(?:getty images|bloomberg|reuters|afp|ap)(?: via getty images)?)$/i;
const trailingCredit =
  /\((?:[^()]{0,40}(?:photo|image|picture|credit|getty|reuters|afp|shutterstock|nasa)[^()]{0,60})\)\s*$/i;

/** A caption the page did not mark up as one: a credit line, or a short block ending in a credit. */
function isLooseCaption(text: string): boolean {
  if (text.length >= maxFurnitureLength) return false;
  return creditOnly.test(text) || trailingCredit.test(text);
}

const isProse = (b: TextBlock) => b.kind !== 'caption' && b.linkDensity < 0.3 && wordCount(b.text) >= 20;

/** A link alone on its line in capitals: an inline teaser for another story. */
const isShoutedTeaser = (b: TextBlock) =>
  b.linkDensity >= 0.9 && b.text.length < 160 && !/\p{Ll}/u.test(b.text) && /\p{Lu}/u.test(b.text);

const isLinkList = (b: TextBlock) => b.linkDensity >= 0.7 && b.kind !== 'heading' && b.text.length < 300;

/**
 * Readability keeps what sits inside the article container: bylines, timestamps, loose captions,
 * "read more" teasers, newsletter boxes and, at the end, lists of other stories. They go here.
 */
export function cleanBlocks(blocks: TextBlock[], meta: HtmlMetadata): TextBlock[] {
  const kept: TextBlock[] = [];
  for (const block of blocks) {
    const text = block.text;
    if (block.kind === 'caption') {
      kept.push(block);
      continue;
    }
    // Furniture and teasers are short lines; the length check keeps their patterns linear on a long block.
    const short = text.length < maxFurnitureLength;
    if (short && (furnitureLine.test(text) || teaserLine.test(text))) continue;
    if (shortcode.test(text)) continue;
    if (short && creditLine.test(text)) continue;
    if (text.length < 300 && promoLine.test(text)) continue;
    if (isMetaLine(text) || isShoutedTeaser(block)) continue;
    if (isLooseCaption(text)) {
      const previous = kept.at(-1);
      // A credit line on its own belongs to the short caption printed just above it.
      // "© Jane Roe" credits a photographer; "© Reuters" alone is a copyright notice.
      const photoCredit =
        creditOnly.test(text) &&
        (/photo|image|picture|foto|фото|shutterstock|getty/i.test(text) ||
          /^©\s*\p{Lu}\p{L}+\s+\p{Lu}\p{L}+$/u.test(text));
      if (photoCredit && previous?.kind === 'paragraph' && previous.text.length < 200) {
        kept[kept.length - 1] = {
          ...previous,
          kind: 'caption',
          credit: splitLooseCredit(text).credit ?? text,
        };
        continue;
      }
      kept.push({ ...block, kind: 'caption', ...splitLooseCredit(text) });
      continue;
    }
    kept.push(block);
  }
  return trimEdges(kept, meta);
}

function splitLooseCredit(text: string): Pick<TextBlock, 'text' | 'credit'> {
  const split = splitCaptionCredit(text);
  if (split?.caption) return { text: split.caption, credit: split.credit };
  const m = text.match(/^(.*?)\s*\(([^()]+)\)\s*$/);
  if (m?.[1]) return { text: m[1], credit: m[2]!.replace(/^(?:image|photo|picture)s?:?\s*/i, '').trim() };
  return { text };
}

/** The standfirst and short labels above the text; teaser boxes and trailer sections below it. */
function trimEdges(input: TextBlock[], meta: HtmlMetadata): TextBlock[] {
  const blocks = dropTrailer(input);
  let end = blocks.length;
  while (end > 0 && (isLinkList(blocks[end - 1]!) || blocks[end - 1]!.kind === 'heading')) end--;

  let start = 0;
  for (; start < end; start++) {
    const b = blocks[start]!;
    if (b.kind === 'caption') continue;
    // A long first paragraph is often reused as the description: only a short standfirst goes.
    if (wordCount(b.text) >= 15) break;
    const standfirst = meta.description !== undefined && sameText(b.text, meta.description);
    const label = b.kind !== 'heading' && wordCount(b.text) < 5;
    if (!standfirst && !label && !isLinkList(b)) break;
  }
  const leading = blocks.slice(0, start).filter((b) => b.kind === 'caption');
  return [...leading, ...blocks.slice(start, end).filter((_, i, all) => !isInsideLinkRun(all, i))];
}

/**
 * A lead-in such as "You may also like" or "More:": in the second half of the text with no real
 * paragraphs after it, it and everything after it go; otherwise only its box goes (the lead-in and the
 * link lines after it, and in the second half also the short lines after it).
 */
function dropTrailer(blocks: TextBlock[]): TextBlock[] {
  const total = blocks.reduce((n, b) => n + (b.kind === 'caption' ? 0 : b.text.length), 0);
  const out: TextBlock[] = [];
  let seen = 0;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind !== 'caption' && b.text.length < 80 && trailerMarker.test(b.text)) {
      const late = seen > total * 0.5;
      const proseAfter = blocks.slice(i + 1).filter(isProse);
      if (late && proseAfter.reduce((n, p) => n + p.text.length, 0) < 400) return out;
      const inBox = (next: TextBlock) =>
        (next.linkDensity >= 0.7 && next.text.length < 300) || (late && !isProse(next));
      while (i + 1 < blocks.length && inBox(blocks[i + 1]!)) i++;
      continue;
    }
    if (b.kind !== 'caption') seen += b.text.length;
    out.push(b);
  }
  return out;
}

/** Three or more link-only blocks in a row inside the text are a menu or a teaser list. */
function isInsideLinkRun(blocks: readonly TextBlock[], i: number): boolean {
  if (!isLinkList(blocks[i]!)) return false;
  let run = 1;
  for (let j = i - 1; j >= 0 && isLinkList(blocks[j]!); j--) run++;
  for (let j = i + 1; j < blocks.length && isLinkList(blocks[j]!); j++) run++;
  return run >= 3;
}
