/**
 * How the S3 stand-in names a key on disk. s3rver joins the key's segments into a path as they are, so
 * `..` climbed out of the data folder, `raw/a/../b.txt` and `raw//b.txt` landed on `raw/b.txt`, and a
 * segment over ~230 bytes failed with ENAMETOOLONG (killing the stand-ins' thread). Here every key is
 * data: each UTF-8 byte becomes two characters, `[g-v][0-9a-f]` (high nibble as a letter, low nibble
 * as hex), cut into directories of `chunk` characters that end in `~`.
 *
 * The encoding keeps what s3rver's listing relies on: keys sort as their encodings do (fixed width,
 * alphabets in ASCII order, `.` of the file suffix before `~` of a directory), the encoding of a prefix
 * is a prefix of the key's encoding, and an encoded delimiter can only match at a byte boundary.
 */
const chunk = 200; // characters per directory level: 100 key bytes, far below NAME_MAX with s3rver's suffix
const directoryEnd = '~';
const highNibble = 'ghijklmnopqrstuv';

export function encodeKeyPath(key: string): string {
  let encoded = '';
  for (const byte of Buffer.from(key, 'utf8')) {
    encoded += highNibble[byte >> 4]! + (byte & 15).toString(16);
  }
  const parts: string[] = [];
  for (let at = 0; at < encoded.length; at += chunk) parts.push(encoded.slice(at, at + chunk));
  return parts.join(`${directoryEnd}/`);
}

/** The key a stored path names, or '' (never listed) for a path this encoding did not write. */
export function decodeKeyPath(path: string): string {
  const encoded = path.split(`${directoryEnd}/`).join('');
  if (!/^(?:[g-v][0-9a-f])*$/.test(encoded)) return '';
  const bytes = Buffer.alloc(encoded.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = (highNibble.indexOf(encoded[2 * i]!) << 4) | Number.parseInt(encoded[2 * i + 1]!, 16);
  }
  return bytes.toString('utf8');
}

/** S3's limit on a key's UTF-8 length. */
export const maxKeyBytes = 1024;
