/**
 * Whole elements (`<script …>…</script>`) and comments found in HTML source in one forward pass.
 *
 * A lazy pattern such as `/<script[\s\S]*?<\/script>/` rescans to the end of the input from every opener
 * that has no closer, so a page of unclosed openers is quadratic. Here each search resumes where the
 * previous one for the same name ended: every closer and every `>` is looked for once.
 */

export interface ElementRange {
  /** Lower-case tag name. */
  name: string;
  /** Index of the opener's `<`. */
  start: number;
  /** Index just past the opener's `>`. */
  contentStart: number;
  /** Index of the closer's `<`. */
  contentEnd: number;
  /** Index just past the closer's `>`. */
  end: number;
}

/** Elements named `names`, outermost first, non-overlapping; an opener with no closer is left alone. */
export function findElements(html: string, names: readonly string[]): ElementRange[] {
  const opener = new RegExp(`<(${names.join('|')})(?=[\\s>/])`, 'gi');
  const closers = new Map<string, { pattern: RegExp; found: RegExpExecArray | null; from: number }>();
  let tagEnd = -1;
  const ranges: ElementRange[] = [];
  for (let m = opener.exec(html); m; m = opener.exec(html)) {
    const name = m[1]!.toLowerCase();
    const start = m.index;
    if (tagEnd < start) tagEnd = html.indexOf('>', start);
    if (tagEnd < 0) break;
    let closer = closers.get(name);
    if (!closer) {
      closer = { pattern: new RegExp(`</${name}\\s*>`, 'gi'), found: null, from: -1 };
      closers.set(name, closer);
    }
    // A closer found earlier still serves while it lies ahead; none found means none exists further on.
    if (closer.from < 0 || (closer.found && closer.found.index <= tagEnd)) {
      closer.pattern.lastIndex = tagEnd + 1;
      closer.found = closer.pattern.exec(html);
      closer.from = tagEnd + 1;
    }
    if (!closer.found) continue;
    const contentEnd = closer.found.index;
    const end = contentEnd + closer.found[0].length;
    ranges.push({ name, start, contentStart: tagEnd + 1, contentEnd, end });
    opener.lastIndex = end;
  }
  return ranges;
}

/** `html` without the given ranges (sorted, non-overlapping). */
export function withoutRanges(html: string, ranges: ReadonlyArray<{ start: number; end: number }>): string {
  if (ranges.length === 0) return html;
  const parts: string[] = [];
  let at = 0;
  for (const { start, end } of ranges) {
    parts.push(html.slice(at, start));
    at = end;
  }
  parts.push(html.slice(at));
  return parts.join('');
}

/** Comment ranges `<!-- … -->`; an unclosed comment ends the search, as it would end the lazy pattern's. */
export function findComments(html: string): Array<{ start: number; end: number }> {
  const ranges: Array<{ start: number; end: number }> = [];
  for (let start = html.indexOf('<!--'); start >= 0; start = html.indexOf('<!--', start)) {
    const close = html.indexOf('-->', start + 4);
    if (close < 0) break;
    ranges.push({ start, end: close + 3 });
    start = close + 3;
  }
  return ranges;
}
