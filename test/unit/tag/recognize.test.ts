import { describe, expect, it } from 'vitest';
import type { EntityType } from '../../../shared/article/schema';
import { createTagger } from '../../../shared/tag/index';
import { loadModel } from '../../../shared/tag/load-model';
import { SENTENCE_WORDS } from '../../../shared/tag/ner/boundaries';
import { initialsBeforeSurnames } from '../../../shared/tag/ner/initials';
import { joinNameParts } from '../../../shared/tag/ner/name-joins';
import { numberedNames } from '../../../shared/tag/ner/numbered-names';
import { qualifiersBeforeRoles } from '../../../shared/tag/ner/qualifiers';
import { recognize } from '../../../shared/tag/ner/recognize';
import { fixtureArticle } from './article-fixture';
import { repaired } from './repaired';

/** [type, surface] of every name the built-in model finds in text. */
const names = (text: string) =>
  recognize(loadModel(), text).spans.map((s) => [s.type, text.slice(s.start, s.end)]);

describe('recognition: span conventions (shared/tag/README.md)', () => {
  it('keeps the honorific outside a person\'s span: "Mr Blair said"', () => {
    expect(names('Mr Blair said the party would win a third term.')).toEqual([['PERSON', 'Blair']]);
  });

  it('takes a title out of the name before it and makes the name after it a person: "US President Bush"', () => {
    expect(
      names('The song is a tirade against US President Bush and the presence of US troops in Iraq.'),
    ).toEqual([
      ['LOCATION', 'US'],
      ['PERSON', 'Bush'],
      ['LOCATION', 'US'],
      ['LOCATION', 'Iraq'],
    ]);
    // A person's name that ends in a title word keeps it.
    expect(names('Civil rights leader Martin Luther King Jnr spoke.')).not.toContainEqual([
      'PERSON',
      'Martin Luther',
    ]);
  });

  it('finds people after honorifics with a full stop, whatever the name looks like', () => {
    expect(names('Mr. Putin met Mrs. Hills in Geneva, and Ms. Garzarelli had lunch with them.')).toEqual([
      ['PERSON', 'Putin'],
      ['PERSON', 'Hills'],
      ['LOCATION', 'Geneva'],
      ['PERSON', 'Garzarelli'],
    ]);
  });

  it('leaves a sentence-opening function word out of the name: "And Wenger added"', () => {
    expect(names('And Wenger added that his players were tired after the game.')).toEqual([
      ['PERSON', 'Wenger'],
    ]);
    expect(names('Meanwhile, Arsenal lost at home.').map(([, text]) => text)).not.toContain('Meanwhile');
  });

  it('reads a company suffix as part of an organisation: "Munich Re"', () => {
    expect(names('Munich Re, the world’s biggest reinsurer, said profits rose.')).toEqual([
      ['ORGANIZATION', 'Munich Re'],
    ]);
    expect(names('The World Bank lent more to the West Bank.')).toEqual([
      ['ORGANIZATION', 'World Bank'],
      ['LOCATION', 'West Bank'],
    ]);
  });

  it('keeps "General Motors" whole at the head of a story instead of a person "Motors" with a title', () => {
    expect(
      names('General Motors of the US is to pay Fiat 1.55bn euros to end their partnership.'),
    ).toContainEqual(['ORGANIZATION', 'General Motors']);
  });

  it('types a name the story calls a firm as an organisation in every mention: "aircraft firm Boeing"', () => {
    const found = names(
      'US aircraft firm Boeing has unveiled its new long-range plane. Boeing, in contrast to its rival, expects a fall in orders.',
    );
    const boeing = found.filter(([, text]) => text === 'Boeing');
    expect(boeing.length).toBe(2);
    expect(boeing.every(([type]) => type === 'ORGANIZATION')).toBe(true);
  });

  it('leaves the office out of "Chancellor of the Exchequer Gordon Brown"', () => {
    const found = names('Chancellor of the Exchequer Gordon Brown has said the economy is strong.');
    expect(found).toContainEqual(['PERSON', 'Gordon Brown']);
    expect(found.map(([, text]) => text)).not.toContain('Exchequer Gordon Brown');
  });

  it('starts a person at an honorific inside a span and leaves "TV" out of the place before it', () => {
    expect(names('Entrepreneur Sir Richard Branson’s US TV show is proving a flop.')).toEqual([
      ['PERSON', 'Richard Branson'],
      ['LOCATION', 'US'],
    ]);
  });

  it('never takes a bare "TV" or "PC" for a name, and "UN" is the organisation', () => {
    expect(names('The final was shown live on TV, and PC sales rose.')).toEqual([]);
    expect(names('The UN said aid was on its way.')).toEqual([['ORGANIZATION', 'UN']]);
  });

  it('ends a name before the clause it runs into and before a full stop', () => {
    for (const [, text] of names(
      'Shares in the company rose after it told the BBC. "We are checking if there is a problem," it said.',
    )) {
      expect(text).not.toMatch(/\.$/);
      expect(text).not.toMatch(/ \p{Ll}+$/u);
    }
  });

  it('reads a title after the kind of work it names as MISC: "the film Million Dollar Baby"', () => {
    expect(
      names('Hilary Swank won for the film Million Dollar Baby, and Jamelia released her single So High.'),
    ).toEqual([
      ['PERSON', 'Hilary Swank'],
      ['MISC', 'Million Dollar Baby'],
      ['PERSON', 'Jamelia'],
      ['MISC', 'So High'],
    ]);
  });

  it('reads a city after "in" as the place, not the football club: "Teachers in Leeds said"', () => {
    expect(names('Teachers in Leeds said they were waiting to hear more from Mr Blair.')).toEqual([
      ['LOCATION', 'Leeds'],
      ['PERSON', 'Blair'],
    ]);
  });

  it('reads months and holidays as dates, not people: "Before Christmas"', () => {
    expect(names('Before Christmas, sales fell after December’s rise.')).toEqual([]);
  });
});

describe('recognition: whole names of people (shared/tag/ner/name-joins.ts)', () => {
  /**
   * The people joinNameParts makes of the spans a model gave (as [type, surface], in text order): the
   * slips are the model's own on BBC stories, written here by hand because it makes them only in context.
   */
  function joined(text: string, given: [EntityType, string][]): string[] {
    return repaired(text, given, (tokens, spans, doc) =>
      joinNameParts(text, tokens, spans, doc, loadModel(), SENTENCE_WORDS),
    )
      .filter(([type]) => type === 'PERSON')
      .map(([, surface]) => surface);
  }

  it('gives the full name after a title: "New York Senator Charles Schumer", "Sir Paul McCartney"', () => {
    const text = 'New York Senator Charles Schumer said he was told. Sir Paul McCartney wowed fans.';
    expect(
      joined(text, [
        ['LOCATION', 'New York'],
        ['PERSON', 'Charles'],
        ['PERSON', 'Paul'],
      ]),
    ).toEqual(['Charles Schumer', 'Paul McCartney']);
  });

  it('keeps a given name the model left out before a surname: "Trade Commissioner Peter Mandelson"', () => {
    const text = 'EU Trade Commissioner Peter Mandelson has announced talks.';
    expect(joined(text, [['PERSON', 'Mandelson']])).toEqual(['Peter Mandelson']);
    // The title is no person either, where the model took it for one.
    expect(names(text).map(([, surface]) => surface)).not.toContain('Commissioner');
  });

  it('joins a surname written with its particle in lower case: "Leonardo diCaprio"', () => {
    const text = 'Hollywood stars Leonardo diCaprio and Richard Gere are in the audience.';
    expect(
      joined(text, [
        ['PERSON', 'Leonardo'],
        ['PERSON', 'Richard Gere'],
      ]),
    ).toEqual(['Leonardo diCaprio', 'Richard Gere']);
  });

  it("takes a middle initial, an Arabic article surname and a small town's name after a title into the name", () => {
    const text =
      'Judge Robert W Sweet ruled. He played Hunter S Thompson. Foreign Minister Prince Saud Al-Faisal spoke. Chief Judge Mary Schroeder wrote.';
    expect(
      joined(text, [
        ['PERSON', 'Robert'],
        ['PERSON', 'Hunter'],
        ['PERSON', 'Saud'],
        ['PERSON', 'Mary'],
      ]),
    ).toEqual(['Robert W Sweet', 'Hunter S Thompson', 'Saud Al-Faisal', 'Mary Schroeder']);
  });

  it('keeps surname particles inside the name: "Mr Van de Vijver", "Walter van der Vijver"', () => {
    const text = 'Exploration chief Walter van der Vijver left. An email from Mr Van de Vijver said so.';
    expect(
      joined(text, [
        ['PERSON', 'Vijver'],
        ['PERSON', 'Van'],
        ['PERSON', 'Vijver'],
      ]),
    ).toEqual(['Walter van der Vijver', 'Van de Vijver']);
  });

  it('takes no title, date, place or sentence opener into a name', () => {
    const text = 'Charles Monday was quiet. Then Mr Blair met President Paul in London. Boston Smith won.';
    expect(
      joined(text, [
        ['PERSON', 'Charles'],
        ['PERSON', 'Blair'],
        ['PERSON', 'Paul'],
        ['PERSON', 'Smith'],
      ]),
    ).toEqual(['Charles', 'Blair', 'Paul', 'Smith']);
  });
});

describe('recognition: initials as given names (shared/tag/ner/initials.ts)', () => {
  const withInitials = (text: string, given: [EntityType, string][]) =>
    repaired(text, given, (tokens, spans, doc) => initialsBeforeSurnames(spans, tokens, doc, SENTENCE_WORDS));

  it('reads "JP McManus" as a person, not Japan and a surname, where the story calls him "Mr McManus"', () => {
    const text = 'The tycoons JP McManus and John Magnier own 29%. Mr McManus said no.';
    expect(
      withInitials(text, [
        ['LOCATION', 'JP'],
        ['PERSON', 'John Magnier'],
        ['PERSON', 'McManus'],
      ]),
    ).toEqual([
      ['PERSON', 'JP McManus'],
      ['PERSON', 'John Magnier'],
      ['PERSON', 'McManus'],
    ]);
    // And through the model, as the product runs it.
    expect(names(text)).toContainEqual(['PERSON', 'JP McManus']);
  });

  it('takes initials into a person the model found or a role introduces: "R Kelly", "author JK Rowling"', () => {
    expect(withInitials('Singer R Kelly was in court.', [['PERSON', 'Kelly']])).toEqual([
      ['PERSON', 'R Kelly'],
    ]);
    expect(withInitials('Harry Potter author JK Rowling won.', [['ORGANIZATION', 'JK Rowling']])).toEqual([
      ['PERSON', 'JK Rowling'],
    ]);
    expect(
      withInitials('Shareholders John Magnier and JP McManus agreed.', [['PERSON', 'John Magnier']]),
    ).toEqual([
      ['PERSON', 'John Magnier'],
      ['PERSON', 'JP McManus'],
    ]);
  });

  it('leaves firms, places and other given names alone: "JP Morgan", "BBC Radio 2", "S Asia", "US Bush"', () => {
    expect(withInitials('The bank JP Morgan quit.', [['ORGANIZATION', 'JP Morgan']])).toEqual([
      ['ORGANIZATION', 'JP Morgan'],
    ]);
    expect(
      withInitials('Emily Eavis and BBC Radio 2 editor Colin Martin spoke.', [
        ['PERSON', 'Emily Eavis'],
        ['ORGANIZATION', 'BBC Radio'],
        ['PERSON', 'Colin Martin'],
      ]).map(([type]) => type),
    ).toEqual(['PERSON', 'ORGANIZATION', 'PERSON']);
    expect(withInitials('Waves damage S Asia economy.', [['PERSON', 'Asia']])).toEqual([['PERSON', 'Asia']]);
    expect(
      withInitials('George Bush spoke. The US Bush team met.', [
        ['PERSON', 'George Bush'],
        ['LOCATION', 'US'],
        ['PERSON', 'Bush'],
      ]),
    ).toEqual([
      ['PERSON', 'George Bush'],
      ['LOCATION', 'US'],
      ['PERSON', 'Bush'],
    ]);
    expect(withInitials('A Marsh spokeswoman said no.', [['PERSON', 'Marsh']])).toEqual([
      ['PERSON', 'Marsh'],
    ]);
  });
});

describe('recognition: stage names with a number (shared/tag/ner/numbered-names.ts)', () => {
  const numbered = (text: string, given: [EntityType, string][]) =>
    repaired(text, given, (tokens, spans, doc) => numberedNames(spans, tokens, doc));

  it('keeps the number of "50 Cent" in the name where every "Cent" has it, and leaves a count out', () => {
    const text =
      'Rap star 50 Cent has ended the feud. On Monday, 50 Cent said so. Then 20 Jonesboro ministers met.';
    expect(
      numbered(text, [
        ['PERSON', 'Cent'],
        ['PERSON', 'Cent'],
        ['PERSON', 'Jonesboro'],
      ]),
    ).toEqual([
      ['PERSON', '50 Cent'],
      ['PERSON', '50 Cent'],
      ['PERSON', 'Jonesboro'],
    ]);
    // A name written once with a number, or once without it, is not a numbered name.
    expect(
      numbered('Star 50 Cent spoke. Cent said so.', [
        ['PERSON', 'Cent'],
        ['PERSON', 'Cent'],
      ]).map(([, surface]) => surface),
    ).toEqual(['Cent', 'Cent']);
  });
});

describe('recognition: what a person belongs to (shared/tag/ner/qualifiers.ts)', () => {
  const requalified = (text: string, given: [EntityType, string][]) =>
    repaired(text, given, (tokens, spans, doc) => qualifiersBeforeRoles(spans, tokens, doc, loadModel()));

  it('reads the one-word "person" before a role and a name as the band, firm or work', () => {
    const text =
      'Nirvana frontman Kurt Cobain died. Yukos chief executive Steven Theede spoke. Friends actress Lisa Kudrow won.';
    expect(
      requalified(text, [
        ['PERSON', 'Nirvana'],
        ['PERSON', 'Kurt Cobain'],
        ['PERSON', 'Yukos'],
        ['PERSON', 'Steven Theede'],
        ['PERSON', 'Friends'],
        ['PERSON', 'Lisa Kudrow'],
      ]),
    ).toEqual([
      ['ORGANIZATION', 'Nirvana'],
      ['PERSON', 'Kurt Cobain'],
      ['ORGANIZATION', 'Yukos'],
      ['PERSON', 'Steven Theede'],
      ['MISC', 'Friends'],
      ['PERSON', 'Lisa Kudrow'],
    ]);
  });

  it('leaves a person the document knows as one: "Tony Blair ... Blair aide Alastair Campbell"', () => {
    const text = 'Tony Blair spoke. Blair spokesman Tom Kelly said no.';
    expect(
      requalified(text, [
        ['PERSON', 'Tony Blair'],
        ['PERSON', 'Blair'],
        ['PERSON', 'Tom Kelly'],
      ]).map(([type]) => type),
    ).toEqual(['PERSON', 'PERSON', 'PERSON']);
  });
});

describe('full tag: "on TV" is no country', () => {
  it('does not resolve TV to Tuvalu', async () => {
    const article = { ...fixtureArticle(), body: 'The match was shown on TV in France. TV audiences rose.' };
    const result = await createTagger().tag(article);
    expect(result.entities.map((e) => e.name)).not.toContain('Tuvalu');
    expect(result.entities.map((e) => e.name)).toContain('France');
  });
});
