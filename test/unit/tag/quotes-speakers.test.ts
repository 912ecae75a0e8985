import { describe, expect, it } from 'vitest';
import { entity, organisation, speakers } from './quote-fixtures';

describe('speakers named by their place in the sentence', () => {
  it('takes the person before a dash appositive, not the organisation inside it', () => {
    const text =
      'Mr Bez - himself a former executive at rival Porsche - said the new car was the company\'s "most affordable car ever made".';
    const entities = [entity('Ulrich Bez', text, ['Mr Bez']), organisation('Porsche', text)];
    expect(speakers(text, entities)).toEqual([['most affordable car ever made', 'Ulrich Bez']]);
  });

  it('gives "he added" to who spoke, not to a name in a clause after "said": "said it was better than X"', () => {
    const text =
      'The lawyer Ron Rakosky said: "We did nothing wrong." Mr Rakosky said it was better than Corey Miller "just sitting there, wasting away". "Here\'s a guy in jail," he said.';
    const entities = [
      entity('Ron Rakosky', text, ['Ron Rakosky', 'Rakosky']),
      entity('Corey Miller', text, ['Corey Miller']),
    ];
    expect(speakers(text, entities).map((s) => s[1])).toEqual(['Ron Rakosky', 'Ron Rakosky', 'Ron Rakosky']);
  });

  it('takes the person before an appositive the writer left open, not its organisation', () => {
    const text =
      'However, Matt Williams, a fund manager at Perpetual Trustees said taking the stake "is definitely a precursor to a takeover".';
    const entities = [
      entity('Matt Williams', text, ['Matt Williams']),
      organisation('Perpetual Trustees', text),
    ];
    expect(speakers(text, entities)[0]![1]).toBe('Matt Williams');
  });

  it('gives "he" and "she" to whoever leads the sentence before, not to the person named after the verb', () => {
    const text = [
      'Swank, who won an Oscar in 2000, paid tribute to director and co-star Clint Eastwood. "You guided us so brilliantly," she said.',
      '',
      'Stallone, 71, did not enjoy the house. But she was pleased to have patched things up with actress Brigitte Nielsen. "That alone was worth $1m," she said.',
    ].join('\n');
    const entities = [
      entity('Hilary Swank', text, ['Swank']),
      entity('Clint Eastwood', text, ['Clint Eastwood']),
      entity('Jackie Stallone', text, ['Stallone']),
      entity('Brigitte Nielsen', text, ['Brigitte Nielsen'], { gender: 'female' }),
    ];
    expect(speakers(text, entities).map((s) => s[1])).toEqual(['Hilary Swank', 'Jackie Stallone']);
  });

  it('prefers the person who leads a later sentence to one who spoke long before', () => {
    const text = [
      'The star of Tootsie said the film culture was poor. Hoffman is in the UK to publicise his new comedy.',
      '',
      'He said: "You go to the cinema and you realise you are watching the third act."',
    ].join('\n');
    const entities = [entity('Tootsie', text, ['Tootsie']), entity('Dustin Hoffman', text, ['Hoffman'])];
    expect(speakers(text, entities)[0]![1]).toBe('Dustin Hoffman');
  });

  it('does not take a possessive for the subject a pronoun means', () => {
    const text =
      'Tom Wright reviewed the novel. Despite enjoying Dan Brown\'s theory, he found it laughable. "The evidence for the gospels is astonishingly good," he said.';
    const entities = [entity('Tom Wright', text, ['Tom Wright']), entity('Dan Brown', text, ['Dan Brown'])];
    expect(speakers(text, entities)[0]![1]).toBe('Tom Wright');
  });

  it('takes an organisation\'s possessive for its topic, as "it" or "the statement" means', () => {
    const text =
      'Rival club Manchester City pleaded with fans. Manchester United\'s response came as no surprise. "Any board must consider a bona fide offer," the statement said.';
    const entities = [organisation('Manchester City', text), organisation('Manchester United', text)];
    expect(speakers(text, entities)[0]![1]).toBe('Manchester United');
  });

  it('takes a name that is itself an appositive for one who spoke, and a place after the name for part of it', () => {
    const text = [
      'The woman waited two years to sue, her lawyer, Perry Wander, said. The lawsuit names Calvin Broadus. Disney "failed to provide a safe working environment for my client," he said.',
      '',
      'The chairman, Ambassador Stefan Johannesson of Iceland, warned that there was "still a lot of work to be done".',
    ].join('\n');
    const entities = [
      entity('Perry Wander', text, ['Perry Wander']),
      entity('Calvin Broadus', text, ['Calvin Broadus']),
      entity('Stefan Johannesson', text, ['Stefan Johannesson']),
    ];
    expect(speakers(text, entities).map((s) => s[1])).toEqual(['Perry Wander', 'Stefan Johannesson']);
  });

  it('reads "he later said" as "he said"', () => {
    const text =
      'Kanye West survived a car crash. "That steering wheel could have been two inches further," he later said.';
    expect(speakers(text, [entity('Kanye West', text, ['Kanye West'])])[0]![1]).toBe('Kanye West');
  });

  it('learns a gender from "she said" and does not give her a later "he said"', () => {
    const text = [
      'Imelda Staunton arrived in green. "It is lovely to be here at home," she told reporters.',
      '',
      'The crowd screamed when the next star arrived. "It is very intense and very loud," he told the BBC.',
    ].join('\n');
    const entities = [entity('Imelda Staunton', text, ['Imelda Staunton'])];
    expect(speakers(text, entities).map((s) => s[1])).toEqual(['Imelda Staunton', null]);
  });
});

describe('speakers that are organisations or descriptions', () => {
  it('does not give a quote to an organisation named in an appositive after a preposition', () => {
    const text =
      'Antonio Reid, chairman of The Island Def Jam Music Group, said: "I can think of no-one more credible to build upon this legacy."';
    expect(speakers(text, [organisation('Jam Music Group', text)])[0]![1]).toBeNull();
  });

  it('does not give a quote to the organisation it was told to', () => {
    const text =
      '"The deal makes sense, but the price is high," Birgit Kuhlhoff, from Sal Oppenheim investment bank, told Reuters.';
    const entities = [organisation('Sal Oppenheim', text), organisation('Reuters', text)];
    expect(speakers(text, entities)[0]![1]).toBeNull();
  });

  it('gives "…, but added:" to the subject of the sentence', () => {
    const text =
      'Mr Strauss doubted whether Rock would make an impact, but added: "I am all for lower ratings though."';
    const entities = [entity('Bob Strauss', text, ['Mr Strauss']), entity('Chris Rock', text, ['Rock'])];
    expect(speakers(text, entities)[0]![1]).toBe('Bob Strauss');
  });

  it('does not take a name after a pronoun subject for the one who speaks', () => {
    const text =
      'Mr Reid welcomed the deal. He hoped Jay-Z would "move the company into its next groundbreaking era", he added.';
    const entities = [entity('Antonio Reid', text, ['Mr Reid']), entity('Jay-Z', text, ['Jay-Z'])];
    expect(speakers(text, entities)[0]![1]).toBe('Antonio Reid');
  });

  it('gives "saying" to the subject of the sentence', () => {
    const text =
      'Vivendi has rejected the charge, saying the decision "was no more than a possibility, of which the public was aware".';
    expect(speakers(text, [organisation('Vivendi', text)])[0]![1]).toBe('Vivendi');
  });

  it('gives the words of a spokesperson or a statement to the organisation', () => {
    const text = [
      'A Treasury spokesperson dismissed the claims, saying it was "on track to meeting the golden rule".',
      '',
      '"The downward trend in house prices is clear," a Capital Economics statement said.',
      '',
      'A spokesman for BP said: "We are reviewing the report."',
    ].join('\n');
    const entities = [
      organisation('Treasury', text),
      organisation('Capital Economics', text),
      organisation('BP', text),
    ];
    expect(speakers(text, entities).map((s) => s[1])).toEqual(['Treasury', 'Capital Economics', 'BP']);
  });

  it('gives "said a Fox spokesman" to Fox, but leaves "said an IMF official" unnamed', () => {
    const text = [
      '"Any affiliate may choose not to air the show," said a Fox spokesman.',
      '',
      '"Calculators will have to wait," said an IMF official in a briefing.',
    ].join('\n');
    const entities = [organisation('Fox', text), organisation('IMF', text)];
    expect(speakers(text, entities).map((s) => s[1])).toEqual(['Fox', null]);
  });

  it('resolves "the magazine" to the organisation written with that word, and "the firm, which …," past a decimal', () => {
    const text = [
      'Madonna topped the list compiled by Rolling Stone magazine. Prince was second.',
      '',
      '"Prince returned to centre stage after a decade in the wilderness," the magazine reported.',
      '',
      'Sportswear firm Umbro lost Chelsea. The firm, which is to receive £24.5m, said it is "appraising a number of opportunities".',
    ].join('\n');
    const entities = [
      entity('Madonna', text, ['Madonna']),
      organisation('Rolling Stone', text),
      organisation('Umbro', text),
      entity('Chelsea', text, ['Chelsea']),
    ];
    expect(speakers(text, entities).map((s) => s[1])).toEqual(['Rolling Stone', 'Umbro']);
  });

  it('gives "the council\'s ruling said" to the council, but "the rapper\'s spokesman said" to no one', () => {
    const text = [
      'The Media Council ruled on the play. "The play raises awareness of abuse," the council\'s ruling said.',
      '',
      'Snoop Dogg was sued on Friday. "The woman is misusing the legal system for gain," the rapper\'s spokesman said.',
    ].join('\n');
    const entities = [organisation('Media Council', text), entity('Snoop Dogg', text, ['Snoop Dogg'])];
    expect(speakers(text, entities).map((s) => s[1])).toEqual(['Media Council', null]);
  });

  it('resolves "the 23-year-old wrote" to the person the text is about', () => {
    const text =
      'Britney Spears has attacked tabloid magazines. "Until you face what is going on, you will remain a false tabloid," the 23-year-old wrote.';
    expect(speakers(text, [entity('Britney Spears', text, ['Britney Spears'])])[0]![1]).toBe(
      'Britney Spears',
    );
  });

  it('resolves "the president told" to the one person the article gives that role, a former holder aside', () => {
    const text =
      'President Mikhail Saakashvili was elected in 2004. Former president Eduard Shevardnadze left office in 2003. "We will find the money," the president told a government session.';
    const entities = [
      entity('Eduard Shevardnadze', text, ['Eduard Shevardnadze'], { role: 'former president' }),
      entity('Mikhail Saakashvili', text, ['Mikhail Saakashvili'], { role: 'President' }),
    ];
    expect(speakers(text, entities)[0]![1]).toBe('Mikhail Saakashvili');
  });

  it('resolves a description with two words before its noun, "the Black Sabbath singer told"', () => {
    const text =
      'Ozzy Osbourne will make no more episodes of The Osbournes. "We are done with reality television," the Black Sabbath singer told reporters.';
    expect(speakers(text, [entity('Ozzy Osbourne', text, ['Ozzy Osbourne'])])[0]![1]).toBe('Ozzy Osbourne');
  });

  it('gives a characterising verb to its subject, but not its passive', () => {
    const text = [
      'Accepting his prize, DiCaprio described director Martin Scorsese as "one of the greatest contributors to cinema".',
      '',
      'Barley is described as a "webmaster, guerrilla film-maker and screenwriter".',
    ].join('\n');
    const entities = [
      entity('Leonardo DiCaprio', text, ['DiCaprio']),
      entity('Martin Scorsese', text, ['Martin Scorsese']),
      entity('Nathan Barley', text, ['Barley']),
    ];
    expect(speakers(text, entities).map((s) => s[1])).toEqual(['Leonardo DiCaprio', null]);
  });
});

describe('speakers behind participles, relative clauses and spokespeople', () => {
  it('gives "…, telling him:" to the subject, and "X telling parliament:" to X', () => {
    const text = [
      'Blanchett also paid tribute to director Martin Scorsese, telling him: "You are a genius and a friend."',
      '',
      'Paris was subdued, with finance minister Herve Gaymard telling parliament: "We must continue along this path."',
    ].join('\n');
    const entities = [
      entity('Cate Blanchett', text, ['Blanchett']),
      entity('Martin Scorsese', text, ['Martin Scorsese']),
      entity('Herve Gaymard', text, ['Herve Gaymard']),
    ];
    expect(speakers(text, entities).map((s) => s[1])).toEqual(['Cate Blanchett', 'Herve Gaymard']);
  });

  it('gives "X, who described him as" to X, and a later "he said" to X, not to whom X said something about', () => {
    const text = [
      'A tribute came from the producer Quincy Jones, who described him as a "brother in every sense of the word". "There will never be another musician like Ray," he said.',
      '',
      'Singer Paul Jones, who sang on many hits, said Charles was one of his heroes. "My own writing was influenced by him," he told BBC News.',
    ].join('\n');
    const entities = [
      entity('Quincy Jones', text, ['Quincy Jones']),
      entity('Paul Jones', text, ['Paul Jones']),
      entity('Ray Charles', text, ['Charles']),
    ];
    expect(speakers(text, entities).map((s) => s[1])).toEqual(['Quincy Jones', 'Quincy Jones', 'Paul Jones']);
  });

  it('reads past a scare quote in the sentence before a quote', () => {
    const text =
      'Greer quit the show. She also said her fellow housemates had "agendas".\n\n"I had no idea who would be in here and it is wrong for me."';
    expect(speakers(text, [entity('Germaine Greer', text, ['Greer'])])[0]![1]).toBe('Germaine Greer');
  });

  it('gives "he added" after a spokesman\'s words to the spokesman\'s organisation', () => {
    const text =
      'Cinematographer John Mathieson lost. A spokesman for the UK Film Council said: "It is disappointing." He added: "It was extraordinary to have 24 British nominees."';
    const entities = [
      entity('John Mathieson', text, ['John Mathieson']),
      organisation('UK Film Council', text),
    ];
    expect(speakers(text, entities).map((s) => s[1])).toEqual(['UK Film Council', 'UK Film Council']);
  });
});

describe('speakers carried from one quote to the next', () => {
  it('carries a speaker to a paragraph that opens with a quote after the attribution ended the last one', () => {
    const text = [
      '"British music needs a kick up the arse," declared Kasabian\'s singer Tom Meighan.',
      '',
      '"No-one\'s doing it at the minute. Music feels like it is in the afterlife."',
    ].join('\n');
    const entities = [entity('Kasabian', text, ['Kasabian']), entity('Tom Meighan', text, ['Tom Meighan'])];
    expect(speakers(text, entities).map((s) => s[1])).toEqual(['Tom Meighan', 'Tom Meighan']);
  });

  it('does not carry it when someone else speaks in the paragraph between', () => {
    const text = [
      '"We are confident," said Mara Lind. Tomas Berg said the plan would fail.',
      '',
      '"It is a gamble."',
    ].join('\n');
    const entities = [entity('Mara Lind', text, ['Mara Lind']), entity('Tomas Berg', text, ['Tomas Berg'])];
    expect(speakers(text, entities)[1]![1]).not.toBe('Mara Lind');
  });

  it('carries no speaker to a quote with an attribution of its own that names no one known', () => {
    const text =
      '"We do not need to fall into debt," Sean Bones told the BBC. "A lot of people want the club to stay with its fans," Rio Ferdinand told BBC Radio Five Live. "No-one knows what this guy will bring."';
    const entities = [entity('Sean Bones', text, ['Sean Bones']), organisation('BBC Radio Five Live', text)];
    expect(speakers(text, entities).map((s) => s[1])).toEqual(['Sean Bones', null, null]);
  });

  it('gives a quote the speaker of the next quote in the same sentence', () => {
    const text =
      'Mr Donaldson spoke in London. "We should seek a solution that will preserve investor protections" without turning the market into "one with no exit at all", he said.';
    const entities = [entity('William Donaldson', text, ['Mr Donaldson'])];
    expect(speakers(text, entities).map((s) => s[1])).toEqual(['William Donaldson', 'William Donaldson']);
  });
});

describe('speakers past an appositive, a name with "and", and a verb in the present', () => {
  it('gives the quote to the person before an appositive, not to a name inside it', () => {
    const text = [
      '"We will appeal," Ana Marsh, a lawyer for Velco, told the court.',
      'Piet Oduya, one of Mr Hale\'s advisers, said: "The deal is done."',
    ].join('\n');
    const entities = [
      entity('Ana Marsh', text, ['Ana Marsh']),
      // The recogniser sometimes calls an organisation a person: the appositive still holds it.
      entity('Velco', text, ['Velco']),
      entity('Piet Oduya', text, ['Piet Oduya']),
      entity('Tom Hale', text, ['Mr Hale']),
    ];
    expect(speakers(text, entities).map((s) => s[1])).toEqual(['Ana Marsh', 'Piet Oduya']);
  });

  it('still gives "a spokesman for X said" to X when no one stands before it', () => {
    const text = '"We will appeal," a spokesman for Ana Marsh said.';
    expect(speakers(text, [entity('Ana Marsh', text, ['Ana Marsh'])])[0]![1]).toBe('Ana Marsh');
  });

  it('reads "and" inside a firm\'s name that a possessive closes: "added Ernst and Young\'s X"', () => {
    const text = '"Growth will slow," added Baker and Lowe\'s Rita Pham. Shares fell.';
    const entities = [entity('Rita Pham', text, ['Rita Pham'])];
    expect(speakers(text, entities)[0]![1]).toBe('Rita Pham');
  });

  it('takes "X maintains that … "…"" as speech, and carries no earlier speaker to it', () => {
    const text = [
      '"The bid is too low," said Ana Marsh. Velco maintains that the sale is illegal and "will cause',
      'the company immediate harm."',
    ].join(' ');
    const entities = [entity('Ana Marsh', text, ['Ana Marsh']), organisation('Velco', text)];
    expect(speakers(text, entities).map((s) => s[1])).toEqual(['Ana Marsh', 'Velco']);
  });

  it('takes a name standing alone after a quote that closes on a comma: ""…," Mr Bootle."', () => {
    const text =
      'Rates will fall. "It will be a hard year," Mr Orme. "Growth is not robust," Baker Lowe\'s Pham.';
    const entities = [entity('Tim Orme', text, ['Mr Orme']), entity('Rita Pham', text, ['Pham'])];
    expect(speakers(text, entities).map((s) => s[1])).toEqual(['Tim Orme', 'Rita Pham']);
    // A sentence that is more than the name says something else of them.
    const other = 'Rates will fall. "It is a mess," the sale of Ana Marsh.';
    expect(speakers(other, [entity('Ana Marsh', other, ['Ana Marsh'])])[0]![1]).toBeNull();
  });

  it('gives a quote a sentence leads into with a colon to its subject, whatever the verb', () => {
    const text = [
      '"I am thrilled," said Mr Dale. He also praised the cast: "They were wonderful to work with."',
      'Drummer Kim Oakes echoed those words: "We are very competitive."',
      'The plan is simple: "Sell everything and leave."',
    ].join('\n\n');
    const entities = [entity('Ray Dale', text, ['Mr Dale']), entity('Kim Oakes', text, ['Kim Oakes'])];
    expect(speakers(text, entities).map((s) => s[1])).toEqual(['Ray Dale', 'Ray Dale', 'Kim Oakes', null]);
  });

  it('takes "according to" a person as speech, but not a source cited for the clause after a quote', () => {
    const text = [
      'The band have done "everything in their power" to stay on top, according to magazine editor Paul Rees.',
      'He wanted to keep the firm "lean, hungry and fast," and, according to Reuters, once told analysts so.',
    ].join('\n\n');
    const entities = [entity('Paul Rees', text, ['Paul Rees']), organisation('Reuters', text)];
    expect(speakers(text, entities).map((s) => s[1])).toEqual(['Paul Rees', null]);
  });

  it('carries the speaker on past the person "said to", who is spoken to', () => {
    const text =
      '"I bow down to you," Ann Lowe said to the veteran Tom Reed. "You are a talent beyond compare."';
    const entities = [entity('Ann Lowe', text, ['Ann Lowe']), entity('Tom Reed', text, ['Tom Reed'])];
    expect(speakers(text, entities).map((s) => s[1])).toEqual(['Ann Lowe', 'Ann Lowe']);
  });

  it('reads "intimated" as speech: the next quote goes on with its speaker', () => {
    const text = 'Signals are clearest together, Ms Lowe intimated. "There is safety in numbers."';
    expect(speakers(text, [entity('Ann Lowe', text, ['Ms Lowe'])])[0]![1]).toBe('Ann Lowe');
  });

  it('gives "he said" to the one person a sentence before names, when that sentence has no speaker of its own', () => {
    const text = [
      'Treasury Secretary Tom Reed said a strong dollar was good. But that was not enough for Mr Vane. "It is up to them," he said.',
      'Mr Vane spoke after Mr Reed. He was angry with Mr Cole. "It is a disgrace," he said.',
    ].join('\n\n');
    const entities = [
      entity('Tom Reed', text, ['Tom Reed', 'Mr Reed'], { gender: 'male' }),
      entity('Paul Vane', text, ['Mr Vane'], { gender: 'male' }),
      entity('Jim Cole', text, ['Mr Cole'], { gender: 'male' }),
    ];
    // The second "he" leads with a pronoun of its own: the first rule, whoever led a sentence, holds.
    expect(speakers(text, entities).map((s) => s[1])).toEqual(['Paul Vane', 'Paul Vane']);
  });

  it('gives a quote that two people joined by "and" say to neither', () => {
    const text = 'Less impressed were Ann Lowe and Tom Reed, who observed, "It is still not very inspiring."';
    const entities = [entity('Ann Lowe', text, ['Ann Lowe']), entity('Tom Reed', text, ['Tom Reed'])];
    expect(speakers(text, entities)[0]![1]).toBeNull();
  });

  it('carries no speaker on past a sentence that another person leads', () => {
    const text =
      'Mr Lee said: "It is an honour." Winner Tom Fry could not attend, but Jane Roe read his speech. "I am proud to receive this."';
    const entities = [
      entity('Sam Lee', text, ['Mr Lee']),
      entity('Tom Fry', text, ['Tom Fry']),
      entity('Jane Roe', text, ['Jane Roe']),
    ];
    expect(speakers(text, entities)[1]![1]).not.toBe('Sam Lee');
  });
});

describe('"assured" as a speech verb', () => {
  it('gives ""…," assured Mr Hale" to Mr Hale', () => {
    const text = '"There will be no dancing robots in the show," assured Mr Hale.';
    const entities = [entity('Tom Hale', text, ['Mr Hale'], { gender: 'male' })];
    expect(speakers(text, entities)).toEqual([['There will be no dancing robots in the show,', 'Tom Hale']]);
  });
});

describe('analysts of a firm after the verb', () => {
  it('gives ""…," wrote analysts from Northgate Capital" to the firm', () => {
    const text =
      '"Cancellations of this kind are rare in the industry," wrote analysts from Northgate Capital in a note.';
    const entities = [organisation('Northgate Capital', text)];
    expect(speakers(text, entities)).toEqual([
      ['Cancellations of this kind are rare in the industry,', 'Northgate Capital'],
    ]);
  });

  it('gives ""…," said a report from Northgate Capital" to the firm', () => {
    const text = '"The market is pricing in a recovery," said a report from Northgate Capital.';
    const entities = [organisation('Northgate Capital', text)];
    expect(speakers(text, entities)).toEqual([['The market is pricing in a recovery,', 'Northgate Capital']]);
  });
});

describe('initials after the verb', () => {
  it('gives ""…," said U.S. Attorney Nealy Cole." to her across the stops of "U.S."', () => {
    const text =
      'The trial ended on Friday.\n\n"Justice has been served. He will never harm a child again," said U.S. Attorney Nealy Cole.';
    const entities = [entity('Nealy Cole', text, ['Nealy Cole'], { gender: 'female' })];
    expect(speakers(text, entities)).toEqual([
      ['Justice has been served. He will never harm a child again,', 'Nealy Cole'],
    ]);
  });
});

describe('an open appositive holding a name with commas', () => {
  it('gives ""…," X, a research analyst at the Council on Energy, Environment and Water told" to X', () => {
    const text =
      '"The wind has changed direction," Asha Rao, a research analyst at the Council on Energy, Environment and Water think tank told reporters.';
    const entities = [entity('Asha Rao', text, ['Asha Rao'])];
    expect(speakers(text, entities)).toEqual([['The wind has changed direction,', 'Asha Rao']]);
  });
});
