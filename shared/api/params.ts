import { z } from 'zod';
import { foldName } from '../article/entity-id';
import { entityTypes } from '../article/schema';

/**
 * The validated inputs of the read API, as zod schemas: the router parses every request with them
 * and the OpenAPI document is generated from the same schemas.
 */

export const maxLimit = 100;
/** A year, leap years included: the monthly rollup keeps such a window to a handful of Queries. */
export const maxTrendDays = 366;

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

/** A date (YYYY-MM-DD) or an ISO 8601 date-time with zone, normalised to a UTC instant. */
function instant(edge: 'start' | 'end') {
  return z
    .string()
    .max(40)
    .refine((text) => dateOnly.test(text) || z.iso.datetime({ offset: true }).safeParse(text).success, {
      message: 'expected a date (YYYY-MM-DD) or an ISO 8601 date-time with a zone',
    })
    .transform((text, context) => {
      const value = dateOnly.test(text)
        ? `${text}T${edge === 'start' ? '00:00:00.000' : '23:59:59.999'}Z`
        : text;
      const date = new Date(value);
      if (Number.isNaN(date.getTime()) || !isCalendarDate(text.slice(0, 10))) {
        context.addIssue({ code: 'custom', message: 'not a real date' });
        return z.NEVER;
      }
      return date.toISOString();
    })
    .meta({
      description: 'Inclusive bound: a date (YYYY-MM-DD, whole day in UTC) or an ISO 8601 date-time.',
    });
}

// Decimal digits only: z.coerce would take '1e1', '0x10' and ' 10' as numbers too.
const limit = z
  .preprocess(
    (value) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value),
    z.number({ error: 'expected decimal digits' }).int().min(1).max(maxLimit),
  )
  .default(20)
  .meta({ description: `Items per page, 1 to ${maxLimit}.` });

const cursor = z
  .string()
  .max(2048)
  .optional()
  .meta({ description: 'The nextCursor of the previous page, unchanged. Only valid with the same filters.' });

const entityType = z
  .enum([...entityTypes, ...entityTypes.map((t) => t.toLowerCase())])
  .transform((t) => t.toUpperCase() as (typeof entityTypes)[number])
  .optional()
  .meta({ description: 'Entity type, upper or lower case.' });

export const articleId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'not an article id')
  .meta({ description: 'Article id.' });

export const entityId = z
  .string()
  .regex(/^[\p{L}\p{N}-]{1,200}$/u, 'not an entity id')
  .meta({ description: 'Entity id, e.g. per-volodymyr-zelenskyy.' });

/** Date parses 2025-02-30 as 2 March; a request that says 30 February is wrong, not rolled over. */
function isCalendarDate(ymd: string): boolean {
  const [year, month, day] = ymd.split('-').map(Number);
  const date = new Date(Date.UTC(year!, month! - 1, day!));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month! - 1 && date.getUTCDate() === day;
}

function ordered<T extends { from?: string; to?: string }>(schema: z.ZodType<T>) {
  return schema.refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'from is after to',
    path: ['from'],
  });
}

export const listArticlesQuery = ordered(
  z.strictObject({
    from: instant('start').optional(),
    to: instant('end').optional(),
    section: z.string().min(1).max(100).optional().meta({ description: 'Section, case-insensitive.' }),
    source: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .meta({ description: 'Source (publisher), case-insensitive.' }),
    limit,
    cursor,
  }),
);

export const datedListQuery = ordered(
  z.strictObject({ from: instant('start').optional(), to: instant('end').optional(), limit, cursor }),
);

export const searchEntitiesQuery = z.strictObject({
  prefix: z
    .string()
    .max(100)
    .refine((p) => foldName(p).length >= 2, { message: 'needs at least two letters or digits' })
    .meta({ description: 'Start of any word of the name or an alias, e.g. "zel".' }),
  type: entityType,
  limit,
  cursor,
});

export const relatedQuery = ordered(
  z.strictObject({
    from: instant('start').optional(),
    to: instant('end').optional(),
    limit: limit.default(10),
  }),
);

export const trendingQuery = z
  .strictObject({
    from: instant('start').optional(),
    to: instant('end').optional(),
    type: entityType,
    limit: limit.default(10),
  })
  .transform((q) => {
    // The end of today (UTC), not now: trends are counted per day, and a default window that moved
    // every millisecond gave every answer a new ETag.
    const to = q.to ?? `${new Date().toISOString().slice(0, 10)}T23:59:59.999Z`;
    const from =
      q.from ??
      new Date(new Date(to).getTime() - 6 * 86_400_000).toISOString().slice(0, 10).concat('T00:00:00.000Z');
    return { ...q, from, to };
  })
  .refine((q) => q.from <= q.to, { message: 'from is after to', path: ['from'] })
  .refine((q) => new Date(q.to).getTime() - new Date(q.from).getTime() < maxTrendDays * 86_400_000, {
    message: `the window is at most ${maxTrendDays} days`,
    path: ['from'],
  });

export const emptyQuery = z.strictObject({});
export const articlePath = z.strictObject({ id: articleId });
export const entityPath = z.strictObject({ id: entityId });
