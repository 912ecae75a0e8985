import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDevSet, scoreDocuments } from '../../../bench/ner-dev';

/** A made-up article in the BBC set's layout, and annotations pointing into it. */
function devSet(spans: { start: number; end: number; type: string; text: string }[]) {
  const dir = mkdtempSync(join(tmpdir(), 'ner-dev-'));
  mkdirSync(join(dir, 'business'));
  writeFileSync(join(dir, 'business', '001.txt'), 'Firm gains\n\nMr Blair met Acme in Leeds.\n');
  const annotations = join(dir, 'dev.json');
  writeFileSync(annotations, JSON.stringify([{ file: 'business/001.txt', spans }]));
  return { dir, annotations };
}

describe('BBC dev set', () => {
  it('reads annotations whose offsets match their surface strings', () => {
    const { dir, annotations } = devSet([{ start: 15, end: 20, type: 'PERSON', text: 'Blair' }]);
    const [doc] = readDevSet(annotations, dir);
    expect(doc!.text.slice(15, 20)).toBe('Blair');
    expect(doc!.spans).toEqual([{ start: 15, end: 20, type: 'PERSON' }]);
  });

  it('refuses annotations whose offsets no longer match the article', () => {
    const { dir, annotations } = devSet([{ start: 14, end: 19, type: 'PERSON', text: 'Blair' }]);
    expect(() => readDevSet(annotations, dir)).toThrow(/business\/001.txt: 14-19/);
  });

  it('scores people after an honorific and counts type confusions', () => {
    const { dir, annotations } = devSet([
      { start: 15, end: 20, type: 'PERSON', text: 'Blair' },
      { start: 25, end: 29, type: 'ORGANIZATION', text: 'Acme' },
      { start: 33, end: 38, type: 'LOCATION', text: 'Leeds' },
    ]);
    const scores = scoreDocuments(readDevSet(annotations, dir), () => [
      { start: 15, end: 20, type: 'PERSON' },
      { start: 25, end: 29, type: 'PERSON' },
    ]);
    expect(scores.honorific).toEqual({ gold: 1, found: 1 });
    expect(scores.confusion.ORGANIZATION!.PERSON).toBe(1);
    expect(scores.confusion.LOCATION!.none).toBe(1);
    expect(scores.evaluation.byType.PERSON.precision).toBe(0.5);
  });
});
