/**
 * The public read API as the reading room uses it (shared/api/routes.ts, GET /openapi.json). Only the
 * fields shown are typed; fields the API may add later are optional here, so an older or newer API
 * still reads. Requests are same-origin: `npm start` and CloudFront serve the API beside the UI.
 */

export type EntityType = 'PERSON' | 'ORGANIZATION' | 'LOCATION' | 'MISC';

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface ArticleSummary {
  id: string;
  title: string;
  subtitle?: string;
  section?: string;
  source?: string;
  authors?: string[];
  publishedAt?: string;
  date: string;
}

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface ArticleEntity {
  id: string;
  type: EntityType;
  name: string;
  aliases?: string[];
  role?: string;
  mentionCount: number;
  mentions: Span[];
}

export interface ArticleQuote extends Span {
  speaker?: string;
  speakerId?: string;
}

export interface Article extends ArticleSummary {
  body: string;
  dateAssumed?: boolean;
  dateline?: { place: string; date?: string };
  canonicalUrl?: string;
  headings?: string[];
  images?: { caption: string; credit?: string }[];
  entities: ArticleEntity[];
  quotes: ArticleQuote[];
  dates?: (Span & { value: string })[];
}

export interface Entity {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  role?: string;
  gender?: string;
  articleCount: number;
  firstSeen?: string;
  lastSeen?: string;
}

export interface EntityMatch {
  id: string;
  type: EntityType;
  name: string;
  articleCount: number;
}

export interface EntityArticle extends ArticleSummary {
  mentionCount: number;
}

export interface SpeakerQuote {
  articleId: string;
  title: string;
  date: string;
  speaker?: string;
  text: string;
}

export interface Related {
  items: { id: string; type?: EntityType; name?: string; articlesTogether: number }[];
}

export interface Trending {
  from: string;
  to: string;
  items: { id: string; type: EntityType; name: string; articles: number }[];
}

/** An answer other than 2xx, with the problem+json detail when the API gave one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export type Query = Record<string, string | number | undefined>;

export function apiPath(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** GET a JSON document; fetch follows the API's redirects (a merged entity id answers 301 to the kept one). */
export async function getJson<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
  const response = await fetch(apiPath(path, query), { headers: { accept: 'application/json' }, signal });
  const text = await response.text();
  let body: { detail?: string; title?: string; message?: string } | undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const why = body?.detail ?? body?.title ?? body?.message ?? response.statusText;
    throw new ApiError(response.status, why || `HTTP ${response.status}`);
  }
  return body as T;
}

export const api = {
  articles: (query: Query, signal?: AbortSignal) => getJson<Page<ArticleSummary>>('/articles', query, signal),
  article: (id: string, signal?: AbortSignal) =>
    getJson<Article>(`/articles/${encodeURIComponent(id)}`, {}, signal),
  searchEntities: (prefix: string, signal?: AbortSignal) =>
    getJson<Page<EntityMatch>>('/entities', { prefix, limit: 8 }, signal),
  entity: (id: string, signal?: AbortSignal) =>
    getJson<Entity>(`/entities/${encodeURIComponent(id)}`, {}, signal),
  entityArticles: (id: string, query: Query, signal?: AbortSignal) =>
    getJson<Page<EntityArticle>>(`/entities/${encodeURIComponent(id)}/articles`, query, signal),
  related: (id: string, signal?: AbortSignal) =>
    getJson<Related>(`/entities/${encodeURIComponent(id)}/related`, { limit: 12 }, signal),
  quotes: (id: string, query: Query, signal?: AbortSignal) =>
    getJson<Page<SpeakerQuote>>(`/entities/${encodeURIComponent(id)}/quotes`, query, signal),
  trending: (query: Query, signal?: AbortSignal) => getJson<Trending>('/trending', query, signal),
};
