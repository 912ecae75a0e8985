import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CursorCodec, cursorScope, InvalidCursor, KeyPosition } from '../../../shared/api/cursor';

const codec = new CursorCodec('secret-a');
const scope = cursorScope('listArticles', {}, { section: 'World', limit: 5, cursor: 'x' });
const position = {
  pk: 'ART#abc',
  sk: 'ARTICLE',
  gsi1pk: 'TL#ALL#2025-03',
  gsi1sk: '2025-03-01T00:00:00.000Z#abc',
};

describe('CursorCodec', () => {
  it('gives back the position it encoded, for the same query', () => {
    expect(codec.decode(codec.encode(scope, position), scope, KeyPosition)).toEqual(position);
  });

  it('ignores the page size but not the filters', () => {
    const otherLimit = cursorScope('listArticles', {}, { section: 'World', limit: 50 });
    expect(codec.decode(codec.encode(scope, position), otherLimit, KeyPosition)).toEqual(position);
    const otherSection = cursorScope('listArticles', {}, { section: 'Sport', limit: 5 });
    expect(() => codec.decode(codec.encode(scope, position), otherSection, KeyPosition)).toThrow(
      InvalidCursor,
    );
  });

  it('refuses a cursor signed with another key', () => {
    const forged = new CursorCodec('secret-b').encode(scope, position);
    expect(() => codec.decode(forged, scope, KeyPosition)).toThrow(InvalidCursor);
  });

  it('refuses a position of the wrong shape even when signed', () => {
    const token = codec.encode(scope, { m: 'not-a-month' });
    expect(() =>
      codec.decode(token, scope, z.strictObject({ m: z.string().regex(/^\d{4}-\d{2}$/) })),
    ).toThrow(InvalidCursor);
  });

  it('refuses any change to any character of a cursor', () => {
    const token = codec.encode(scope, position);
    fc.assert(
      fc.property(fc.nat(token.length - 1), fc.constantFrom(...'ABCxyz019-_.'), (index, replacement) => {
        fc.pre(token[index] !== replacement);
        const edited = token.slice(0, index) + replacement + token.slice(index + 1);
        expect(() => codec.decode(edited, scope, KeyPosition)).toThrow(InvalidCursor);
      }),
    );
  });

  it('refuses arbitrary strings without throwing anything but InvalidCursor', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        expect(() => codec.decode(text, scope, KeyPosition)).toThrow(InvalidCursor);
      }),
    );
  });
});
