import { useEffect } from 'preact/hooks';
import { api, type Entity } from '../api';
import { ArticleList } from '../components/ArticleList';
import { Pager } from '../components/Pager';
import { Status } from '../components/Status';
import { Timeline } from '../components/Timeline';
import { TypeChip } from '../components/TypeChip';
import { formatDate, plural } from '../format';
import { articleHref, entityHref } from '../route';
import { useApi } from '../use-api';

export const entityPageSize = 10;
/** The timeline counts the newest articles, at most one API page of them. */
const timelineArticles = 100;

/** One entity: what it is, a timeline of its mentions, who appears with it, its quotes and its articles. */
export function EntityPage({ id, query }: { id: string; query: Record<string, string> }) {
  const state = useApi(id, (signal) => api.entity(id, signal));
  // A merged id answers with the kept entity (the API redirects): show the kept id in the address bar.
  useEffect(() => {
    const kept = state.data?.id;
    if (kept && kept !== id) history.replaceState(null, '', entityHref(kept, query));
  }, [state.data?.id, id]);
  return (
    <Status state={state} what="the entity">
      {(entity) => <EntityView entity={entity} query={query} />}
    </Status>
  );
}

async function roleOf(entity: Entity, signal: AbortSignal): Promise<string | undefined> {
  if (entity.role) return entity.role;
  const newest = (await api.entityArticles(entity.id, { limit: 1 }, signal)).items[0];
  if (!newest) return undefined;
  const article = await api.article(newest.id, signal);
  return article.entities.find((e) => e.id === entity.id)?.role;
}

function EntityView({ entity, query }: { entity: Entity; query: Record<string, string> }) {
  const { id } = entity;
  const limit = Number(query.limit) || entityPageSize;
  const timeline = useApi(`${id}|timeline`, (signal) =>
    api.entityArticles(id, { limit: timelineArticles }, signal),
  );
  const related = useApi(`${id}|related`, (signal) => api.related(id, signal));
  const quotes = useApi(`${id}|quotes|${query.quotes ?? ''}`, (signal) =>
    api.quotes(id, { limit: 5, cursor: query.quotes }, signal),
  );
  const articles = useApi(`${id}|articles|${limit}|${query.cursor ?? ''}`, (signal) =>
    api.entityArticles(id, { limit, cursor: query.cursor }, signal),
  );
  // The entity record may carry no role (an older API): the newest article that names it knows one.
  const role = useApi(`${id}|role|${entity.role ?? ''}`, (signal) => roleOf(entity, signal));
  // Quotes (`quotes`) and articles (`cursor`) page independently; each keeps the other's place in the URL.
  const pagesOf = (param: 'quotes' | 'cursor', nextCursor: string | undefined) => ({
    first: query[param] ? entityHref(id, { ...query, [param]: undefined }) : undefined,
    next: nextCursor ? entityHref(id, { ...query, [param]: nextCursor }) : undefined,
  });
  const aliases = entity.aliases.filter((alias) => alias !== entity.name);

  return (
    <>
      <header class="entity-head">
        <p class="kicker">
          <TypeChip type={entity.type} />
        </p>
        <h1 tabIndex={-1}>{entity.name}</h1>
        <dl class="facts">
          {role.data && (
            <>
              <dt>Role</dt>
              <dd data-testid="role">{role.data}</dd>
            </>
          )}
          <dt>Also written</dt>
          <dd>{aliases.length ? aliases.join(', ') : '—'}</dd>
          <dt>Articles</dt>
          <dd data-testid="article-count">{entity.articleCount}</dd>
          {entity.firstSeen && (
            <>
              <dt>Seen</dt>
              <dd>
                {formatDate(entity.firstSeen)}
                {entity.lastSeen &&
                  entity.lastSeen !== entity.firstSeen &&
                  ` to ${formatDate(entity.lastSeen)}`}
              </dd>
            </>
          )}
        </dl>
      </header>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline of mentions</h2>
        <Status state={timeline} what="the timeline">
          {(page) => <Timeline items={page.items} name={entity.name} />}
        </Status>
      </section>

      <div class="columns">
        <section aria-labelledby="quotes-heading">
          <h2 id="quotes-heading">Quotes</h2>
          <Status state={quotes} what="quotes">
            {(page) =>
              page.items.length === 0 ? (
                <p class="muted">No quotes attributed to {entity.name}.</p>
              ) : (
                <>
                  <ul class="quotes">
                    {page.items.map((quote) => (
                      <li key={`${quote.articleId}-${quote.text}`}>
                        <blockquote>{quote.text}</blockquote>
                        <p class="speaker">
                          — {quote.speaker ?? entity.name},{' '}
                          <a href={articleHref(quote.articleId)}>{quote.title}</a>, {formatDate(quote.date)}
                        </p>
                      </li>
                    ))}
                  </ul>
                  <Pager label="Quote pages" {...pagesOf('quotes', page.nextCursor)} />
                </>
              )
            }
          </Status>
        </section>

        <section aria-labelledby="related-heading">
          <h2 id="related-heading">Appears with</h2>
          <Status state={related} what="related entities">
            {(page) =>
              page.items.length === 0 ? (
                <p class="muted">Nobody else yet.</p>
              ) : (
                <ul class="related">
                  {page.items.map((item) => (
                    <li key={item.id}>
                      {item.type && <TypeChip type={item.type} />}{' '}
                      <a href={entityHref(item.id)}>{item.name ?? item.id}</a>{' '}
                      <span class="muted">({plural(item.articlesTogether, 'article')} together)</span>
                    </li>
                  ))}
                </ul>
              )
            }
          </Status>
        </section>
      </div>

      <section aria-labelledby="articles-heading">
        <h2 id="articles-heading">Articles</h2>
        <Status state={articles} what="articles">
          {(page) => (
            <>
              <ArticleList
                items={page.items}
                extra={(item) =>
                  'mentionCount' in item ? plural(Number(item.mentionCount), 'mention') : undefined
                }
              />
              <Pager label="Article pages" {...pagesOf('cursor', page.nextCursor)} />
            </>
          )}
        </Status>
      </section>
    </>
  );
}
