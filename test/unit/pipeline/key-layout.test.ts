import { describe, expect, it } from 'vitest';
import { articleIdFromKey } from '../../../shared/article/article-id';
import {
  articleIdOfKey,
  maxKeyBytes,
  quarantinedArticle,
  quarantineKey,
  rawKeyOfPath,
  stageDocumentKey,
} from '../../../shared/pipeline/key-layout';

describe('key layout', () => {
  it('names stage documents by article id, and reads the id back from any zone', () => {
    expect(stageDocumentKey('parsed', 'abc')).toBe('parsed/abc.json');
    expect(stageDocumentKey('tagged', 'abc')).toBe('tagged/abc.json');
    expect(articleIdOfKey('tagged/abc.json')).toBe('abc');
    expect(articleIdOfKey('raw/world/a.txt')).toBe(articleIdFromKey('raw/world/a.txt'));
  });

  it('puts a quarantine record beside its source key', () => {
    expect(quarantineKey('parse', 'raw/a/b.txt')).toBe('quarantine/parse/raw/a/b.txt.json');
    expect(quarantinedArticle('quarantine/parse/raw/a/b.txt.json')).toEqual({
      stage: 'parse',
      articleId: articleIdFromKey('raw/a/b.txt'),
    });
    expect(quarantinedArticle('quarantine/tag/parsed/xyz.json')).toEqual({ stage: 'tag', articleId: 'xyz' });
    expect(quarantinedArticle('quarantine/other/raw/a.json')).toBeUndefined();
  });

  it('keeps the quarantine key of a source key of up to 1,024 bytes within S3 limits', () => {
    const longest = `raw/${'é'.repeat(510)}`; // 1,024 bytes of UTF-8
    expect(Buffer.byteLength(longest)).toBe(maxKeyBytes);
    const keys = new Set<string>();
    for (const source of [longest, `${longest.slice(0, -1)}e`, `raw/${'a'.repeat(1000)}`]) {
      const key = quarantineKey('parse', source);
      expect(Buffer.byteLength(key)).toBeLessThanOrEqual(maxKeyBytes);
      expect(quarantinedArticle(key)).toEqual({ stage: 'parse', articleId: articleIdFromKey(source) });
      keys.add(key);
    }
    expect(keys.size).toBe(3);
    // Just under the limit, the record still sits beside its source.
    const fits = `raw/${'a'.repeat(maxKeyBytes - 'quarantine/parse/raw/.json'.length)}`;
    expect(quarantineKey('parse', fits)).toBe(`quarantine/parse/${fits}.json`);
  });

  it('gives files of the same name in different folders different raw keys', () => {
    expect(rawKeyOfPath('business/001.txt')).toBe('raw/business/001.txt');
    expect(rawKeyOfPath('politics/001.txt')).toBe('raw/politics/001.txt');
    expect(rawKeyOfPath('./a\\b/../c.txt')).toBe('raw/a/b/c.txt');
    expect(() => rawKeyOfPath('./')).toThrow(/no file name/);
  });
});
