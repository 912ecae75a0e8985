import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeWindows1252, fixtureText, parseOk, parseRejected } from './fixtures';

const article = fixtureText('desk-layout.txt');
const reference = parseOk(article);

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const units = Buffer.from(text, 'utf16le');
  if (!littleEndian) units.swap16();
  const prefix = bom ? (littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  return new Uint8Array([...prefix, ...units]);
}

describe('encodings and packaging', () => {
  it('reads UTF-8 with a BOM', () => {
    const parsed = parseOk(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(article)]));
    expect(parsed.encoding).toBe('utf-8');
    expect(parsed.title).toBe(reference.title);
    expect(parsed.body).toBe(reference.body);
  });

  it.each([
    ['utf-16le', true, true],
    ['utf-16be', false, true],
    ['utf-16le', true, false],
    ['utf-16be', false, false],
  ])('reads %s (BOM: %s)', (encoding, littleEndian, bom) => {
    const parsed = parseOk(utf16(article, littleEndian as boolean, bom as boolean));
    expect(parsed.encoding).toBe(encoding);
    expect(parsed.body).toBe(reference.body);
    expect(parsed.images).toEqual(reference.images);
  });

  it('detects Windows-1252 text and transcodes it', () => {
    const parsed = parseOk(encodeWindows1252(article));
    expect(parsed.encoding).toBe('windows-1252');
    expect(parsed.body).toBe(reference.body);
    expect(parsed.images[0]?.credit).toBe('Reuters');
  });

  it('reads gzip-compressed text by its magic bytes, whatever the key says', () => {
    const parsed = parseOk(gzipSync(Buffer.from(article)), { key: 'raw/article.txt' });
    expect(parsed.body).toBe(reference.body);
  });

  it('honours an HTML charset declaration for other legacy encodings', () => {
    const html = `<html><head><meta charset="iso-8859-2"><title>Žena</title></head><body><article><p>${'Wiatr zerwał dach szkoły w Łodzi, a strażacy pracowali przez całą noc. '.repeat(8)}</p></article></body></html>`;
    const bytes = new Uint8Array(
      [...html].map(
        (ch) =>
          ({ Ž: 0xae, ł: 0xb3, ś: 0xb6, Ł: 0xa3, ż: 0xbf, ó: 0xf3, ę: 0xea, ą: 0xb1 })[ch] ??
          ch.charCodeAt(0),
      ),
    );
    const parsed = parseOk(bytes);
    expect(parsed.encoding).toBe('iso-8859-2');
    expect(parsed.body).toContain('Wiatr zerwał dach szkoły w Łodzi');
  });
});

describe('bad input gets a stable reason', () => {
  it('rejects an empty file and one of white space only', () => {
    expect(parseRejected(new Uint8Array())).toBe('empty');
    expect(parseRejected(' \n\t\n ')).toBe('empty');
  });

  it.each([
    ['PDF', [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37]],
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
    ['JPEG', [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]],
    ['ZIP', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]],
    ['GIF', [0x47, 0x49, 0x46, 0x38, 0x39, 0x61]],
  ])('rejects a %s file as binary', (_, signature) => {
    expect(
      parseRejected(new Uint8Array([...signature, ...new TextEncoder().encode(' some text that follows')])),
    ).toBe('binary');
  });

  it('rejects a gzip-compressed PDF as binary', () => {
    expect(parseRejected(gzipSync(Buffer.from('%PDF-1.7 rest of the document')))).toBe('binary');
  });

  it('rejects text full of control characters as binary', () => {
    expect(parseRejected(new Uint8Array(400).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41)))).toBe('binary');
  });

  it('rejects input over the size limit, also when gzip would expand beyond it', () => {
    expect(parseRejected(article, { maxBytes: 100 })).toBe('too-large');
    const bomb = gzipSync(Buffer.alloc(200_000, 0x41));
    expect(bomb.length).toBeLessThan(1000);
    expect(parseRejected(bomb, { maxBytes: 10_000 })).toBe('too-large');
  });

  it('rejects corrupt gzip data and broken UTF-16 as undecodable', () => {
    expect(parseRejected(new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02, 0x03]))).toBe('undecodable');
    // A lone high surrogate after a UTF-16 BOM.
    expect(parseRejected(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x41, 0x00]))).toBe(
      'undecodable',
    );
  });

  it('rejects text with no article body', () => {
    expect(parseRejected('Just a headline')).toBe('no-body');
    expect(
      parseRejected('<html><body><nav><a href="/">Home</a></nav></body></html>', { key: 'a.html' }),
    ).toBe('no-body');
  });

  it('rejects malformed JSON and XML', () => {
    expect(parseRejected('{"title": "Half a document", "body": "cut o', { key: 'a.json' })).toBe(
      'malformed-json',
    );
    expect(
      parseRejected('<?xml version="1.0"?><nitf><body><p>unclosed</body></nitf>', { key: 'a.xml' }),
    ).toBe('malformed-xml');
  });
});
