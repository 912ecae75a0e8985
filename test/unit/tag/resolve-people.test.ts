import { describe, expect, it } from 'vitest';
import type { EntityType } from '../../../shared/article/schema';
import { resolutionLexicon } from '../../../shared/tag/resolve/lexicon';
import type { FoundMention } from '../../../shared/tag/resolve/mentions';
import { resolveEntities } from '../../../shared/tag/resolve/resolve';

/** Marks each [form, type] at every whole-word occurrence, as a recognizer would (spans may be bad). */
function mark(text: string, forms: [string, EntityType][]): FoundMention[] {
  const out: FoundMention[] = [];
  for (const [form, type] of forms) {
    for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
      if (/\p{L}/u.test(text[at + form.length] ?? ' ') || /\p{L}/u.test(text[at - 1] ?? ' ')) continue;
      if (out.some((o) => o.start <= at && at + form.length <= o.end)) continue;
      out.push({ type, start: at, end: at + form.length });
    }
  }
  return out;
}

const resolve = (text: string, forms: [string, EntityType][], title = '') =>
  resolveEntities(text, mark(text, forms), [], resolutionLexicon(), title);

describe('resolution of people within an article', () => {
  it('makes "Tony Blair", "Mr Blair" and "Blair" one person, the honorific a role out of the span', () => {
    const text =
      'Tony Blair has promised to cut taxes. Mr Blair told the Commons the economy was strong. ' +
      'And Mr Blair said he would not resign. Critics say Blair is tired.';
    const entities = resolve(text, [
      ['Tony Blair', 'PERSON'],
      ['And Mr Blair', 'PERSON'],
      ['Mr Blair', 'ORGANIZATION'],
      ['Blair', 'ORGANIZATION'],
    ]);
    expect(entities.map((e) => [e.type, e.name])).toEqual([['PERSON', 'Tony Blair']]);
    const blair = entities[0]!;
    expect(blair).toMatchObject({ id: 'per-tony-blair', gender: 'male', role: 'Mr', aliases: ['Blair'] });
    expect(blair.partialName).toBeUndefined();
    expect(blair.mentions.map((m) => [m.text, m.role ?? null])).toEqual([
      ['Tony Blair', null],
      ['Blair', 'Mr'],
      ['Blair', 'Mr'],
      ['Blair', null],
    ]);
    for (const m of blair.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('names a person the article gives only as "Mr Blair" by the surname, partial, with gender', () => {
    const text = 'Mr Blair&#191; told MPs on Monday. Mr Blair, we are not all big corporations, said one.';
    const entities = resolve(text, [
      ['Mr Blair&#191;', 'PERSON'],
      ['Mr Blair, we are not all big corporations', 'PERSON'],
    ]);
    expect(entities).toHaveLength(1);
    expect(entities[0]).toMatchObject({
      id: 'per-blair',
      name: 'Blair',
      type: 'PERSON',
      partialName: true,
      gender: 'male',
      aliases: [],
    });
    expect(entities[0]!.mentions.map((m) => [m.text, m.role])).toEqual([
      ['Blair', 'Mr'],
      ['Blair', 'Mr'],
    ]);
  });

  it('respects the gender an honorific says: "Mrs Clinton" goes to Hillary, not Bill', () => {
    const text =
      'Bill Clinton spoke first. Hillary Clinton, the New York senator, followed. ' +
      'Mrs Clinton said the bill was fair. Mr Clinton left early.';
    const entities = resolve(text, [
      ['Bill Clinton', 'PERSON'],
      ['Hillary Clinton', 'PERSON'],
      ['Clinton', 'PERSON'],
    ]);
    const people = Object.fromEntries(entities.map((e) => [e.name, e]));
    expect(Object.keys(people).sort()).toEqual(['Bill Clinton', 'Hillary Clinton']);
    expect(people['Hillary Clinton']!.gender).toBe('female');
    expect(people['Bill Clinton']!.gender).toBe('male');
    const mrs = text.indexOf('Clinton said');
    const mr = text.indexOf('Clinton left');
    expect(people['Hillary Clinton']!.mentions.map((m) => m.start)).toContain(mrs);
    expect(people['Bill Clinton']!.mentions.map((m) => m.start)).toContain(mr);
  });

  it('reads a surname with particles as a surname: "Mr Van de Vijver" is "Walter van der Vijver"', () => {
    const text =
      'Exploration chief Walter van der Vijver resigned. An email from Mr Van de Vijver said the firm erred.';
    const entities = resolve(text, [
      ['Walter van der Vijver', 'PERSON'],
      ['Van de Vijver', 'PERSON'],
    ]);
    expect(entities.map((e) => [e.name, e.partialName ?? null])).toEqual([['Walter van der Vijver', null]]);
    const alone = resolve('Mr de Vabres said the deal was fair. Mr Van de Vijver agreed.', [
      ['de Vabres', 'PERSON'],
      ['Van de Vijver', 'PERSON'],
    ]);
    expect(alone.map((e) => [e.name, e.partialName ?? null]).sort()).toEqual([
      ['Van de Vijver', true],
      ['de Vabres', true],
    ]);
    const lula = resolve('President Luiz Inacio Lula da Silva spoke. Lula said growth was strong.', [
      ['Luiz Inacio Lula da Silva', 'PERSON'],
      ['Lula', 'PERSON'],
    ]);
    expect(lula.map((e) => [e.name, e.aliases])).toEqual([['Luiz Inacio Lula da Silva', ['Lula']]]);
    // A given name that looks like a particle stays a full name.
    expect(resolve('Van Morrison sang.', [['Van Morrison', 'PERSON']])[0]!.partialName).toBeUndefined();
  });

  it('reads gender from a given name English gives one sex: "Mrs Clinton" is Hillary after Bill', () => {
    const text =
      'Hillary Clinton arrived in New York. Bill Clinton followed her later. Mrs Clinton said the bill was fair.';
    const entities = resolve(text, [
      ['Hillary Clinton', 'PERSON'],
      ['Bill Clinton', 'PERSON'],
      ['Clinton', 'PERSON'],
    ]);
    const people = Object.fromEntries(entities.map((e) => [e.name, e]));
    expect(Object.keys(people).sort()).toEqual(['Bill Clinton', 'Hillary Clinton']);
    expect(people['Hillary Clinton']).toMatchObject({ gender: 'female', aliases: ['Clinton'] });
    expect(people['Bill Clinton']!.gender).toBe('male');
    expect(people['Hillary Clinton']!.mentions.map((m) => m.start)).toContain(text.indexOf('Clinton said'));
  });

  it('gives no gender for a given name English gives both sexes, and keeps "Mr Bush" off Kate Bush', () => {
    const kate = resolve('Kate Bush released an album. Mr Bush was not amused.', [
      ['Kate Bush', 'PERSON'],
      ['Bush', 'PERSON'],
    ]);
    expect(kate.map((e) => [e.name, e.gender ?? null, e.partialName ?? null]).sort()).toEqual([
      ['Bush', 'male', true],
      ['Kate Bush', 'female', null],
    ]);
    const chris = resolve('Chris Evans hosted the show. Ms Evans said it went well.', [
      ['Chris Evans', 'PERSON'],
      ['Evans', 'PERSON'],
    ]);
    expect(chris.map((e) => [e.name, e.gender ?? null])).toEqual([['Chris Evans', 'female']]);
  });

  it('names a surname-only person in full from the body: "Chief Charles Williams ... Mr Williams"', () => {
    const chief = resolve(
      'The tribe is angry. Carib Chief Charles Williams said talks had failed. Mr Williams said more.',
      [
        ['Carib Chief Charles Williams', 'ORGANIZATION'],
        ['Williams', 'PERSON'],
      ],
    );
    expect(chief.map((e) => [e.type, e.name, e.role ?? null, e.partialName ?? null])).toEqual([
      ['PERSON', 'Charles Williams', 'Carib Chief', null],
    ]);
    // Not a common given name: only right after a title, for a person an honorific marks.
    const keating = resolve(
      'The show moves. BBC Two controller Roly Keating: "It is a new era." Mr Keating was pleased.',
      [
        ['BBC Two', 'ORGANIZATION'],
        ['Keating', 'PERSON'],
      ],
    );
    expect(keating.find((e) => e.type === 'PERSON')).toMatchObject({
      name: 'Roly Keating',
      aliases: ['Keating'],
    });
    expect(keating.find((e) => e.type === 'PERSON')!.partialName).toBeUndefined();
    const west = resolve('US hip-hop star Kanye West leads the race. West said he was happy.', [
      ['West', 'PERSON'],
    ]);
    expect(west.map((e) => [e.name, e.aliases])).toEqual([['Kanye West', ['West']]]);
    // A nationality word is a given name right after a title, before a surname written with "Mr".
    const gref = resolve('Economy minister German Gref told Kommersant. Mr Gref left.', [
      ['German', 'MISC'],
      ['Gref', 'PERSON'],
    ]);
    expect(gref.map((e) => [e.type, e.name, e.aliases, e.role])).toEqual([
      ['PERSON', 'German Gref', ['Gref'], 'Economy minister'],
    ]);
  });

  it('leaves a surname-only person alone where the full name is doubtful', () => {
    const partial = (text: string, surname: string) =>
      resolve(text, [[surname, 'PERSON']])
        .filter((e) => e.partialName)
        .map((e) => e.name);
    // A firm's name, a sentence opener, a word that is no given name and no title before it.
    expect(partial('Parts maker Robert Bosch recalled pumps. Mr Bosch said sorry.', 'Bosch')).toEqual([
      'Bosch',
    ]);
    expect(partial('But Keating was pleased. Mr Keating said so.', 'Keating')).toEqual(['Keating']);
    expect(partial('The Labour Keating plan failed, Mr Keating said.', 'Keating')).toEqual(['Keating']);
    // A title of a work after an ordinary word; a nationality after a title, for a surname never written
    // with "Mr", or after a role that is no title.
    expect(partial('Festivals showed Reservoir Dogs. Dogs won.', 'Dogs')).toEqual(['Dogs']);
    expect(partial('Economy minister German Gref spoke. Gref left.', 'Gref')).toEqual(['Gref']);
    expect(partial('Hip-hop star British Blaze spoke. Mr Blaze left.', 'Blaze')).toEqual(['Blaze']);
    // Two given names for one surname: which one "Mr Williams" is, the text does not say.
    expect(
      partial('Serena Williams won. Venus Williams lost. Mr Williams, their father, cheered.', 'Williams'),
    ).toEqual(['Williams']);
  });

  it('reads honorific names that are works or roles as MISC, not people: "hit with Ms Jackson"', () => {
    const kinds = (text: string, forms: [string, EntityType][]) =>
      resolve(text, forms).map((e) => [e.type, e.name]);
    expect(
      kinds('They scored their first hit in the UK with Ms Jackson, while the album sold.', [
        ['Jackson', 'PERSON'],
      ]),
    ).toEqual([['MISC', 'Ms Jackson']]);
    expect(
      kinds('The shortlist beat the favourite Jonathan Strange and Mr Norrell by Susanna Clarke.', [
        ['Jonathan Strange', 'PERSON'],
        ['Norrell', 'PERSON'],
        ['Susanna Clarke', 'PERSON'],
      ]).sort(),
    ).toEqual([
      ['MISC', 'Jonathan Strange and Mr Norrell'],
      ['PERSON', 'Susanna Clarke'],
    ]);
    expect(kinds('She played Mrs Potts in the stage version.', [['Potts', 'PERSON']])).toEqual([
      ['MISC', 'Mrs Potts'],
    ]);
    expect(kinds("Fry's portrayal of headmaster Dr Arnold dominates.", [['Arnold', 'PERSON']])).toEqual([
      ['MISC', 'Dr Arnold'],
    ]);
    expect(kinds('Two episodes of the new Miss Marple drama will air.', [['Marple', 'PERSON']])).toEqual([
      ['MISC', 'Miss Marple'],
    ]);
    // Once a character, everywhere in the article.
    expect(
      kinds(
        "I'd like to see Mr. Benn, with a star in the title role. Or Mr. Benn with a comic as the lead.",
        [['Benn', 'PERSON']],
      ),
    ).toEqual([['MISC', 'Mr. Benn']]);
    expect(
      kinds('It owns brands such as Dairy Milk, Dr Pepper and Snapple.', [['Pepper', 'PERSON']]),
    ).toEqual([['MISC', 'Dr Pepper']]);
  });

  it('keeps people in the news as people where the words only look like a work or a role', () => {
    const people = (text: string, forms: [string, EntityType][]) =>
      resolve(text, forms)
        .filter((e) => e.type === 'PERSON')
        .map((e) => e.name)
        .sort();
    expect(
      people('Tony Blair and Mr Brown met on Monday.', [
        ['Tony Blair', 'PERSON'],
        ['Brown', 'PERSON'],
      ]),
    ).toEqual(['Brown', 'Tony Blair']);
    expect(people('The fears were played down by Mr Brown.', [['Brown', 'PERSON']])).toEqual(['Brown']);
    expect(people('A man who hit Dr Dre was charged.', [['Dre', 'PERSON']])).toEqual(['Dre']);
    expect(
      people('Tony Blair went to the cinema. The film Mr Blair saw was long.', [
        ['Tony Blair', 'PERSON'],
        ['Blair', 'PERSON'],
      ]),
    ).toEqual(['Tony Blair']);
  });

  it('keeps a woman apart from the man of the same surname when the honorific says so', () => {
    const text = 'Gordon Brown said he would deliver the budget. Mrs Brown, a local councillor, disagreed.';
    const entities = resolve(text, [
      ['Gordon Brown', 'PERSON'],
      ['Brown', 'PERSON'],
    ]);
    expect(entities.map((e) => [e.name, e.gender ?? null, e.partialName ?? null]).sort()).toEqual([
      ['Brown', 'female', true],
      ['Gordon Brown', 'male', null],
    ]);
  });

  it('joins a compound surname and a full name the recognizer typed as an organisation', () => {
    const text =
      'Said entrepreneur Drayton Valentine: times are hard. Mr Valentine agreed. ' +
      'Carlos Baez Silva leads the savers. Mr Baez Silva estimated the losses.';
    const entities = resolve(text, [
      ['Drayton Valentine', 'ORGANIZATION'],
      ['Valentine', 'PERSON'],
      ['Carlos Baez Silva', 'PERSON'],
      ['Baez Silva', 'PERSON'],
    ]);
    expect(entities.map((e) => [e.type, e.name, e.mentions.length]).sort()).toEqual([
      ['PERSON', 'Carlos Baez Silva', 2],
      ['PERSON', 'Drayton Valentine', 2],
    ]);
  });

  it('reads gender from a title that says it', () => {
    const text =
      "Sylvester Stallone's ex-wife Brigitte Nielsen nominated Bez. BA chairman Martin Broughton agreed.";
    const entities = resolve(text, [
      ['Sylvester Stallone', 'PERSON'],
      ['Brigitte Nielsen', 'PERSON'],
      ['Martin Broughton', 'PERSON'],
    ]);
    const gender = Object.fromEntries(entities.map((e) => [e.name, e.gender ?? null]));
    expect(gender).toMatchObject({ 'Brigitte Nielsen': 'female', 'Martin Broughton': 'male' });
  });

  it('keeps the most informative role: a title beats a bare honorific', () => {
    const text =
      'BA chief executive Rod Eddington said costs would fall. Mr Eddington added that fuel was dear.';
    const [rod] = resolve(text, [
      ['Rod Eddington', 'PERSON'],
      ['Eddington', 'PERSON'],
    ]);
    expect(rod).toMatchObject({ name: 'Rod Eddington', role: 'BA chief executive', gender: 'male' });
    expect(rod!.mentions.map((m) => m.role)).toEqual(['BA chief executive', 'Mr']);
  });

  it('makes "the prime minister" a mention of the one person the text gives that title', () => {
    const text =
      'Tony Blair, the prime minister, visited Leeds. Michael Howard stayed in London. ' +
      'Later the prime minister spoke to workers.';
    const entities = resolve(text, [
      ['Tony Blair', 'PERSON'],
      ['Michael Howard', 'PERSON'],
      ['Leeds', 'LOCATION'],
      ['London', 'LOCATION'],
    ]);
    const blair = entities.find((e) => e.name === 'Tony Blair')!;
    expect(blair.role).toBe('prime minister');
    expect(blair.mentions.map((m) => text.slice(m.start, m.end))).toEqual(['Tony Blair', 'prime minister']);
    expect(blair.aliases).toEqual([]);
    expect(entities.find((e) => e.name === 'Michael Howard')!.mentions).toHaveLength(1);
  });

  it('leaves a description alone when two people share the title', () => {
    const text =
      'Analyst Mike Powell of Dresdner and analyst Nick Van den Brul of BNP agreed. The analyst said more.';
    const entities = resolve(text, [
      ['Mike Powell', 'PERSON'],
      ['Nick Van den Brul', 'PERSON'],
    ]);
    for (const e of entities) expect(e.mentions).toHaveLength(1);
  });
});

describe('resolution of surnames written with a particle joined on', () => {
  it('keeps "diCaprio" in "Leonardo diCaprio" and joins "DiCaprio" to him', () => {
    const entities = resolve('Stars Leonardo diCaprio and Richard Gere came. DiCaprio faces Jamie Foxx.', [
      ['Leonardo diCaprio', 'PERSON'],
      ['Richard Gere', 'PERSON'],
      ['DiCaprio', 'ORGANIZATION'],
      ['Jamie Foxx', 'PERSON'],
    ]);
    expect(entities.find((e) => e.id === 'per-leonardo-dicaprio')?.aliases).toEqual(['DiCaprio']);
    expect(entities.map((e) => e.type)).toEqual(['PERSON', 'PERSON', 'PERSON']);
  });

  it('keeps an Arabic article surname in the name: "Ghazi al-Gosaibi"', () => {
    const entities = resolve('Labour Minister Ghazi al-Gosaibi had caused uproar.', [
      ['Ghazi al-Gosaibi', 'PERSON'],
    ]);
    expect(entities.map((e) => [e.name, e.partialName ?? null])).toEqual([['Ghazi al-Gosaibi', null]]);
  });
});

describe('resolution of misspelt surnames within an article (resolve/misspellings.ts)', () => {
  const people = (text: string, forms: [string, EntityType][]) =>
    resolve(text, forms)
      .filter((e) => e.type === 'PERSON')
      .map((e) => [e.name, ...e.aliases]);

  it('joins a surname written with a slip to the one full-name person it fits', () => {
    expect(
      people("WorldCom chief Bernie Ebbers was convicted. Mr Ebber's lawyers said they would appeal.", [
        ['Bernie Ebbers', 'PERSON'],
        ['Mr Ebber', 'PERSON'],
      ]),
    ).toEqual([['Bernie Ebbers', 'Ebber']]);
    expect(
      people('Monica Chadha reports from Delhi. Ms Chada said the airports were shabby.', [
        ['Monica Chadha', 'PERSON'],
        ['Ms Chada', 'PERSON'],
      ]),
    ).toEqual([['Monica Chadha', 'Chada']]);
    // Letters transposed in a long name, and the same letters in another order.
    expect(
      people('Oil boss Mikhail Khordokovsky is in jail. Mr Khodorkovsky denies it.', [
        ['Mikhail Khordokovsky', 'PERSON'],
        ['Mr Khodorkovsky', 'PERSON'],
      ]),
    ).toEqual([['Mikhail Khordokovsky', 'Khodorkovsky']]);
    expect(
      people('Union leader Billy Macaefa spoke. Mr Mafeca said jobs were lost.', [
        ['Billy Macaefa', 'PERSON'],
        ['Mr Mafeca', 'PERSON'],
      ]),
    ).toEqual([['Billy Macaefa', 'Mafeca']]);
  });

  it('leaves the surname apart when two people fit, the gender differs, or the first letter or length does not', () => {
    const two = people('Bernie Ebbers and John Ebbert met. Mr Ebber said no.', [
      ['Bernie Ebbers', 'PERSON'],
      ['John Ebbert', 'PERSON'],
      ['Mr Ebber', 'PERSON'],
    ]);
    expect(two).toContainEqual(['Ebber']);
    expect(
      people('Monica Chadha reports. Mr Chada said no.', [
        ['Monica Chadha', 'PERSON'],
        ['Mr Chada', 'PERSON'],
      ]),
    ).toContainEqual(['Chada']);
    expect(
      people('Bernie Ebbers spoke. Mr Abbers said no. Tom Hart met Mr Hurt.', [
        ['Bernie Ebbers', 'PERSON'],
        ['Mr Abbers', 'PERSON'],
        ['Tom Hart', 'PERSON'],
        ['Mr Hurt', 'PERSON'],
      ]),
    ).toEqual(expect.arrayContaining([['Abbers'], ['Hurt']]));
  });
});

describe('resolution of nicknames inside names (resolve/nicknames.ts)', () => {
  it('names \'Marion "Suge" Knight\' Marion Knight, alias Suge Knight, and makes "Mr Knight" him', () => {
    const text =
      'Rap mogul Marion "Suge" Knight has been arrested. Mr Knight, founder of Death Row Records, denies it. ' +
      'Knight was freed.';
    const entities = resolve(text, [
      ['Marion', 'MISC'],
      ['Suge', 'MISC'],
      ['Knight', 'PERSON'],
    ]);
    expect(entities.map((e) => [e.type, e.name, e.aliases, e.partialName ?? null])).toEqual([
      ['PERSON', 'Marion Knight', ['Knight', 'Suge Knight'], null],
    ]);
    expect(entities[0]!.mentions.map((m) => m.text)).toEqual(['Marion "Suge" Knight', 'Knight', 'Knight']);
  });

  it('leaves a quoted word alone where the first word is no given name or nobody is a person', () => {
    const names = (text: string, forms: [string, EntityType][]) => resolve(text, forms).map((e) => e.name);
    expect(names('An Americanised "Jimmy" Bond, Mr Bond said.', [['Bond', 'PERSON']])).not.toContain(
      'Americanised Bond',
    );
    expect(
      names('Fans of David "Fathead" Newman Records met.', [['Newman Records', 'ORGANIZATION']]),
    ).toEqual(['Newman Records']);
  });
});

describe('resolution of stage names and real names (resolve/real-names.ts)', () => {
  it('makes "Jay-Z, real name Shawn Carter" one person named Jay-Z, the real name an alias', () => {
    const text = 'Jay-Z, real name Shawn Carter, said he was proud. Jay-Z takes over next month.';
    const entities = resolve(text, [
      ['Jay-Z', 'PERSON'],
      ['Shawn Carter', 'PERSON'],
    ]);
    expect(entities.map((e) => [e.type, e.name, e.aliases, e.partialName ?? null])).toEqual([
      ['PERSON', 'Jay-Z', ['Shawn Carter'], null],
    ]);
  });

  it('makes a stage name a recognizer took for a firm a person: "Snoop Dogg - real name Calvin Broadus"', () => {
    const text =
      'The lawsuit names Snoop Dogg - real name Calvin Broadus - and three others. Snoop Dogg denies it.';
    const entities = resolve(text, [
      ['Snoop Dogg', 'ORGANIZATION'],
      ['Calvin Broadus', 'PERSON'],
    ]);
    expect(entities.map((e) => [e.type, e.name, e.aliases])).toEqual([
      ['PERSON', 'Snoop Dogg', ['Calvin Broadus']],
    ]);
  });

  it('keeps two people apart where no "real name" joins them', () => {
    const text = 'Jay-Z met Shawn Carter, a real estate agent, and real names were not given.';
    const entities = resolve(text, [
      ['Jay-Z', 'PERSON'],
      ['Shawn Carter', 'PERSON'],
    ]);
    expect(entities.map((e) => e.name).sort()).toEqual(['Jay-Z', 'Shawn Carter']);
  });
});

describe('resolution of people who speak (resolve/speaking-people.ts)', () => {
  it('makes a name typed otherwise a person where the text gives it a job and makes it speak', () => {
    const types = (text: string, forms: [string, EntityType][]) =>
      resolve(text, forms).map((e) => [e.type, e.name]);
    expect(
      types('"Godzilla should thank you," said Final Wars producer Shogo Tomiyama. Shogo Tomiyama smiled.', [
        ['Final Wars', 'MISC'],
        ['Shogo Tomiyama', 'ORGANIZATION'],
      ]),
    ).toContainEqual(['PERSON', 'Shogo Tomiyama']);
    expect(
      types('Yukos spokesman Mike Lake told reporters it was illegal.', [
        ['Yukos', 'ORGANIZATION'],
        ['Mike Lake', 'LOCATION'],
      ]),
    ).toContainEqual(['PERSON', 'Mike Lake']);
  });

  it('leaves a firm that speaks, and a job word before a name that does not speak', () => {
    const types = (text: string, forms: [string, EntityType][]) =>
      resolve(text, forms).map((e) => [e.type, e.name]);
    expect(
      types('The deal, analyst Merrill Lynch said, was good.', [['Merrill Lynch', 'ORGANIZATION']]),
    ).toEqual([['ORGANIZATION', 'Merrill Lynch']]);
    expect(types('The producer Mike Lake owns the film.', [['Mike Lake', 'LOCATION']])).toEqual([
      ['LOCATION', 'Mike Lake'],
    ]);
    expect(
      types('Accountancy firm Grant Thornton said profits rose.', [['Grant Thornton', 'ORGANIZATION']]),
    ).toEqual([['ORGANIZATION', 'Grant Thornton']]);
  });
});

describe('resolution of organisations and places within an article', () => {
  it('joins short forms to the organisation: "Cairn" to "Cairn Energy", "the Fed" to "Federal Reserve"', () => {
    const text =
      'Shares in Cairn Energy rose after Cairn found oil. The US Federal Reserve raised rates; the Fed meets again soon.';
    const entities = resolve(text, [
      ['Cairn Energy', 'ORGANIZATION'],
      ['Cairn', 'PERSON'],
      ['US Federal Reserve', 'ORGANIZATION'],
      ['Fed', 'ORGANIZATION'],
    ]);
    expect(entities.map((e) => [e.type, e.name, e.mentions.length]).sort()).toEqual([
      ['ORGANIZATION', 'Cairn Energy', 2],
      ['ORGANIZATION', 'Federal Reserve', 2],
    ]);
    expect(entities.find((e) => e.name === 'Federal Reserve')!.id).toBe('org-federal-reserve');
  });

  it('makes "Britain", "UK" and "United Kingdom" one place with one id across articles', () => {
    const text = 'Britain exports grew. UK firms and the United Kingdom government agreed.';
    const entities = resolve(text, [
      ['Britain', 'LOCATION'],
      ['UK', 'LOCATION'],
      ['United Kingdom', 'LOCATION'],
    ]);
    expect(entities.map((e) => [e.id, e.mentions.length])).toEqual([['loc-united-kingdom', 3]]);
    const alone = resolve('Britain exports grew.', [['Britain', 'LOCATION']]);
    expect(alone.map((e) => e.id)).toEqual(['loc-united-kingdom']);
  });

  it('joins a one-word name to the one longer name of the article that ends in it: "Wimpey" to "George Wimpey"', () => {
    const text =
      'Profits rose at housebuilder George Penrose. Penrose said sales grew. The China Ledger reported it; ' +
      'Ledger readers agreed.';
    const entities = resolve(text, [
      ['George Penrose', 'ORGANIZATION'],
      ['Penrose', 'ORGANIZATION'],
      ['China Ledger', 'ORGANIZATION'],
      ['Ledger', 'PERSON'],
    ]);
    expect(entities.map((e) => [e.type, e.name, e.mentions.length]).sort()).toEqual([
      ['ORGANIZATION', 'China Ledger', 2],
      ['ORGANIZATION', 'George Penrose', 2],
    ]);
  });

  it("keeps a person's word apart from a longer name like a person's own, or one written less often", () => {
    const text =
      'The book by JK Penrose sold well. Penrose said so. Elvis sang. Elvis danced. A European Elvis won.';
    const entities = resolve(text, [
      ['JK Penrose', 'ORGANIZATION'],
      ['Penrose', 'PERSON'],
      ['European Elvis', 'ORGANIZATION'],
      ['Elvis', 'PERSON'],
    ]);
    expect(entities.map((e) => [e.type, e.name, e.mentions.length]).sort()).toEqual([
      ['ORGANIZATION', 'European Elvis', 1],
      ['ORGANIZATION', 'JK Penrose', 1],
      ['PERSON', 'Elvis', 2],
      ['PERSON', 'Penrose', 1],
    ]);
  });

  it('joins "TimeWarner" and "Time Warner" but keeps a nationality apart from a company', () => {
    const text =
      'TimeWarner said profits rose. Time Warner owns AOL. Chinese Petroleum said Chinese demand grew.';
    const entities = resolve(text, [
      ['TimeWarner', 'ORGANIZATION'],
      ['Time Warner', 'ORGANIZATION'],
      ['AOL', 'ORGANIZATION'],
      ['Chinese Petroleum', 'ORGANIZATION'],
      ['Chinese', 'MISC'],
    ]);
    const byName = entities.map((e) => [e.name, e.mentions.length]);
    expect(byName.sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
      ['AOL', 1],
      ['Chinese', 1],
      ['Chinese Petroleum', 1],
      ['Time Warner', 2],
    ]);
  });
});
