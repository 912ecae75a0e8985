import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * Opaque page cursors: base64url JSON of the position, bound to the query that issued it (a hash of
 * the route and its filters) and signed with HMAC-SHA256. A cursor edited, forged or reused with
 * other filters fails here; the reader then also checks that the position lies inside the query.
 */
const Envelope = z.strictObject({ v: z.literal(1), q: z.string(), p: z.unknown() });

export class InvalidCursor extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidCursor';
  }
}

export class CursorCodec {
  constructor(private readonly secret: string) {}

  encode(scope: string, position: unknown): string {
    const payload = Buffer.from(JSON.stringify({ v: 1, q: this.scopeHash(scope), p: position })).toString(
      'base64url',
    );
    return `${payload}.${this.sign(payload)}`;
  }

  decode<T>(token: string, scope: string, schema: z.ZodType<T>): T {
    const [payload, signature, ...rest] = token.split('.');
    if (!payload || !signature || rest.length) throw new InvalidCursor('malformed cursor');
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      throw new InvalidCursor('cursor signature does not match');
    }
    let envelope: z.infer<typeof Envelope>;
    try {
      envelope = Envelope.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    } catch {
      throw new InvalidCursor('malformed cursor');
    }
    if (envelope.q !== this.scopeHash(scope)) throw new InvalidCursor('cursor belongs to another query');
    const position = schema.safeParse(envelope.p);
    if (!position.success) throw new InvalidCursor('malformed cursor position');
    return position.data;
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }

  private scopeHash(scope: string): string {
    return createHmac('sha256', this.secret).update(`scope:${scope}`).digest('base64url').slice(0, 16);
  }
}

/** The query a cursor is bound to: the route and every filter, but not the page size. */
export function cursorScope(
  operationId: string,
  pathParameters: object,
  query: Record<string, unknown>,
): string {
  const filters = Object.entries(query)
    .filter(([name, value]) => name !== 'limit' && name !== 'cursor' && value !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([operationId, pathParameters, filters]);
}

export const KeyPosition = z.record(z.string(), z.string().max(1024));
export const TimelinePositionSchema = z.strictObject({
  m: z.string().regex(/^\d{4}-\d{2}$/),
  k: KeyPosition.optional(),
});
