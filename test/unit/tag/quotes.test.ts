import { describe, expect, it } from 'vitest';
import { findQuotes, isScareQuote } from '../../../shared/tag/quotes';
import { entity, speakers } from './quote-fixtures';

describe('findQuotes', () => {
  it('finds curly and straight quotes, and a quote left open until the paragraph ends', () => {
    const text =
      'He said “we will see what happens” and “it is fine by me,” and “we are done here.”\n\n“An open quote runs on\n\nNext paragraph.';
    expect(findQuotes(text).map((q) => q.text)).toEqual([
      'we will see what happens',
      'it is fine by me,',
      'we are done here.',
      'An open quote runs on',
    ]);
    for (const q of findQuotes(text)) expect(text.slice(q.start, q.end)).toBe(q.text);
  });

  it('reads a straight mark before a word as opening, even while a quote is open', () => {
    const text =
      '"Exports slowed," said Hiromichi Shirakawa. "Consumption looks good, but it was temporary. "The amber light is flashing." Markets fell.';
    expect(findQuotes(text).map((q) => q.text)).toEqual([
      'Exports slowed,',
      'Consumption looks good, but it was temporary.',
      'The amber light is flashing.',
    ]);
  });

  it('drops scare quotes of one to three words, but keeps short speech', () => {
    const text =
      'The firm called it a "wardrobe malfunction" and "the noble savage". "No comment," she said.';
    expect(findQuotes(text).map((q) => q.text)).toEqual(['No comment,']);
    expect(isScareQuote('cut')).toBe(true);
    expect(isScareQuote('We won.')).toBe(false);
    expect(isScareQuote('four words in here')).toBe(false);
  });

  it("drops a short quote closed on the sentence's own comma or stop, as American style writes it", () => {
    const text =
      'He called the loss his “worst nightmare.” She starred in “Fargo,” which won. “We won,” he said. He told reporters: “We won.” Mr Sullivan “made the decisions,” he told the court.';
    expect(findQuotes(text).map((q) => q.text)).toEqual(['We won,', 'We won.', 'made the decisions,']);
  });
});

describe('attributeQuotes', () => {
  it('names the speaker after, before, behind a pronoun, and through a continuation', () => {
    const text = [
      '“We are ready,” Mara Lind said on Friday. “The talks will go on.”',
      '',
      'Tomas Berg told reporters “the plan is fair and final” before leaving.',
      '',
      '“It will take time,” he said, adding that talks with Lind would go on, “but not for ever.”',
      '',
      '“Nobody knows,” said Lind.',
      '',
      'Lind later criticised the plan, calling it “a gamble”.',
    ].join('\n');
    const entities = [
      entity('Mara Lind', text, ['Mara Lind', 'Lind']),
      entity('Tomas Berg', text, ['Tomas Berg']),
    ];
    expect(speakers(text, entities)).toEqual([
      ['We are ready,', 'Mara Lind'],
      ['The talks will go on.', 'Mara Lind'],
      ['the plan is fair and final', 'Tomas Berg'],
      ['It will take time,', 'Tomas Berg'],
      ['but not for ever.', 'Tomas Berg'],
      ['Nobody knows,', 'Mara Lind'],
    ]);
  });

  it('never credits a quote to a name inside it', () => {
    const text =
      '“This election is between Tony Blair, Michael Howard and myself,” Charles Kennedy said on Monday.';
    const entities = [
      entity('Tony Blair', text, ['Tony Blair']),
      entity('Michael Howard', text, ['Michael Howard']),
      entity('Charles Kennedy', text, ['Charles Kennedy']),
    ];
    expect(speakers(text, entities)).toEqual([
      ['This election is between Tony Blair, Michael Howard and myself,', 'Charles Kennedy'],
    ]);
  });

  it('gives "she said" to the woman and "he declared" to the man who last spoke', () => {
    const text = [
      'Gordon Brown met Hillary Clinton in London. Mrs Clinton said the talks went well.',
      '',
      '"We agreed on debt relief for Africa," she said.',
      '',
      'Michael Howard, the Tory leader, was unimpressed. He declared: "This is a summit of words."',
    ].join('\n');
    const entities = [
      entity('Gordon Brown', text, ['Gordon Brown'], { gender: 'male' }),
      entity('Hillary Clinton', text, ['Hillary Clinton', 'Clinton'], { gender: 'female' }),
      entity('Michael Howard', text, ['Michael Howard'], { gender: 'male' }),
    ];
    expect(speakers(text, entities)).toEqual([
      ['We agreed on debt relief for Africa,', 'Hillary Clinton'],
      ['This is a summit of words.', 'Michael Howard'],
    ]);
  });

  it('resolves "the Tory leader said" through the description resolution attached to the person', () => {
    const text =
      'Tory leader Michael Howard spoke in Leeds. "Taxes will fall under us," the Tory leader said.';
    const at = text.indexOf('Tory leader said');
    const howard = entity('Michael Howard', text, ['Michael Howard']);
    howard.mentions.push({ text: 'Tory leader', start: at, end: at + 'Tory leader'.length });
    expect(speakers(text, [howard])).toEqual([['Taxes will fall under us,', 'Michael Howard']]);
  });

  it('leaves a quote unattributed when no person is the subject of the verb', () => {
    const text =
      'While Bruce Willis does not seek damages, the lawsuit noted that the star "was required to employ physicians".';
    expect(speakers(text, [entity('Bruce Willis', text, ['Bruce Willis'])])).toEqual([
      ['was required to employ physicians', null],
    ]);
  });

  it('gives a quote to an organisation that speaks right at the verb', () => {
    const text = 'Nestle shares fell. "The option of selling Perrier is on the table," Nestle said.';
    const nestle = entity('Nestle', text, ['Nestle'], {}, 'ORGANIZATION');
    expect(speakers(text, [nestle])).toEqual([['The option of selling Perrier is on the table,', 'Nestle']]);
  });

  it('takes the speaker of the sentence before a quote that opens with no attribution of its own', () => {
    const text = [
      'Mr Cartagena said the industry expects to see investment worth $10bn.',
      '',
      '"With these investments, clearly we are going to continue being the principal actor."',
    ].join('\n');
    const cartagena = entity('Patricio Cartagena', text, ['Cartagena']);
    expect(speakers(text, [cartagena])[0]![1]).toBe('Patricio Cartagena');
  });

  it('carries an attribution back to a quote left open at the end of the paragraph before', () => {
    const text = [
      'Conti has a bewildering array of props. "There is a big script and video monitors to watch.',
      '',
      '"I have to communicate with the director," he explains.',
    ].join('\n');
    const conti = entity('Bill Conti', text, ['Conti'], { gender: 'male' });
    expect(speakers(text, [conti]).map((s) => s[1])).toEqual(['Bill Conti', 'Bill Conti']);
  });

  it('does not carry a speaker over someone else who speaks in between, named or not', () => {
    const text =
      'The Muslim Council of Britain said in a statement: "We are greatly concerned by this series." ' +
      'But Sky denied it. A spokesperson said: "Sky listened to the concerns raised by the council."';
    const council = entity(
      'Muslim Council of Britain',
      text,
      ['Muslim Council of Britain'],
      {},
      'ORGANIZATION',
    );
    expect(speakers(text, [council]).map((s) => s[1])).toEqual(['Muslim Council of Britain', null]);
  });
});
