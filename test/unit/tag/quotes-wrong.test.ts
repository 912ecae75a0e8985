import { describe, expect, it } from 'vitest';
import { entity, organisation, speakers } from './quote-fixtures';

/** Rules narrowed because they gave quotes to the wrong speaker: no speaker is better than a wrong one. */
describe('speakers a pronoun does not mean', () => {
  it('does not give "he told" to the person whose sentence the quote goes on from', () => {
    const text = [
      'At the inquiry, Mr Hale denied that he had leaned on his deputy, Owen Price.',
      '',
      'Mr Price "signed off every contract himself," he told the committee.',
    ].join('\n');
    const entities = [
      entity('Daniel Hale', text, ['Mr Hale'], { gender: 'male' }),
      entity('Owen Price', text, ['Owen Price', 'Mr Price'], { gender: 'male' }),
    ];
    expect(speakers(text, entities)[0]![1]).toBe('Daniel Hale');
  });

  it('does not give "he said" to a person named only as whose aide spoke', () => {
    const text =
      'Minister Ortega\'s chief aide said the levy was needed. "The levy applies to every bank in the country," he said.';
    const entities = [entity('Luis Ortega', text, ['Ortega'], { gender: 'male' })];
    expect(speakers(text, entities)[0]![1]).toBeNull();
  });

  it('does not reach "it added" past a speaker the text gave no organisation type to', () => {
    const text = [
      'Harbour Homes said its sales had risen by a fifth.',
      '',
      'Bellway said the market had slowed. "Visitor numbers fell sharply in November," it added.',
    ].join('\n');
    // The recognizer took the builder, named after its founder, for a person.
    const entities = [organisation('Harbour Homes', text), entity('John Bellway', text, ['Bellway'])];
    expect(speakers(text, entities)[0]![1]).toBeNull();
  });

  it('still gives "it added" to the organisation that spoke last when no person spoke since', () => {
    const text =
      'Harbour Homes said the market had slowed. Chief executive Ann Cole is to retire. "Visitor numbers fell," it added.';
    const entities = [organisation('Harbour Homes', text), entity('Ann Cole', text, ['Ann Cole'])];
    expect(speakers(text, entities)[0]![1]).toBe('Harbour Homes');
  });
});

describe('speakers a description stands for', () => {
  it('tells two leaders apart by the words of "the Tory leader"', () => {
    const text = [
      'Tory leader Michael Howard and Lib Dem leader Charles Kennedy attacked the budget.',
      '',
      '"We will cut taxes," the Tory leader said. "We will scrap tuition fees," the Lib Dem leader said.',
    ].join('\n');
    const entities = [
      entity('Michael Howard', text, ['Michael Howard'], { role: 'Tory leader', gender: 'male' }),
      entity('Charles Kennedy', text, ['Charles Kennedy'], { role: 'Lib Dem leader', gender: 'male' }),
    ];
    expect(speakers(text, entities).map((s) => s[1])).toEqual(['Michael Howard', 'Charles Kennedy']);
  });

  it('gives "the prime minister said" to no one when two men could hold the office, not to the last who spoke', () => {
    const text = [
      'Tony Blair and Michael Howard clashed over immigration.',
      '',
      'Mr Howard said the system was in chaos. "We have the toughest rules in Europe," the prime minister said.',
    ].join('\n');
    const entities = [
      entity('Tony Blair', text, ['Tony Blair'], { gender: 'male' }),
      entity('Michael Howard', text, ['Michael Howard', 'Mr Howard'], { gender: 'male' }),
    ];
    expect(speakers(text, entities)[0]![1]).toBeNull();
  });

  it('gives an office to the one person whose title is not another office', () => {
    const text = [
      'Tony Blair and Tory leader Michael Howard clashed over immigration.',
      '',
      'Mr Howard said the system was in chaos. "We have the toughest rules in Europe," the prime minister said.',
    ].join('\n');
    const entities = [
      entity('Tony Blair', text, ['Tony Blair'], { gender: 'male' }),
      entity('Michael Howard', text, ['Michael Howard', 'Mr Howard'], {
        role: 'Tory leader',
        gender: 'male',
      }),
    ];
    expect(speakers(text, entities)[0]![1]).toBe('Tony Blair');
  });

  it('reads a description after the verb: "says the London mayor"', () => {
    const text = [
      'Ken Livingstone has defended the congestion charge.',
      '',
      '"The charge has cut traffic by a fifth," says the London mayor.',
    ].join('\n');
    expect(speakers(text, [entity('Ken Livingstone', text, ['Ken Livingstone'])])[0]![1]).toBe(
      'Ken Livingstone',
    );
  });

  it('gives "the Bank\'s minutes said" to the bank, but "the Delta subsidiary said" not to Delta', () => {
    const text = [
      'The Bank\'s Monetary Policy Committee held rates at 4.75%. The Bank\'s minutes said the risks were "firmly to the downside this year".',
      '',
      'Comair "regrets the inconvenience to all of our customers," the Delta subsidiary said.',
    ].join('\n');
    const entities = [
      organisation('Bank of England', text, ['Bank']),
      organisation('Monetary Policy Committee', text),
      organisation('Comair', text),
      organisation('Delta', text),
    ];
    expect(speakers(text, entities).map((s) => s[1])).toEqual(['Bank of England', 'Comair']);
  });

  it('guesses no organisation for "according to the magazine" that no organisation was named with', () => {
    const text =
      'The Simpsons topped the poll. Baywatch was listed for "scripts nobody could ever take seriously," according to the magazine.';
    expect(speakers(text, [organisation('The Simpsons', text)])[0]![1]).toBeNull();
  });
});

describe('speakers past the people a quote names', () => {
  it('gives "he said" to the man before the one the quote is about', () => {
    const text = [
      'Mr Hensel said the sale had been rigged. Mr Yushchenko has promised to hold it again.',
      '',
      '"That way, Mr Yushchenko can say he has forced the oligarchs to play by the rules," he told BBC News.',
    ].join('\n');
    const entities = [
      entity('Stuart Hensel', text, ['Mr Hensel'], { gender: 'male' }),
      entity('Viktor Yushchenko', text, ['Mr Yushchenko'], { gender: 'male' }),
    ];
    expect(speakers(text, entities)[0]![1]).toBe('Stuart Hensel');
  });

  it('gives an office to the one person who could hold it, the one the quote praises aside', () => {
    const text = [
      'John Prescott has defended Tony Blair over the row.',
      '',
      '"Tony Blair has been a great prime minister," the deputy prime minister said.',
    ].join('\n');
    const entities = [
      entity('John Prescott', text, ['John Prescott'], { gender: 'male' }),
      entity('Tony Blair', text, ['Tony Blair'], { gender: 'male' }),
    ];
    expect(speakers(text, entities)[0]![1]).toBe('John Prescott');
  });
});

describe('who spoke, behind an auxiliary', () => {
  it('takes "X has warned" and "X also said" for speech a later "it" or "he" means', () => {
    const text = [
      'Football club and former European champion Rovers has warned it could go bankrupt. Shares tumbled after it said it had "entered a life-threatening situation".',
      '',
      'Analyst Tom Reid, who follows Lane Group, said the club was in trouble. In a statement to the stock exchange on Friday its chairman Sam Lane also said the bank had been patient. "We owe it everything," he said.',
    ].join('\n');
    const entities = [
      organisation('Rovers', text),
      entity('Tom Reid', text, ['Tom Reid'], { gender: 'male' }),
      entity('Sam Lane', text, ['Sam Lane'], { gender: 'male' }),
    ];
    expect(speakers(text, entities).map((s) => s[1])).toEqual(['Rovers', 'Sam Lane']);
  });
});

describe('organisations past an appositive', () => {
  it('gives "Nike, whose shoes are endorsed by X among others, said" to Nike, even with X taken for a firm', () => {
    const text =
      'Nike, whose shoes are endorsed by Tiger Woods among other stars, said "demand continues to grow".';
    const entities = [organisation('Nike', text), organisation('Tiger Woods', text)];
    expect(speakers(text, entities)[0]![1]).toBe('Nike');
  });
});

describe('organisations a description stands for', () => {
  it('reads "the Commission said" as a short name, not as "it" for the last firm that spoke', () => {
    const text = [
      'Vodafone said it would fight the charges brought by the European Commission.',
      '',
      '"Consumers must not be overcharged on their travels around the European Union," the Commission said.',
    ].join('\n');
    const entities = [
      organisation('Vodafone', text),
      organisation('European Commission', text),
      organisation('European Union', text),
    ];
    expect(speakers(text, entities)[0]![1]).toBe('European Commission');
  });

  it('reads "the bank said" like "it", and "the report warned" as no firm named "… Report"', () => {
    const text = [
      'The Canal Bank was founded in 1831. JP Morgan said it would fund a scholarship. The bank said it was "a very different company now".',
      '',
      'The OECD published its World Business Report. The OECD said growth would slow. The report warned: "Europe may not play a strong role."',
    ].join('\n');
    const entities = [
      organisation('Canal Bank', text),
      organisation('JP Morgan', text),
      organisation('OECD', text),
      organisation('World Business Report', text),
    ];
    expect(speakers(text, entities).map((s) => s[1])).toEqual(['JP Morgan', 'OECD']);
  });
});

describe('leaders told apart by their party', () => {
  it('takes "the Tory leader" for the Conservative leader and "the Lib Dem leader" for the Liberal Democrat one', () => {
    const text = [
      'Conservative leader Michael Howard and Liberal Democrat leader Charles Kennedy spoke in Leeds.',
      '',
      '"We will cut taxes," the Tory leader said. "We will scrap tuition fees," the Lib Dem leader said.',
    ].join('\n');
    const entities = [
      entity('Michael Howard', text, ['Michael Howard'], { role: 'Conservative leader', gender: 'male' }),
      entity('Charles Kennedy', text, ['Charles Kennedy'], {
        role: 'Liberal Democrat leader',
        gender: 'male',
      }),
    ];
    expect(speakers(text, entities).map((s) => s[1])).toEqual(['Michael Howard', 'Charles Kennedy']);
  });
});

describe('an office no one is given, after "added"', () => {
  it('gives "the Tory leader added" to the last who spoke, but "the prime minister said" after him to no one', () => {
    const text = [
      'Tony Blair defended the budget.',
      '',
      'But Michael Howard said: "Taxes have gone up 66 times."',
      '',
      '"That is the truth he will not face," the Tory leader added.',
      '',
      '"We have the most stable economy in Europe," the prime minister said.',
    ].join('\n');
    const entities = [
      entity('Tony Blair', text, ['Tony Blair'], { gender: 'male' }),
      entity('Michael Howard', text, ['Michael Howard'], { gender: 'male' }),
    ];
    expect(speakers(text, entities).map((s) => s[1])).toEqual(['Michael Howard', 'Michael Howard', null]);
  });
});

describe('the medium that quotes someone', () => {
  it('gives ""…," he is quoted as saying by X" to him, not to the paper, even where X was taken for a person', () => {
    const text =
      'Fund manager Florian Hamm said he would invest more only with a say in how the club is run. "I demand better transparency," he is quoted as saying by Germany\'s Manager Magazin.';
    const entities = [
      entity('Florian Hamm', text, ['Florian Hamm'], { gender: 'male' }),
      entity('Manager Magazin', text, ['Manager Magazin']),
    ];
    expect(speakers(text, entities)[0]![1]).toBe('Florian Hamm');
  });
});

describe('a description after the verb, before a relative clause', () => {
  it('gives "said the Factory Records founder, who …" to the founder, not to Factory Records', () => {
    const text =
      'Mr Wilson made a cameo appearance in the film. "I am not an actor," said the Factory Records founder, who has been part of the Manchester scene since the 1970s.';
    const entities = [
      entity('Tony Wilson', text, ['Mr Wilson'], { gender: 'male' }),
      organisation('Factory Records', text),
    ];
    expect(speakers(text, entities)[0]![1]).toBe('Tony Wilson');
  });
});

describe("a name inside a speaker's description", () => {
  it('gives "he said" to the person, not to the name after "of the Campaign for" taken for a person', () => {
    const text =
      'But William Corr of the Campaign for Tobacco-Free Kids urged the government to go on. "The ruling is no excuse for a weak settlement," he said.';
    const entities = [
      entity('William Corr', text, ['William Corr'], { gender: 'male' }),
      entity('Tobacco-Free Kids', text, ['Tobacco-Free Kids']),
    ];
    expect(speakers(text, entities)[0]![1]).toBe('William Corr');
  });

  it('still takes "chairman of BA Martin Broughton said" for Broughton speaking', () => {
    const text =
      'The chairman of BA Martin Broughton said the airline was recovering. "We are flying again," he said.';
    const entities = [entity('Martin Broughton', text, ['Martin Broughton'], { gender: 'male' })];
    expect(speakers(text, entities)[0]![1]).toBe('Martin Broughton');
  });
});

describe("an office no one is given, right after the story's first sentence", () => {
  it('gives "The Tory leader said" in the second sentence to the person the first sentence leads with', () => {
    const text = [
      'Michael Howard has challenged Tony Blair to a televised debate before the election.',
      '',
      'The Tory leader said voters deserved to see the two men "go head to head on the issues".',
    ].join('\n');
    const entities = [
      entity('Michael Howard', text, ['Michael Howard'], { gender: 'male' }),
      entity('Tony Blair', text, ['Tony Blair'], { gender: 'male' }),
    ];
    expect(speakers(text, entities)[0]![1]).toBe('Michael Howard');
  });
});

describe('a firm that names itself', () => {
  it('does not pass "the company said" on to another firm when the quote names the one that spoke', () => {
    const text =
      'Nissan reported record sales. Renault said margins would fall. "In a sluggish market, Renault intends to grow its sales," the company said.';
    const entities = [organisation('Nissan', text), organisation('Renault', text)];
    expect(speakers(text, entities)[0]![1]).toBeNull();
  });
});

describe('a quote with a plural speaker of its own', () => {
  it('carries no earlier speaker to ""…?" they pondered"', () => {
    const text =
      '"We want people to go home humming the tunes," Mr Kapur said. "Where is the fun in that?" they pondered at every stage.';
    const entities = [entity('Alex Kapur', text, ['Mr Kapur'], { gender: 'male' })];
    expect(speakers(text, entities).map((s) => s[1])).toEqual(['Alex Kapur', null]);
  });
});

describe('an answer to a question', () => {
  it('does not give "he said" after ""…?" Paxman asked" to the one who asked', () => {
    const text = [
      'Michael Howard was interviewed by Jeremy Paxman on Newsnight.',
      '',
      '"Will you rule out tax rises?" Paxman asked.',
      '',
      '"We will cut taxes, not raise them," he said.',
    ].join('\n');
    const entities = [
      entity('Michael Howard', text, ['Michael Howard'], { gender: 'male' }),
      entity('Jeremy Paxman', text, ['Jeremy Paxman', 'Paxman'], { gender: 'male' }),
    ];
    expect(speakers(text, entities).map((s) => s[1])).toEqual(['Jeremy Paxman', null]);
  });
});

describe('"he said" after a sentence in which someone unnamed speaks', () => {
  it('gives no speaker when the sentence before has an unnamed source speak', () => {
    const text =
      '"Margins held up better than we feared," said Ruth Ames, an analyst at Carter Lane. ' +
      'However, one trader, who asked not to be named, told Reuters the results were "a disappointment". ' +
      '"The whole sector has struggled since the summer," he said.';
    const entities = [entity('Ruth Ames', text, ['Ruth Ames'], { gender: 'male' })];
    expect(speakers(text, entities).at(-1)).toEqual([
      'The whole sector has struggled since the summer,',
      null,
    ]);
  });

  it('does not give it to a person named only as a possessive in that sentence', () => {
    const text = [
      'Kane Ryder has been feuding with several rappers.',
      '',
      'On the radio, the newcomer called some of Kane Ryder\'s rivals "my friends" and said he would not turn on them. "We grew up on the same street," he said.',
    ].join('\n');
    const entities = [entity('Kane Ryder', text, ['Kane Ryder'], { gender: 'male' })];
    expect(speakers(text, entities).at(-1)).toEqual(['We grew up on the same street,', null]);
  });

  it('still gives it to the person who leads that sentence', () => {
    const text =
      'Paul Trent, head of the retailer Brightwell, described the season as "difficult", but added that he was hopeful. "Stock is moving again," he said.';
    const entities = [entity('Paul Trent', text, ['Paul Trent'], { gender: 'male' })];
    expect(speakers(text, entities).at(-1)).toEqual(['Stock is moving again,', 'Paul Trent']);
  });
});

describe('quotes that do not go on from the quote before', () => {
  it('does not continue a quote closed by its full stop into a sentence where someone else speaks', () => {
    const text =
      '"Sales were strong," said Ruth Ames, an analyst at Carter Lane. "Profits should beat the forecasts." ' +
      'However, one trader, who asked not to be named, told Reuters the results were "not what people had hoped for".';
    const entities = [entity('Ruth Ames', text, ['Ruth Ames'], { gender: 'female' })];
    expect(speakers(text, entities).map(([, s]) => s)).toEqual(['Ruth Ames', 'Ruth Ames', null]);
  });

  it('still continues it when "He added" goes on', () => {
    const text =
      'Radio host Pete Marsh said: "This year has seen a wave of new talent." He added: "The band are one of the most original acts around."';
    const entities = [entity('Pete Marsh', text, ['Pete Marsh'])];
    expect(speakers(text, entities).map(([, s]) => s)).toEqual(['Pete Marsh', 'Pete Marsh']);
  });
});

describe('words reported inside what someone said', () => {
  const text =
    'Ms Hale said she had met Mr Dorn, who had told her that the council could "fold within a year". ' +
    'She added: "I will not let that happen to this town."';
  const entities = [
    entity('Ann Hale', text, ['Ms Hale'], { gender: 'female' }),
    entity('Peter Dorn', text, ['Mr Dorn'], { gender: 'male' }),
  ];

  it('gives a quote in a relative clause ", who had told her that …" to that clause\'s speaker', () => {
    expect(speakers(text, entities)[0]).toEqual(['fold within a year', 'Peter Dorn']);
  });

  it('gives "She added" to the sentence\'s subject, not the relative clause\'s speaker', () => {
    const unisex = [entity('Ann Hale', text, ['Ms Hale']), entity('Peter Dorn', text, ['Mr Dorn'])];
    expect(speakers(text, unisex)[1]).toEqual(['I will not let that happen to this town.', 'Ann Hale']);
  });
});

describe('a pronoun with no speaker before it', () => {
  it('means the name of no known gender in its own paragraph before a gendered one from an earlier paragraph', () => {
    const text = [
      'The idea came to her in a very Roald Dahl kind of way.',
      '',
      'Her son, filmmaker Sam Ford ("The Lake"), also remembers it as a hard time. "It felt like she had gone somewhere else," he said.',
    ].join('\n');
    const entities = [
      entity('Roald Dahl', text, ['Roald Dahl'], { gender: 'male' }),
      entity('Sam Ford', text, ['Sam Ford']),
    ];
    expect(speakers(text, entities).at(-1)).toEqual([
      'It felt like she had gone somewhere else,',
      'Sam Ford',
    ]);
  });

  it('does not take a fragment of a longer capitalised name for it', () => {
    const text = [
      'The director was long admired by Leah Moss.',
      '',
      'He starred in Do The Right Thing. "He was my hero," she said.',
    ].join('\n');
    const entities = [
      entity('Leah Moss', text, ['Leah Moss'], { gender: 'female' }),
      entity('Do The Right', text, ['Do The Right']),
    ];
    expect(speakers(text, entities).at(-1)).toEqual(['He was my hero,', 'Leah Moss']);
  });
});

describe('a person after another person and a verb', () => {
  it('is the object, not whom "he said" means', () => {
    const text =
      '"It should win everything," said Mr Hale. Mr Hale also tipped Tom Reyes for a prize but felt that the film might lose. "There is no better place for it to win," he said.';
    const entities = [
      entity('Dan Hale', text, ['Mr Hale'], { gender: 'male' }),
      entity('Tom Reyes', text, ['Tom Reyes'], { gender: 'male' }),
    ];
    expect(speakers(text, entities).at(-1)).toEqual(['There is no better place for it to win,', 'Dan Hale']);
  });
});

describe('a person introduced by an owner and a description', () => {
  it('leads the sentence ("The Herald\'s theatre reviewer Ann Cole felt"), so "she said" means her', () => {
    const text =
      '"It is the play of the year," said Ms Lane. The Herald\'s theatre reviewer Ann Cole felt that it "might well" sweep the board. "I hope the judges see what we saw," she said.';
    const entities = [
      entity('Joan Lane', text, ['Ms Lane'], { gender: 'female' }),
      entity('Ann Cole', text, ['Ann Cole'], { gender: 'female' }),
    ];
    expect(speakers(text, entities).at(-1)).toEqual(['I hope the judges see what we saw,', 'Ann Cole']);
  });
});

describe('a pronoun inside the sentence its person leads', () => {
  it("means the sentence's subject, not the last speaker before it", () => {
    const text =
      'Prosecutor Alan Reid said the sentence was fair. "Threats are not free speech," he said. ' +
      'Mark Doyle was arrested in May over a call he made to the mayor\'s office, in which he said he would "burn the place down".';
    const entities = [
      entity('Alan Reid', text, ['Alan Reid'], { gender: 'male' }),
      entity('Mark Doyle', text, ['Mark Doyle'], { gender: 'male' }),
    ];
    expect(speakers(text, entities).at(-1)).toEqual(['burn the place down', 'Mark Doyle']);
  });
});

describe('a publication named after "in the journal"', () => {
  it('is where the research appeared, not who speaks', () => {
    const text =
      'Research published in the journal Health Affairs argued that the reforms have brought "real gains in access" to rural patients.';
    const entities = [organisation('Health Affairs', text)];
    expect(speakers(text, entities)).toEqual([['real gains in access', null]]);
  });
});
