import { useEffect, useRef } from 'preact/hooks';
import { formatDate, plural } from '../format';
import { mentionsPerDay } from '../timeline';

const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/**
 * Mentions per day as a bar chart (uPlot, loaded only on the pages that draw one, so the first page
 * stays small), with the same figures in a table for screen readers.
 */
export function Timeline({
  items,
  name,
}: {
  items: readonly { date: string; mentionCount: number }[];
  name: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const { days, mentions } = mentionsPerDay(items);
  const key = `${days.join(',')}|${mentions.join(',')}`;

  useEffect(() => {
    const element = box.current;
    if (!element || days.length === 0) return;
    let disposed = false;
    let chart: { destroy(): void } | undefined;
    Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([{ default: UPlot }]) => {
      if (disposed) return;
      const style = getComputedStyle(element);
      const ink = style.getPropertyValue('--ink').trim() || '#222';
      const accent = style.getPropertyValue('--accent').trim() || '#0b5cad';
      const grid = style.getPropertyValue('--rule').trim() || '#ccc';
      const padding = 43_200; // half a day, so a single day's bar is not cut at the edges
      const axis = { stroke: ink, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
      chart = new UPlot(
        {
          width: Math.max(260, element.clientWidth),
          height: 200,
          legend: { show: false },
          cursor: { show: false },
          scales: {
            x: { time: true, range: [(days[0] ?? 0) - padding, (days[days.length - 1] ?? 0) + padding] },
            y: { range: (_u, _min, max) => [0, Math.max(1, max)] },
          },
          axes: [
            {
              ...axis,
              // Whole days only: the data is per day, hours between bars would only be noise.
              incrs: [86_400, 2 * 86_400, 7 * 86_400, 14 * 86_400, 30 * 86_400, 91 * 86_400, 365 * 86_400],
              space: 70,
              values: (_u, splits) => splits.map((s) => shortDate.format(s * 1000)),
            },
            { ...axis, size: 40, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] },
          ],
          series: [
            {},
            {
              label: 'Mentions',
              stroke: accent,
              fill: accent,
              paths: UPlot.paths.bars?.({ size: [0.6, 40] }),
              points: { show: false },
            },
          ],
        },
        [days, mentions],
        element,
      );
    });
    return () => {
      disposed = true;
      chart?.destroy();
    };
  }, [key]);

  if (days.length === 0) return <p class="muted">No dated mentions yet.</p>;
  return (
    <figure class="timeline">
      <div ref={box} class="chart" aria-hidden="true" data-days={days.length} />
      <figcaption>
        Mentions of {name} per day, {formatDate(new Date(days[0]! * 1000).toISOString())} to{' '}
        {formatDate(new Date(days[days.length - 1]! * 1000).toISOString())}
      </figcaption>
      <table class="visually-hidden">
        <caption>Mentions of {name} per day</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Mentions</th>
          </tr>
        </thead>
        <tbody>
          {days.map((day, index) => (
            <tr key={day}>
              <td>{formatDate(new Date(day * 1000).toISOString())}</td>
              <td>{plural(mentions[index]!, 'mention')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
