/** Line-level helpers shared by the plain-text, markdown and HTML readers. */

/** Unix newlines, no NBSP or tabs, no trailing spaces, no zero-width characters. */
export function normalizeText(text: string): string {
  return (
    text
      .replace(/\r\n?|\u2028|\u2029/g, '\n')
      .replace(/[\u200b\u2060\ufeff\u00ad]/g, '')
      // Run by run: one replacement per character costs V8 a match each, seconds for a megabyte of tabs.
      .replace(/[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, (blanks) => ' '.repeat(blanks.length))
      .split('\n')
      .map(trimEndSpaces)
      .join('\n')
  );
}

/**
 * Trailing spaces off one line, by hand: `/ +$/gm` retries from every space of a run that does not end
 * the line, which is quadratic in the run (200,000 spaces held a stage for minutes).
 */
function trimEndSpaces(line: string): string {
  let end = line.length;
  while (end > 0 && line.charCodeAt(end - 1) === 0x20) end--;
  return end === line.length ? line : line.slice(0, end);
}

/** Collapses runs of white space inside one paragraph. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Paragraphs (already one-line strings) joined by exactly one blank line. */
export function joinParagraphs(paragraphs: readonly string[]): string {
  return paragraphs
    .map(squash)
    .filter((p) => p !== '')
    .join('\n\n');
}

/** Compares two lines ignoring case, punctuation and spacing: repeated headlines differ in trifles. */
export function sameText(a: string, b: string): boolean {
  const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const ka = key(a);
  return ka !== '' && ka === key(b);
}

export function wordCount(text: string): number {
  const m = text.match(/[\p{L}\p{N}]+/gu);
  return m ? m.length : 0;
}

/**
 * A section heading inside a body: a short line with no sentence punctuation at its end, between
 * paragraphs that are longer than itself.
 */
export function looksLikeHeading(line: string, next: string | undefined): boolean {
  if (next === undefined || line.length > 90 || next.length < 40) return false;
  if (/[.,;:!"”'’)\]…]$/.test(line)) return false;
  if (line.endsWith('?') && /["“”]/.test(line)) return false;
  if (!/^[\p{Lu}\p{N}‘“"']/u.test(line)) return false;
  const words = wordCount(line);
  if (words === 0 || words > 12) return false;
  return next.length > line.length * 1.5 && wordCount(next) >= 8;
}

/** "NEW YORK" -> "New York"; mixed-case text is left as it is. */
export function titleCaseIfShouting(text: string): string {
  if (/\p{Ll}/u.test(text)) return text;
  return text
    .toLowerCase()
    .replace(/(^|[\s\-'’(])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** "Jane Doe, John Roe and Ann Poe" -> three names. */
export function splitNames(text: string): string[] {
  // Squashed first: around a run of spaces the separator's `\s*` would retry from every space.
  return squash(text)
    .split(/\s*(?:,|;|&|\band\b|\|)\s*/i)
    .map((s) => s.trim())
    .filter((s) => s !== '' && wordCount(s) <= 6);
}
