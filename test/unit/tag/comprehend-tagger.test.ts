import { readFileSync } from 'node:fs';
import type { Entity as ComprehendEntity } from '@aws-sdk/client-comprehend';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entityId } from '../../../shared/article/entity-id';
import { chunkText, codePointIndex } from '../../../shared/tag/comprehend/chunks';
import {
  createComprehendTagger,
  type DetectEntities,
} from '../../../shared/tag/comprehend/comprehend-tagger';
import { createConfiguredTagger } from '../../../shared/tag/configured';
import { fixtureArticle } from './article-fixture';

const fixtures = new URL('../../fixtures/tag/', import.meta.url);
const body = readFileSync(new URL('comprehend-article.txt', fixtures), 'utf8');
const recorded = JSON.parse(readFileSync(new URL('comprehend-detect-entities.json', fixtures), 'utf8'));

describe('Comprehend tagger', () => {
  it('maps a recorded DetectEntities response to resolved entities with body offsets', async () => {
    const requests: string[] = [];
    const detect: DetectEntities = async (input) => {
      requests.push(input.Text);
      return recorded;
    };
    const article = fixtureArticle({
      body,
      title: 'Ruto and Abiy meet on dam',
      publishedAt: '2024-05-08T10:00:00+03:00',
    });
    const result = await createComprehendTagger({ detect }).tag(article);
    expect(requests).toEqual([body]);
    for (const e of result.entities) {
      for (const m of e.mentions) expect(body.slice(m.start, m.end)).toBe(m.text);
    }
    const ruto = result.entities.find((e) => e.id === entityId('PERSON', 'William Ruto'))!;
    expect(ruto.mentions.map((m) => m.text)).toEqual(['William Ruto', 'Ruto']);
    expect(ruto.role).toBe('Kenya’s President');
    const abiy = result.entities.find((e) => e.name === 'Abiy Ahmed')!;
    expect(abiy.aliases).toEqual(['Abiy']);
    const types = Object.fromEntries(result.entities.map((e) => [e.name, e.type]));
    expect(types).toMatchObject({
      Kenya: 'LOCATION',
      Nairobi: 'LOCATION',
      'Addis Ababa': 'LOCATION',
      'African Union': 'ORGANIZATION',
      'United Nations': 'ORGANIZATION',
      Reuters: 'ORGANIZATION',
      Ethiopian: 'MISC',
      'Grand Ethiopian Renaissance Dam': 'MISC',
    });
    expect(result.dates.map((d) => [d.text, d.value])).toEqual([
      ['Monday', '2024-05-06'],
      ['next month', '2024-06'],
    ]);
    expect(result.quotes).toHaveLength(1);
    expect(result.quotes[0]).toMatchObject({ speaker: 'William Ruto', speakerId: ruto.id });
  });

  it('sends a long body in chunks under the byte limit and maps every offset back', async () => {
    const paragraph = 'Officials in Nairobi met envoys from Addis Ababa again. ';
    const long = `🌍 ${paragraph.repeat(200)}`;
    const sent: string[] = [];
    const detect: DetectEntities = async ({ Text }) => {
      sent.push(Text);
      const entities: ComprehendEntity[] = [];
      const points = [...Text];
      for (const name of ['Nairobi', 'Addis Ababa']) {
        for (let i = Text.indexOf(name); i >= 0; i = Text.indexOf(name, i + 1)) {
          const begin = [...Text.slice(0, i)].length;
          entities.push({
            Type: 'LOCATION',
            Text: name,
            Score: 0.99,
            BeginOffset: begin,
            EndOffset: begin + name.length,
          });
        }
      }
      expect(points.length).toBeGreaterThan(0);
      return { Entities: entities };
    };
    const result = await createComprehendTagger({ detect }).tag(fixtureArticle({ body: long }));
    expect(sent.length).toBeGreaterThan(2);
    for (const text of sent) expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(4_900);
    const nairobi = result.entities.find((e) => e.name === 'Nairobi')!;
    expect(nairobi.mentions).toHaveLength(200);
    for (const m of nairobi.mentions) expect(long.slice(m.start, m.end)).toBe('Nairobi');
  });

  it('is chosen by configuration', () => {
    expect(createConfiguredTagger('comprehend').name).toBe('comprehend');
    expect(createConfiguredTagger('builtin').name).toBe('builtin');
    expect(() => createConfiguredTagger('spacy')).toThrow(/unknown tagger/);
  });
});

describe('chunkText', () => {
  it('covers the text exactly, in order, each chunk within the limit', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 3000 }),
        fc.integer({ min: 8, max: 400 }),
        (text, max) => {
          const chunks = chunkText(text, max);
          expect(chunks.map((c) => c.text).join('')).toBe(text);
          let offset = 0;
          for (const c of chunks) {
            expect(c.offset).toBe(offset);
            expect(new TextEncoder().encode(c.text).length).toBeLessThanOrEqual(max);
            offset += c.text.length;
          }
        },
      ),
    );
  });

  it('maps code point offsets to string indices', () => {
    expect([...codePointIndex('a🌍b')]).toEqual([0, 1, 3, 4]);
  });
});
