/** Mentions per UTC day, oldest first, as the chart plots them (x: seconds since the epoch). */
export function mentionsPerDay(items: readonly { date: string; mentionCount: number }[]): {
  days: number[];
  mentions: number[];
} {
  const perDay = new Map<number, number>();
  for (const item of items) {
    const time = Date.parse(item.date);
    if (Number.isNaN(time)) continue;
    const day = Math.floor(time / 86_400_000) * 86_400;
    perDay.set(day, (perDay.get(day) ?? 0) + Math.max(1, item.mentionCount));
  }
  const days = [...perDay.keys()].sort((a, b) => a - b);
  return { days, mentions: days.map((d) => perDay.get(d)!) };
}
