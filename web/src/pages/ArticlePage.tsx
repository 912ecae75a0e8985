import { type Article, api } from '../api';
import { Status } from '../components/Status';
import { TypeChip } from '../components/TypeChip';
import { formatDate, formatDateTime, typeLabel } from '../format';
import { entityHref, href } from '../route';
import { marksOf, paragraphs } from '../segments';
import { useApi } from '../use-api';

/** One article: fields, body with every entity mention linked, its quotes with speakers, its dates. */
export function ArticlePage({ id }: { id: string }) {
  const state = useApi(id, (signal) => api.article(id, signal));
  return (
    <Status state={state} what="the article">
      {(article) => <ArticleView article={article} />}
    </Status>
  );
}

function ArticleView({ article }: { article: Article }) {
  const marks = marksOf(article.entities, article.body.length);
  const blocks = paragraphs(article.body, marks);
  const headings = new Set(article.headings ?? []);
  const names = new Map(article.entities.map((e) => [e.id, e.name]));
  const mentioned = article.entities.filter((e) => e.mentions.length > 0);
  // "on Sunday" three times is one date to a reader.
  const dates = [
    ...new Map((article.dates ?? []).map((d) => [`${d.text.toLowerCase()}|${d.value}`, d])).values(),
  ];
  return (
    <article class="article">
      <header>
        <h1 tabIndex={-1}>{article.title}</h1>
        {article.subtitle && <p class="subtitle">{article.subtitle}</p>}
        <p class="meta">
          {article.section && <a href={href('/', { section: article.section })}>{article.section}</a>}
          {article.section && ' · '}
          {article.source && <a href={href('/', { source: article.source })}>{article.source}</a>}
          {article.source && ' · '}
          <time dateTime={article.date}>{formatDateTime(article.date)}</time>
          {article.dateAssumed && ' (upload time: the article gives none)'}
          {article.authors?.length ? ` · by ${article.authors.join(', ')}` : ''}
          {article.dateline && ` · ${article.dateline.place}`}
        </p>
        {article.images?.map((image) => (
          <p class="caption" key={image.caption}>
            Photo: {image.caption}
            {image.credit && ` (${image.credit})`}
          </p>
        ))}
      </header>
      <div class="layout">
        <div class="body">
          {blocks.map((segments, index) => {
            const text = segments.map((s) => s.text).join('');
            const key = `${index}`;
            if (segments.length === 1 && headings.has(text.trim())) return <h2 key={key}>{text}</h2>;
            return (
              <p key={key}>
                {segments.map((segment, at) =>
                  segment.mark ? (
                    <a
                      key={`${key}-${at}`}
                      class={`mention type-${segment.mark.type.toLowerCase()}`}
                      href={entityHref(segment.mark.entityId)}
                      title={`${typeLabel[segment.mark.type] ?? segment.mark.type}: ${segment.mark.name}`}
                    >
                      {segment.text}
                    </a>
                  ) : (
                    segment.text
                  ),
                )}
              </p>
            );
          })}
        </div>
        <aside class="side">
          <section aria-labelledby="quotes-heading">
            <h2 id="quotes-heading">Quotes</h2>
            {article.quotes.length === 0 ? (
              <p class="muted">No quotes.</p>
            ) : (
              <ul class="quotes">
                {article.quotes.map((quote) => (
                  <li key={`${quote.start}`}>
                    <blockquote>{quote.text}</blockquote>
                    <p class="speaker">
                      —{' '}
                      {quote.speakerId ? (
                        <a href={entityHref(quote.speakerId)}>
                          {quote.speaker ?? names.get(quote.speakerId) ?? quote.speakerId}
                        </a>
                      ) : (
                        (quote.speaker ?? 'unattributed')
                      )}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="entities-heading">
            <h2 id="entities-heading">In this article</h2>
            <ul class="entities">
              {mentioned.map((entity) => (
                <li key={entity.id}>
                  <TypeChip type={entity.type} /> <a href={entityHref(entity.id)}>{entity.name}</a>
                  {entity.role && <span class="muted"> ({entity.role})</span>}{' '}
                  <span class="muted">×{entity.mentionCount}</span>
                </li>
              ))}
            </ul>
          </section>
          {dates.length > 0 && (
            <section aria-labelledby="dates-heading">
              <h2 id="dates-heading">Dates</h2>
              <ul class="dates">
                {dates.map((date) => (
                  <li key={`${date.start}`}>
                    “{date.text}”: <time dateTime={date.value}>{formatDate(date.value)}</time>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </aside>
      </div>
    </article>
  );
}
