/**
 * Splits an article body into paragraphs of plain and linked text. Mentions are offsets into the body
 * (JS string indices); overlapping mentions keep the one that starts first (the longer at a tie), and a
 * mention is cut at a paragraph break, so every character of the body appears exactly once.
 */
export interface Mark {
  start: number;
  end: number;
  entityId: string;
  type: string;
  name: string;
}

export type Segment = { text: string; mark?: Omit<Mark, 'start' | 'end'> };

export interface MentionSource {
  id: string;
  type: string;
  name: string;
  mentions: { start: number; end: number }[];
}

export function marksOf(entities: readonly MentionSource[], bodyLength: number): Mark[] {
  const all = entities.flatMap((e) =>
    e.mentions
      .filter((m) => m.start >= 0 && m.end <= bodyLength && m.start < m.end)
      .map((m) => ({ start: m.start, end: m.end, entityId: e.id, type: e.type, name: e.name })),
  );
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Mark[] = [];
  for (const mark of all) {
    const last = kept[kept.length - 1];
    if (!last || mark.start >= last.end) kept.push(mark);
  }
  return kept;
}

export function paragraphs(body: string, marks: readonly Mark[]): Segment[][] {
  const result: Segment[][] = [];
  const breaks = /\n\s*\n/g;
  let paragraphStart = 0;
  const ranges: [number, number][] = [];
  for (const match of body.matchAll(breaks)) {
    ranges.push([paragraphStart, match.index]);
    paragraphStart = match.index + match[0].length;
  }
  ranges.push([paragraphStart, body.length]);
  for (const [start, end] of ranges) {
    if (start >= end) continue;
    const segments: Segment[] = [];
    let at = start;
    for (const mark of marks) {
      if (mark.end <= start || mark.start >= end) continue;
      const from = Math.max(mark.start, start);
      const to = Math.min(mark.end, end);
      if (from > at) segments.push({ text: body.slice(at, from) });
      const { entityId, type, name } = mark;
      segments.push({ text: body.slice(from, to), mark: { entityId, type, name } });
      at = to;
    }
    if (at < end) segments.push({ text: body.slice(at, end) });
    result.push(segments);
  }
  return result;
}
