import { api } from '../api';
import { Status } from '../components/Status';
import { TypeChip } from '../components/TypeChip';
import { formatDate, plural, typeLabel } from '../format';
import { entityHref, href } from '../route';
import { trendingTypes, trendingWindow, trendingWindows } from '../trending-window';
import { useApi } from '../use-api';

/** The entities in the most articles over a chosen window, optionally of one type. */
export function Trending({ query }: { query: Record<string, string> }) {
  const { days, from, to } = trendingWindow(query);
  const type = trendingTypes.find((t) => t === query.type);
  const state = useApi(`${from}|${to}|${type ?? ''}`, (signal) =>
    api.trending({ from, to, type, limit: 20 }, signal),
  );

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    location.hash = href('/trending', {
      days: String(form.get('days') ?? ''),
      type: String(form.get('type') ?? ''),
      to: String(form.get('to') ?? ''),
    });
  };

  return (
    <>
      <h1 tabIndex={-1}>Trending</h1>
      <form key={`${days}|${type}|${to}`} class="filters" onSubmit={onSubmit} aria-label="Trending window">
        <label>
          Window
          <select name="days">
            {trendingWindows.map((w) => (
              <option key={w.days} value={w.days} selected={w.days === days}>
                {w.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Ending on <input name="to" type="date" defaultValue={to} />
        </label>
        <label>
          Type
          <select name="type">
            <option value="" selected={!type}>
              Any
            </option>
            {trendingTypes.map((t) => (
              <option key={t} value={t} selected={t === type}>
                {typeLabel[t]}
              </option>
            ))}
          </select>
        </label>
        <div class="actions">
          <button type="submit">Show</button>
        </div>
      </form>
      <p class="muted">
        {formatDate(`${from}T00:00:00Z`)} to {formatDate(`${to}T00:00:00Z`)}
      </p>
      <Status state={state} what="trending entities">
        {(page) =>
          page.items.length === 0 ? (
            <p class="muted">Nothing mentioned in this window.</p>
          ) : (
            <ol class="trending">
              {page.items.map((item) => (
                <li key={item.id}>
                  <TypeChip type={item.type} /> <a href={entityHref(item.id)}>{item.name}</a>{' '}
                  <span class="muted">in {plural(item.articles, 'article')}</span>
                </li>
              ))}
            </ol>
          )
        }
      </Status>
    </>
  );
}
