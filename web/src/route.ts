/**
 * Hash routes (#/articles/ID?...): every page has a shareable URL, the document is always the one
 * index.html, and no path can collide with an API route (/articles/{id} is the API's).
 */
export type Route =
  | { page: 'home'; query: Record<string, string> }
  | { page: 'article'; id: string; query: Record<string, string> }
  | { page: 'entity'; id: string; query: Record<string, string> }
  | { page: 'trending'; query: Record<string, string> }
  | { page: 'not-found'; path: string; query: Record<string, string> };

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [pathPart = '/', search = ''] = raw.split('?', 2);
  const query: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(search)) if (value !== '') query[name] = value;
  const parts = pathPart.split('/').filter(Boolean).map(safeDecode);
  if (parts.length === 0) return { page: 'home', query };
  if (parts[0] === 'articles' && parts.length === 2) return { page: 'article', id: parts[1]!, query };
  if (parts[0] === 'entities' && parts.length === 2) return { page: 'entity', id: parts[1]!, query };
  if (parts[0] === 'trending' && parts.length === 1) return { page: 'trending', query };
  return { page: 'not-found', path: pathPart, query };
}

/** The href of a page: `#/path` plus the non-empty query values, in the order given. */
export function href(path: string, query: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  return `#${path}${search ? `?${search}` : ''}`;
}

export const articleHref = (id: string) => href(`/articles/${encodeURIComponent(id)}`);
export const entityHref = (id: string, query: Record<string, string | number | undefined> = {}) =>
  href(`/entities/${encodeURIComponent(id)}`, query);

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
