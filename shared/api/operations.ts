import type { z } from 'zod';
import { type ArchiveReads, InvalidPosition } from '../store/archive-reads';
import { type CursorCodec, cursorScope, InvalidCursor, KeyPosition, TimelinePositionSchema } from './cursor';
import { openApiDocument } from './openapi';
import { problems } from './problem';
import type { OperationId, PathParametersOf, QueryOf, ResponseOf } from './routes';
import { articleSummary, articleView, entityArticle, quoteView } from './views';

export interface OperationContext<Id extends OperationId = OperationId> {
  operationId: Id;
  query: QueryOf<Id>;
  params: PathParametersOf<Id>;
  reader: ArchiveReads;
  cursors: CursorCodec;
}

/** An entity merged into another: the router answers 301 with the survivor in Location. */
export class MovedPermanently extends Error {
  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    super(`${from} was merged into ${to}`);
    this.name = 'MovedPermanently';
  }
}

/** Where a request about a merged entity now goes: the same path and query, about the survivor. */
export function movedLocation(
  path: string,
  query: Record<string, string | undefined>,
  moved: MovedPermanently,
): string {
  const from = `/entities/${encodeURIComponent(moved.from)}`;
  const rest = path.startsWith(from) ? path.slice(from.length) : '';
  const search = new URLSearchParams(
    Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined),
  ).toString();
  return `/entities/${encodeURIComponent(moved.to)}${rest}${search ? `?${search}` : ''}`;
}

export type Operations = {
  readonly [Id in OperationId]: (context: OperationContext<Id>) => Promise<ResponseOf<Id>>;
};

/** One function per operationId of routes.ts: validated input in, the response body out. */
export const operations: Operations = {
  async listArticles(context) {
    const q = context.query;
    const after = readCursor(context, TimelinePositionSchema);
    const page = await guarded(() => context.reader.articles(q, after));
    return { items: page.items.map(articleSummary), nextCursor: writeCursor(context, page.next) };
  },

  async getArticle(context) {
    const article = await context.reader.article(context.params.id);
    if (!article) throw problems.notFound(`no article ${context.params.id}`);
    return articleView(article);
  },

  async searchEntities(context) {
    const after = readCursor(context, KeyPosition);
    const page = await guarded(() => context.reader.searchEntities(context.query, after));
    return { items: page.items, nextCursor: writeCursor(context, page.next) };
  },

  async getEntity(context) {
    return requireEntity(context);
  },

  async listEntityArticles(context) {
    const after = readCursor(context, KeyPosition);
    const page = await guarded(() => context.reader.entityArticles(context.params.id, context.query, after));
    if (!after && page.items.length === 0) await requireEntity(context);
    return { items: page.items.map(entityArticle), nextCursor: writeCursor(context, page.next) };
  },

  async listRelatedEntities(context) {
    const related = await context.reader.related(context.params.id, context.query);
    if (related.articlesConsidered === 0) await requireEntity(context);
    return { id: context.params.id, ...related };
  },

  async listQuotes(context) {
    const after = readCursor(context, KeyPosition);
    const page = await guarded(() => context.reader.quotesBy(context.params.id, context.query, after));
    if (!after && page.items.length === 0) await requireEntity(context);
    return { items: page.items.map(quoteView), nextCursor: writeCursor(context, page.next) };
  },

  async listTrendingEntities(context) {
    const q = context.query;
    return { from: q.from, to: q.to, items: await context.reader.trending(q) };
  },

  async getOpenApiDocument() {
    return openApiDocument();
  },
};

/** What the helpers below need of an operation's context, whichever operation it is. */
interface PagedContext {
  operationId: string;
  params: object;
  query: { cursor?: string };
  cursors: CursorCodec;
}

/** The entity of the path: 404 when unknown, 301 to the survivor when it was merged. */
async function requireEntity(context: { reader: ArchiveReads; params: { id: string } }) {
  const entity = await context.reader.entity(context.params.id);
  if (!entity) throw problems.notFound(`no entity ${context.params.id}`);
  if ('mergedInto' in entity) throw new MovedPermanently(context.params.id, entity.mergedInto);
  return entity;
}

function scope(context: PagedContext): string {
  return cursorScope(context.operationId, context.params, context.query);
}

function readCursor<T>(context: PagedContext, schema: z.ZodType<T>): T | undefined {
  const token = context.query.cursor;
  if (token === undefined) return undefined;
  try {
    return context.cursors.decode(token, scope(context), schema);
  } catch (error) {
    if (error instanceof InvalidCursor) throw problems.invalidCursor(`${error.message}.`);
    throw error;
  }
}

function writeCursor(context: PagedContext, position: unknown): string | undefined {
  return position === undefined ? undefined : context.cursors.encode(scope(context), position);
}

/** A signed cursor whose position still falls outside the query is refused the same way. */
async function guarded<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof InvalidPosition) throw problems.invalidCursor(`${error.message}.`);
    throw error;
  }
}
