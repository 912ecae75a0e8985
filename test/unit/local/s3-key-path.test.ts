import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeKeyPath, encodeKeyPath } from '../../../infra/local/stand-ins/s3-key-path';

/** What s3rver's file-system listing needs of the S3 stand-in's key encoding. */
const keys = fc.string({ unit: 'grapheme', maxLength: 400 });
const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
/** s3rver appends this to an object's path; a directory level ends in '~/'. */
const objectPath = (key: string) => `${encodeKeyPath(key)}._S3rver_object`;

describe('S3 stand-in key paths', () => {
  it('decode back to the key', () => {
    fc.assert(fc.property(keys, (key) => decodeKeyPath(encodeKeyPath(key)) === key));
  });

  it('have no segment that is empty, a dot segment, or longer than 210 bytes', () => {
    fc.assert(
      fc.property(keys, (key) =>
        encodeKeyPath(key)
          .split('/')
          .every((segment) =>
            segment === '' ? key === '' : !/^\.\.?$/.test(segment) && segment.length <= 210,
          ),
      ),
    );
    expect(encodeKeyPath('../../etc/passwd')).not.toContain('.');
  });

  it('sort as the keys do, so listing pages stay in key order', () => {
    fc.assert(
      fc.property(keys, keys, (a, b) => {
        const keyOrder = Math.sign(byteOrder(a, b));
        const pathOrder = Math.sign(
          objectPath(a) < objectPath(b) ? -1 : objectPath(a) > objectPath(b) ? 1 : 0,
        );
        return keyOrder === pathOrder;
      }),
    );
  });

  it("keep a prefix's encoding a prefix of the key's", () => {
    fc.assert(
      fc.property(keys, fc.nat(), (key, cut) => {
        const bytes = Buffer.from(key);
        const prefix = bytes.subarray(0, cut % (bytes.length + 1)).toString();
        return !key.startsWith(prefix) || encodeKeyPath(key).startsWith(encodeKeyPath(prefix));
      }),
    );
  });

  it('lists nothing for a path it did not write', () => {
    expect(decodeKeyPath('raw/plain.txt')).toBe('');
  });
});
