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
