import { describe, expect, it } from 'vitest';
import { entity, speakers } from './quote-fixtures';

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
