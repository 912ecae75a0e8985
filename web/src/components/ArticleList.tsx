import type { ArticleSummary } from '../api';
import { formatDateTime } from '../format';
import { articleHref } from '../route';

/** A list of article summaries: title link, then section, source and date. */
export function ArticleList({
  items,
  extra,
}: {
  items: readonly ArticleSummary[];
  extra?: (item: ArticleSummary) => string | undefined;
}) {
  if (items.length === 0) return <p class="muted">No articles.</p>;
  return (
    <ol class="articles">
      {items.map((item) => (
        <li key={item.id}>
          <a class="title" href={articleHref(item.id)}>
            {item.title}
          </a>
          <p class="meta">
            {[item.section, item.source, formatDateTime(item.date), extra?.(item)]
              .filter(Boolean)
              .join(' · ')}
          </p>
        </li>
      ))}
    </ol>
  );
}
