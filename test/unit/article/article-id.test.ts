import { describe, expect, it } from 'vitest';
import { articleIdFromKey, contentHash } from '../../../shared/article/article-id';
import { entityId, slugify } from '../../../shared/article/entity-id';
import { isNewerRevision, revisionOf } from '../../../shared/article/revision';

describe('articleIdFromKey', () => {
  it('is deterministic, short and URL-safe', () => {
    const id = articleIdFromKey('raw/2025/12/some story.txt');
    expect(id).toBe(articleIdFromKey('raw/2025/12/some story.txt'));
    expect(id).toMatch(/^[a-z2-7]{16}$/);
  });

  it('differs between keys', () => {
    const ids = new Set(Array.from({ length: 1000 }, (_, i) => articleIdFromKey(`raw/${i}.txt`)));
    expect(ids.size).toBe(1000);
  });
});

describe('contentHash', () => {
  it('tells identical bytes from different bytes', () => {
    const a = contentHash(new TextEncoder().encode('same'));
    expect(contentHash(new TextEncoder().encode('same'))).toBe(a);
    expect(contentHash(new TextEncoder().encode('other'))).not.toBe(a);
  });
});

describe('revisionOf', () => {
  it('orders a later upload after an earlier one', () => {
    const older = revisionOf(new Date('2025-12-15T10:00:00Z'), '0062E0');
    const newer = revisionOf(new Date('2025-12-15T10:00:01Z'), '0011');
    expect(isNewerRevision(newer, older)).toBe(true);
    expect(isNewerRevision(older, newer)).toBe(false);
  });

  it('breaks ties within one second by the sequencer, whatever its length', () => {
    const at = new Date('2025-12-15T10:00:00Z');
    expect(isNewerRevision(revisionOf(at, '1000'), revisionOf(at, 'FFF'))).toBe(true);
    expect(isNewerRevision(revisionOf(at, 'FFF'), revisionOf(at, 'FFF'))).toBe(false);
  });

  it('treats any revision as newer than none', () => {
    expect(isNewerRevision(revisionOf(new Date(0)), undefined)).toBe(true);
  });
});

describe('entityId', () => {
  it('folds diacritics, case and punctuation so spellings of one name meet', () => {
    expect(entityId('PERSON', 'Recep Tayyip Erdoğan')).toBe('per-recep-tayyip-erdogan');
    expect(entityId('PERSON', 'Recep Tayyip Erdogan')).toBe(entityId('PERSON', 'Recep Tayyip Erdoğan'));
    expect(entityId('ORGANIZATION', 'NATO')).toBe('org-nato');
    expect(entityId('LOCATION', 'Côte d’Ivoire')).toBe('loc-cote-divoire');
  });

  it('keeps types apart', () => {
    expect(entityId('LOCATION', 'Washington')).not.toBe(entityId('PERSON', 'Washington'));
  });

  it('slugifies to URL-safe text', () => {
    expect(slugify('  Al Jazeera / English  ')).toBe('al-jazeera-english');
  });
});
