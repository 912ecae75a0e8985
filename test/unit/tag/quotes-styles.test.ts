import { describe, expect, it } from 'vitest';
import { entity, organisation, speakers } from './quote-fixtures';

/** Attribution styles of political and sports reporting, in sentences written for these tests. */
describe('speech verbs of political reporting', () => {
  it('reads "vowed", "pledged", "promised", "retorted" and "hit back" as speech', () => {
    const text = [
      'Charles Kennedy launched the Liberal Democrat manifesto in London on Thursday.',
      '',
      '"We will not let the country down," he vowed. "Nobody else is offering this," he pledged.',
      '',
      '"Every pensioner will be better off," Mr Kennedy promised.',
      '',
      'Michael Howard was unimpressed. "It is a tax bombshell," he retorted.',
      '',
      '"They cannot add up," Mr Howard hit back.',
    ].join('\n');
    const entities = [
      entity('Charles Kennedy', text, ['Charles Kennedy', 'Mr Kennedy'], { gender: 'male' }),
      entity('Michael Howard', text, ['Michael Howard', 'Mr Howard'], { gender: 'male' }),
    ];
    expect(speakers(text, entities).map((s) => s[1])).toEqual([
      'Charles Kennedy',
      'Charles Kennedy',
      'Charles Kennedy',
      'Michael Howard',
      'Michael Howard',
    ]);
  });

  it('gives what a subject praises, thanks or accuses someone with to the subject, but not in the passive', () => {
    const text = [
      'Committee chairman Alan Reed praised the minister for restoring the service as "a model for every other region".',
      '',
      'Mr Reed accused the opposition of "playing politics with people\'s jobs and their families".',
      '',
      'Ms Dale is accused of "misleading the House over the contracts for the new hospital".',
    ].join('\n');
    const entities = [
      entity('Alan Reed', text, ['Alan Reed', 'Mr Reed'], { gender: 'male' }),
      entity('Jane Dale', text, ['Ms Dale'], { gender: 'female' }),
    ];
    expect(speakers(text, entities).map((s) => s[1])).toEqual(['Alan Reed', 'Alan Reed', null]);
  });
});

describe('speakers named with where they work', () => {
  it('reads past "of" or "from" and the place a speaker works to the verb', () => {
    const text = [
      'Ruth Mellor from the Home Office\'s immigration unit told the committee that "the backlog will be gone by June".',
      '',
      'Alan Pike of the Police Federation said his members were "tired of being blamed for every failure".',
    ].join('\n');
    const entities = [
      entity('Ruth Mellor', text, ['Ruth Mellor']),
      entity('Alan Pike', text, ['Alan Pike']),
      organisation('Home Office', text),
      organisation('Police Federation', text),
    ];
    expect(speakers(text, entities).map((s) => s[1])).toEqual(['Ruth Mellor', 'Alan Pike']);
  });
});

describe("speakers an organisation's relative clause names", () => {
  it('gives "X (X2), which has attacked the plan as "…"" to X', () => {
    const text =
      'The bill faces a challenge from the Countryside Alliance (CA), which has attacked the ban as "an illiberal piece of legislation".';
    const alliance = organisation('Countryside Alliance', text, ['Countryside Alliance', 'CA']);
    expect(speakers(text, [alliance])[0]![1]).toBe('Countryside Alliance');
  });
});

describe('speech verbs in the present of feature writing', () => {
  it('reads "he concedes", "she admits" and "he reckons", and carries them on', () => {
    const text = [
      'Mr Prater predicts the festival will soon rival Cannes. "It has grown awfully fast," he concedes. "Maybe too fast."',
      '',
      'Ms Ray is less sure. "We still lose money every year," she admits.',
      '',
      'Mr Prater is unmoved. "Give it five years," he reckons.',
    ].join('\n');
    const entities = [
      entity('Craig Prater', text, ['Mr Prater'], { gender: 'male' }),
      entity('Anna Ray', text, ['Ms Ray'], { gender: 'female' }),
    ];
    expect(speakers(text, entities).map((s) => s[1])).toEqual([
      'Craig Prater',
      'Craig Prater',
      'Anna Ray',
      'Craig Prater',
    ]);
  });

  it('does not take a noun such as "the latest claims" for the verb of a sentence', () => {
    const text =
      'A Treasury spokesperson dismissed the latest claims, saying it was "on track to meet the golden rule".';
    expect(speakers(text, [organisation('Treasury', text)])[0]![1]).toBe('Treasury');
  });
});

describe('quotes that go on into a new quote mark', () => {
  it('gives a quote never closed before a fresh opening mark the speaker of the quote it runs into', () => {
    const text =
      'The band get on well. "We are like any people who get very close. Sometimes we argue. "Nobody else does it for me," Mr Dunn said.';
    const entities = [entity('Ray Dunn', text, ['Mr Dunn'], { gender: 'male' })];
    expect(speakers(text, entities).map((s) => s[1])).toEqual(['Ray Dunn', 'Ray Dunn']);
  });
});

describe("a person's statement", () => {
  it('gives "Mr X\'s statement said" to X, but not "Mr X\'s spokesman said"', () => {
    const text = [
      '"I apologise to everyone my schemes have hurt," Mr Tanzi\'s statement said.',
      '',
      '"He will not comment further," Mr Tanzi\'s spokesman said.',
    ].join('\n');
    const entities = [entity('Calisto Tanzi', text, ['Mr Tanzi'], { gender: 'male' })];
    expect(speakers(text, entities).map((s) => s[1])).toEqual(['Calisto Tanzi', null]);
  });
});

describe('speakers of sports reporting named by nationality', () => {
  it('gives "the Swede added" and "said the New Zealander" to the one the text is about, not to a name taken for a firm', () => {
    const text = [
      'England coach Sven-Goran Eriksson said Wayne Rooney was "the best young player in the world". "He can only get better," the Swede added.',
      '',
      'Peter Jackson spoke in Sydney. "It will take a lot of lawyers in a room," said the New Zealander.',
    ].join('\n');
    const entities = [
      entity('Sven-Goran Eriksson', text, ['Sven-Goran Eriksson'], { role: 'England coach' }),
      entity('Wayne Rooney', text, ['Wayne Rooney'], { gender: 'male' }),
      entity('Peter Jackson', text, ['Peter Jackson'], { gender: 'male' }),
      organisation('New Zealander', text),
    ];
    expect(speakers(text, entities).map((s) => s[1])).toEqual([
      'Sven-Goran Eriksson',
      'Sven-Goran Eriksson',
      'Peter Jackson',
    ]);
  });
});

describe('attributions in the perfect, as news leads write them', () => {
  it('reads "has said" after a pronoun, a description and an organisation in brackets', () => {
    const text = [
      'Tory leader Michael Howard has attacked the plans. Identity cards are "an expensive gimmick that will not work", he has said.',
      '',
      'The scheme will be "a costly mistake for taxpayers", the Tory leader has also said.',
      '',
      'But "sustained and deep reform efforts" are needed, the International Monetary Fund (IMF) has said.',
    ].join('\n');
    const entities = [
      entity('Michael Howard', text, ['Michael Howard'], { role: 'Tory leader', gender: 'male' }),
      organisation('International Monetary Fund', text, ['International Monetary Fund', 'IMF']),
    ];
    expect(speakers(text, entities).map((s) => s[1])).toEqual([
      'Michael Howard',
      'Michael Howard',
      'International Monetary Fund',
    ]);
  });
});

describe('quotes carried into the next paragraph', () => {
  it('carries the speaker of a partial quote that ends its paragraph to a quote that opens the next', () => {
    const text = [
      'Mr Kapur told the BBC the band were tired of "serious bands that avoid any tune".',
      '',
      '"We want people to go home humming the songs we were singing."',
    ].join('\n');
    const entities = [entity('Alex Kapur', text, ['Mr Kapur'], { gender: 'male' })];
    expect(speakers(text, entities).map((s) => s[1])).toEqual(['Alex Kapur', 'Alex Kapur']);
  });
});

describe('descriptions of award winners', () => {
  it('reads "added the two-time Academy Award winner" as the person the story is about', () => {
    const text =
      'Tom Hanks greeted fans in London. "Christmas is a special time of the year," added the two-time Academy Award winner.';
    expect(speakers(text, [entity('Tom Hanks', text, ['Tom Hanks'])])[0]![1]).toBe('Tom Hanks');
  });
});

describe('American style', () => {
  it('reads "Mr. Trump said", "said Gov. Kristi Noem" and "the U.S. commander" without ending the sentence at the stop', () => {
    const text = [
      '“The deal is done,” Mr. Trump said on Oct. 21. “We had a lot of things going on.”',
      '',
      '“We are on it,” said Gov. Kristi Noem. “It is working.”',
      '',
      'Sean Robertson, the U.S. commander, said: “The camp is open to anyone who wants to leave.”',
    ].join('\n');
    const entities = [
      entity('Donald Trump', text, ['Trump'], { gender: 'male' }),
      entity('Kristi Noem', text, ['Kristi Noem'], { gender: 'female' }),
      entity('Sean Robertson', text, ['Sean Robertson'], { gender: 'male' }),
    ];
    expect(speakers(text, entities).map((s) => s[1])).toEqual([
      'Donald Trump',
      'Donald Trump',
      'Kristi Noem',
      'Kristi Noem',
      'Sean Robertson',
    ]);
  });
});

describe('names that are not the subject', () => {
  it('leaves out names in a relative clause before the verb', () => {
    const text = [
      'Liam Neeson visited the theatre on Friday.',
      '',
      'The Oscar-nominated actor, whose films include Michael Collins and The Phantom Menace, said: "The theatre gave me my start."',
    ].join('\n');
    const entities = [
      entity('Liam Neeson', text, ['Liam Neeson'], { gender: 'male' }),
      entity('Michael Collins', text, ['Michael Collins']),
      organisation('Phantom Menace', text),
    ];
    expect(speakers(text, entities).map((s) => s[1])).toEqual(['Liam Neeson']);
  });
});
