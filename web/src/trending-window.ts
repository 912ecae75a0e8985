export const trendingWindows = [
  { days: 1, label: 'One day' },
  { days: 7, label: 'Seven days' },
  { days: 31, label: 'Thirty-one days' },
] as const;
export const trendingTypes = ['PERSON', 'ORGANIZATION', 'LOCATION', 'MISC'] as const;

/** The window ending on `to` (a UTC date, default today) and `days` long, as the API's from/to dates. */
export function trendingWindow(query: Record<string, string>, today = new Date()) {
  const days = trendingWindows.find((w) => String(w.days) === query.days)?.days ?? 7;
  const to = /^\d{4}-\d{2}-\d{2}$/.test(query.to ?? '') ? query.to! : today.toISOString().slice(0, 10);
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  return { days, from, to };
}
