import { gunzipSync } from 'node:zlib';
import type { ParseRejection } from './outcome';

export interface DecodedText {
  text: string;
  /** WHATWG encoding name the bytes were decoded from, e.g. utf-8, utf-16le, windows-1252. */
  encoding: string;
  /** True when the bytes came out of a gzip member. */
  gzipped: boolean;
}

export type DecodeResult = { ok: true; decoded: DecodedText } | { ok: false; error: ParseRejection };

/** File signatures of formats that are never an article; checked on the (decompressed) bytes. */
const binarySignatures: ReadonlyArray<[string, number[]]> = [
  ['PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['ZIP archive (or an Office document)', [0x50, 0x4b, 0x03, 0x04]],
  ['empty ZIP archive', [0x50, 0x4b, 0x05, 0x06]],
  ['RIFF container (WebP, WAV, AVI)', [0x52, 0x49, 0x46, 0x46]],
  ['7-Zip archive', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['RAR archive', [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]],
  ['bzip2 archive', [0x42, 0x5a, 0x68]],
  ['xz archive', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ['zstd archive', [0x28, 0xb5, 0x2f, 0xfd]],
  ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['Windows executable', [0x4d, 0x5a]],
  ['TIFF image', [0x49, 0x49, 0x2a, 0x00]],
  ['TIFF image', [0x4d, 0x4d, 0x00, 0x2a]],
  ['Ogg media', [0x4f, 0x67, 0x67, 0x53]],
  ['MP3 audio', [0x49, 0x44, 0x33]],
  ['FLAC audio', [0x66, 0x4c, 0x61, 0x43]],
  ['WebAssembly module', [0x00, 0x61, 0x73, 0x6d]],
  ['SQLite database', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66]],
  ['OLE compound document (legacy Office)', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
];

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((b, i) => bytes[at + i] === b);
}

function binaryKind(bytes: Uint8Array): string | undefined {
  for (const [kind, signature] of binarySignatures) if (startsWith(bytes, signature)) return kind;
  // ISO BMFF (MP4, HEIC, AVIF) puts its signature at offset 4.
  if (startsWith(bytes, [0x66, 0x74, 0x79, 0x70], 4)) return 'ISO media file (MP4, HEIC, AVIF)';
  // tar puts "ustar" at offset 257.
  if (startsWith(bytes, [0x75, 0x73, 0x74, 0x61, 0x72], 257)) return 'tar archive';
  return undefined;
}

const reject = (code: string, message: string): DecodeResult => ({ ok: false, error: { code, message } });

/**
 * Bytes -> text: gunzip by magic bytes, refuse binary formats, honour a BOM, prefer valid UTF-8, then a
 * declared charset (HTML meta or XML declaration), then Windows-1252, which decodes any byte sequence.
 */
export function decodeBytes(input: Uint8Array, maxBytes: number): DecodeResult {
  if (input.length === 0) return reject('empty', 'the file is empty');
  if (input.length > maxBytes)
    return reject('too-large', `${input.length} bytes is over the limit of ${maxBytes} bytes`);
  let bytes = input;
  let gzipped = false;
  if (startsWith(bytes, [0x1f, 0x8b])) {
    try {
      // The limit also bounds what a compression bomb can expand to.
      bytes = new Uint8Array(gunzipSync(bytes, { maxOutputLength: maxBytes }));
    } catch (error) {
      const tooBig = (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
      return tooBig
        ? reject('too-large', `gzip content expands beyond the limit of ${maxBytes} bytes`)
        : reject('undecodable', `corrupt gzip data: ${(error as Error).message}`);
    }
    gzipped = true;
    if (bytes.length === 0) return reject('empty', 'the gzip member is empty');
  }
  const kind = binaryKind(bytes);
  if (kind) return reject('binary', `${kind}: not a text article`);

  const decoded = decodeText(bytes);
  if (!decoded) return reject('undecodable', 'the bytes are not valid text in their declared encoding');
  if (looksBinary(decoded.text)) return reject('binary', 'control characters: not a text file');
  const text = decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
  if (text.trim() === '') return reject('empty', 'the file holds only white space');
  return { ok: true, decoded: { text, encoding: decoded.encoding, gzipped } };
}

function tryDecode(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function decodeText(bytes: Uint8Array): { text: string; encoding: string } | undefined {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf]))
    return withEncoding(tryDecode(bytes.subarray(3), 'utf-8'), 'utf-8');
  if (startsWith(bytes, [0xff, 0xfe]))
    return withEncoding(tryDecode(bytes.subarray(2), 'utf-16le'), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff]))
    return withEncoding(tryDecode(bytes.subarray(2), 'utf-16be'), 'utf-16be');
  const utf16 = bomlessUtf16(bytes);
  if (utf16) return withEncoding(tryDecode(bytes, utf16), utf16);

  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };

  const declared = declaredCharset(bytes);
  if (declared && declared !== 'utf-8' && declared !== 'windows-1252' && declared !== 'iso-8859-1') {
    const text = tryDecode(bytes, declared);
    if (text !== undefined) return { text, encoding: declared };
  }
  // WHATWG reads ISO-8859-1 as Windows-1252. Without bytes 0x80-0x9f both read the same and the file
  // is recorded as ISO-8859-1; with them, only Windows-1252 makes sense of it.
  const text = decodeWindows1252(bytes);
  const usesC1 = bytes.some((b) => b >= 0x80 && b <= 0x9f);
  return { text, encoding: usesC1 ? 'windows-1252' : 'iso-8859-1' };
}

/** Windows-1252's 0x80-0x9f row; the five unassigned bytes keep their C1 code points, as WHATWG says. */
const windows1252High =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Node 20's TextDecoder reads "windows-1252" as ISO-8859-1 (C1 controls for curly quotes), so: by hand. */
export function decodeWindows1252(bytes: Uint8Array): string {
  // Mapped to UTF-16LE code units and decoded in one go: no spread of a long array into call arguments.
  const units = new Uint8Array(bytes.length * 2);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    const code = b >= 0x80 && b <= 0x9f ? windows1252High.charCodeAt(b - 0x80) : b;
    units[2 * i] = code & 0xff;
    units[2 * i + 1] = code >> 8;
  }
  return new TextDecoder('utf-16le').decode(units);
}

function withEncoding(text: string | undefined, encoding: string) {
  return text === undefined ? undefined : { text, encoding };
}

/** UTF-16 without a BOM shows as ASCII text with every other byte zero. */
function bomlessUtf16(bytes: Uint8Array): string | undefined {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 8) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.7 && evenZeros < pairs * 0.1) return 'utf-16le';
  if (evenZeros > pairs * 0.7 && oddZeros < pairs * 0.1) return 'utf-16be';
  return undefined;
}

/** `<meta charset>`, `<meta http-equiv content="...; charset=">` or `<?xml encoding=?>` in the first 4 KB. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const match =
    head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i) ??
    head.match(/<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i);
  const label = match?.[1];
  if (!label) return undefined;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

/** Text files may hold a stray control character; binary data holds many, or NULs. */
function looksBinary(text: string): boolean {
  const sample = text.length > 65_536 ? text.slice(0, 65_536) : text;
  if (sample.includes('\u0000')) return true;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || (c >= 0x7f && c <= 0x9f))
      controls++;
  }
  return controls > 0 && controls / sample.length > 0.01;
}
