import { api } from '../api';
import { ArticleList } from '../components/ArticleList';
import { Pager } from '../components/Pager';
import { Status } from '../components/Status';
import { href } from '../route';
import { useApi } from '../use-api';

const filterNames = ['section', 'source', 'from', 'to'] as const;
export const homePageSize = 20;

/** The latest articles, filtered by section, source and date range; the filters live in the URL. */
export function Home({ query }: { query: Record<string, string> }) {
  const filters = Object.fromEntries(filterNames.map((name) => [name, query[name]]));
  const limit = Number(query.limit) || homePageSize;
  const key = JSON.stringify({ filters, limit, cursor: query.cursor });
  const state = useApi(key, (signal) => api.articles({ ...filters, limit, cursor: query.cursor }, signal));

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const next: Record<string, string> = {};
    for (const name of filterNames) next[name] = String(form.get(name) ?? '').trim();
    location.hash = href('/', next);
  };

  return (
    <>
      <h1 tabIndex={-1}>Latest articles</h1>
      <form key={JSON.stringify(filters)} class="filters" onSubmit={onSubmit} aria-label="Filter articles">
        <label>
          Section <input name="section" defaultValue={query.section ?? ''} placeholder="any" />
        </label>
        <label>
          Source <input name="source" defaultValue={query.source ?? ''} placeholder="any" />
        </label>
        <label>
          From <input name="from" type="date" defaultValue={query.from ?? ''} />
        </label>
        <label>
          To <input name="to" type="date" defaultValue={query.to ?? ''} />
        </label>
        <div class="actions">
          <button type="submit">Filter</button>
          <a href="#/">Clear</a>
        </div>
      </form>
      <Status state={state} what="articles">
        {(page) => (
          <>
            <ArticleList items={page.items} />
            <Pager
              label="Article pages"
              first={query.cursor ? href('/', { ...filters, limit: query.limit }) : undefined}
              next={
                page.nextCursor
                  ? href('/', { ...filters, limit: query.limit, cursor: page.nextCursor })
                  : undefined
              }
            />
          </>
        )}
      </Status>
    </>
  );
}
