import type { Image } from '../article/schema';

/**
 * Photo credits as newsrooms print them at the end of a caption:
 * "…Kyiv.—AFP photo", "… (Photo: Reuters)", "… Photo: Collected", "… | Getty Images", "…. Star file photo".
 */
const creditPatterns: Array<{ pattern: RegExp; labelled: boolean }> = [
  { pattern: /^(.*?)\s*[—–]\s*(?:photo|picture|image)s?\s*:\s*(.{2,60}?)\.?$/i, labelled: true },
  // A hyphen separates only with spaces around it: "high-resolution images" is no caption and credit.
  {
    pattern:
      /^(.*?)(?:\s*[—–]{1,2}\s*|\s+-{1,2}\s+)([\p{L}\p{N}][\p{L}\p{N} .&'’/-]{0,50}?)\s+(?:file\s+)?(?:photo|picture|image)s?\.?$/iu,
    labelled: false,
  },
  {
    pattern: /^(.*?)\s*\(\s*(?:photo|picture|image)s?(?:\s*credit)?\s*:?\s*([^)]{2,60})\)\.?$/i,
    labelled: true,
  },
  {
    pattern: /^(.*?[.!?”"])\s*(?:photo|picture|image)s?(?:\s*credit)?\s*:\s*(.{2,60}?)\.?$/i,
    labelled: true,
  },
  { pattern: /^(.*?[.!?”"])\s*([\p{Lu}][\p{L} .&'’-]{1,40}?)\s+file\s+photo\.?$/iu, labelled: false },
  { pattern: /^(.*?[.!?”"])\s*(?:credit|photograph)\s*:\s*(.{2,60}?)\.?$/i, labelled: true },
];

/** A credit no label announces must look like one: a name or an agency, not the rest of a sentence. */
const looksLikeCredit = (credit: string) => /^[\p{Lu}\p{N}©]/u.test(credit) && !/[.!?]\s/.test(credit);

const maxCaption = 600;

/** Splits "caption — credit" into its parts; undefined when the text ends with no recognisable credit. */
export function splitCaptionCredit(text: string): Image | undefined {
  const line = text.trim();
  // A caption is a line or two; the patterns' lazy prefixes are quadratic on a long run of spaces.
  if (line.length > maxCaption) return undefined;
  // Every credit form names itself near the end of the line; most lines are ruled out here cheaply.
  if (!/photo|picture|image|credit|photograph/i.test(line.slice(-90))) return undefined;
  for (const { pattern, labelled } of creditPatterns) {
    const m = line.match(pattern);
    if (!m) continue;
    const caption = (m[1] ?? '').trim();
    const credit = m[2]!.trim().replace(/[.,;]+$/, '');
    if (!credit || credit.split(/\s+/).length > 8) continue;
    if (!labelled && !looksLikeCredit(credit)) continue;
    return { caption, credit };
  }
  return undefined;
}

/** A figure caption from HTML: a trailing credit is split off when one is recognised. */
export function captionImage(caption: string, credit?: string, url?: string): Image {
  const split = credit ? undefined : splitCaptionCredit(caption);
  const image: Image = { caption: split?.caption || caption.trim() };
  const finalCredit = credit?.trim() || split?.credit;
  if (finalCredit) image.credit = finalCredit;
  if (url) image.url = url;
  return image;
}
