import { describe, expect, it } from 'vitest';
import { entityId } from '../../../shared/article/entity-id';
import { TaggedArticleSchema } from '../../../shared/article/schema';
import { createTagger, findEntities } from '../../../shared/tag/index';
import { fixtureArticle, fixtureBody } from './article-fixture';

describe('built-in tagger', () => {
  it('resolves people, places and organisations with offsets into the body', async () => {
    const article = fixtureArticle();
    const tagger = createTagger();
    const result = await tagger.tag(article);
    const names = (type: string) => result.entities.filter((e) => e.type === type).map((e) => e.name);
    expect(names('PERSON')).toEqual(
      expect.arrayContaining(['Catherine Colonna', 'Olaf Scholz', 'Pierre Lefebvre']),
    );
    expect(names('LOCATION')).toEqual(
      expect.arrayContaining(['France', 'Paris', 'Germany', 'Brussels', 'Baltic Sea']),
    );
    expect(names('ORGANIZATION')).toEqual(expect.arrayContaining(['European Commission', 'Reuters']));
    for (const entity of result.entities) {
      expect(entity.id).toBe(entityId(entity.type, entity.name));
      for (const m of entity.mentions) expect(article.body.slice(m.start, m.end)).toBe(m.text);
    }
    expect(() =>
      TaggedArticleSchema.parse({
        ...article,
        ...result,
        tagger: { name: tagger.name, version: tagger.version },
      }),
    ).not.toThrow();
  });

  it('makes one entity of a full name and its surname, keeping the role', async () => {
    const result = await createTagger().tag(fixtureArticle());
    const colonna = result.entities.find((e) => e.name === 'Catherine Colonna')!;
    expect(colonna.aliases).toContain('Colonna');
    expect(colonna.mentions.map((m) => m.text)).toEqual(['Catherine Colonna', 'Colonna', 'Colonna']);
    expect(colonna.role).toBe('France’s Foreign Minister');
    const scholz = result.entities.find((e) => e.name === 'Olaf Scholz')!;
    expect(scholz.role).toBe('German Chancellor');
    expect(scholz.salience).toBeGreaterThan(result.entities.find((e) => e.name === 'Brussels')!.salience);
  });

  it('attributes quotes to their speakers', async () => {
    const result = await createTagger().tag(fixtureArticle());
    const bySpeaker = Object.fromEntries(result.quotes.map((q) => [q.text.slice(0, 12), q.speaker]));
    expect(bySpeaker).toEqual({
      'We will not ': 'Catherine Colonna',
      'This is a Eu': 'Olaf Scholz',
    });
    // "constructive" is a scare quote, a word set apart, not speech.
    expect(result.quotes.map((q) => q.text)).not.toContain('constructive');
    const quote = result.quotes[0]!;
    expect(fixtureBody.slice(quote.start, quote.end)).toBe(quote.text);
    expect(quote.speakerId).toBe(entityId('PERSON', 'Catherine Colonna'));
  });

  it('normalises dates relative to the publication time', async () => {
    const result = await createTagger().tag(fixtureArticle());
    expect(result.dates.map((d) => [d.text, d.value])).toEqual([
      ['on Tuesday', '2024-10-15'],
      ['next week', '2024-10-23'],
    ]);
  });

  it('names entities found only outside the body, without mentions', async () => {
    const result = await createTagger().tag(fixtureArticle());
    const afp = result.entities.find((e) => e.name === 'AFP');
    expect(afp).toMatchObject({ type: 'ORGANIZATION', mentions: [] });
    expect(result.entities.find((e) => e.name === 'Example Wire')).toMatchObject({ type: 'ORGANIZATION' });
  });
});

describe('findEntities', () => {
  it('returns typed spans with offsets into exactly the given text', () => {
    const text =
      '\uFEFFUkraine’s President Volodymyr Zelenskyy met NATO officials in Brussels on 3 March 2025.';
    const spans = findEntities(text);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(spans.map((s) => [s.type, s.text])).toEqual([
      ['LOCATION', 'Ukraine'],
      ['PERSON', 'Volodymyr Zelenskyy'],
      ['ORGANIZATION', 'NATO'],
      ['LOCATION', 'Brussels'],
      ['DATE', 'on 3 March 2025'],
    ]);
  });
});
