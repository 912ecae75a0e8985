import { describe, expect, it } from 'vitest';
import {
  addressedBySurname,
  type Candidate,
  decideLink,
  titlesOf,
  touches,
} from '../../../shared/store/entity-linking';
import { counterRanges } from '../../../shared/store/reads/trend-reads';

const tony: Candidate = {
  id: 'per-tony-blair',
  name: 'Tony Blair',
  gender: 'male',
  titles: ['prime minister'],
  coEntities: ['org-labour-party', 'per-gordon-brown', 'loc-london'],
  months: ['2005-03'],
};
const cherie: Candidate = {
  id: 'per-cherie-blair',
  name: 'Cherie Blair',
  gender: 'female',
  titles: [],
  coEntities: ['org-labour-party', 'per-gordon-brown'],
  months: [],
};
const euan: Candidate = {
  id: 'per-euan-blair',
  name: 'Euan Blair',
  titles: [],
  coEntities: ['org-oxford-university', 'per-john-smith'],
  months: ['2019-01'],
};
const mr = {
  name: 'Blair',
  gender: 'male' as const,
  coEntities: ['org-labour-party', 'per-gordon-brown'],
  month: '2005-04',
};

describe('decideLink', () => {
  it('links to the only candidate of a compatible gender, whatever the order of candidates', () => {
    expect(decideLink(mr, [cherie, tony]).target).toBe('per-tony-blair');
    expect(decideLink(mr, [tony, cherie]).target).toBe('per-tony-blair');
    expect(decideLink({ ...mr, gender: 'female' }, [tony, cherie]).target).toBe('per-cherie-blair');
  });

  it('needs two pieces of evidence: one shared person or organisation is not enough', () => {
    // "Dr Arnold", a headmaster in a TV drama, and the director Andrea Arnold were both in an awards story.
    const andrea: Candidate = {
      id: 'per-andrea-arnold',
      name: 'Andrea Arnold',
      titles: [],
      coEntities: ['per-imelda-staunton', 'loc-united-kingdom'],
      months: [],
    };
    const drArnold = {
      name: 'Arnold',
      titles: ['dr'],
      coEntities: ['per-imelda-staunton'],
      month: '2005-01',
    };
    const decision = decideLink(drArnold, [andrea]);
    expect(decision.target).toBeUndefined();
    expect(decision.reason).toBe(
      'too little evidence that Arnold is Andrea Arnold (1 co-mentioned (per-imelda-staunton), score 1): a link needs 1.5',
    );
    expect(
      decideLink({ ...drArnold, coEntities: ['per-imelda-staunton', 'loc-united-kingdom'] }, [andrea]).target,
    ).toBeUndefined();
    expect(decideLink({ ...mr, coEntities: ['org-labour-party'] }, [tony]).target).toBeUndefined();
  });

  it('never links on places and nationalities alone, however many', () => {
    const robbie: Candidate = {
      id: 'per-robbie-williams',
      name: 'Robbie Williams',
      titles: [],
      coEntities: ['loc-united-states', 'misc-european', 'loc-london', 'misc-british', 'loc-france'],
      months: [],
    };
    const decision = decideLink(
      { name: 'Williams', coEntities: robbie.coEntities, month: '2005-01', titles: [] },
      [robbie],
    );
    expect(decision.target).toBeUndefined();
  });

  it('takes the title a candidate is written with elsewhere as evidence: "President Bush" is not Kate Bush', () => {
    const george: Candidate = {
      id: 'per-george-w-bush',
      name: 'George W Bush',
      titles: ['president'],
      coEntities: ['loc-united-states', 'org-congress'],
      months: [],
    };
    const kate: Candidate = {
      id: 'per-kate-bush',
      name: 'Kate Bush',
      titles: [],
      coEntities: ['loc-united-states', 'loc-united-kingdom'],
      months: [],
    };
    const president = {
      name: 'Bush',
      titles: ['president'],
      coEntities: ['loc-united-states'],
      month: '2005-01',
    };
    const decision = decideLink(president, [kate, george]);
    expect(decision.target).toBe('per-george-w-bush');
    expect(decision.reason).toContain('the title "president"');
    // The same article writing only "Mr Bush" has nothing to tell the two apart.
    expect(decideLink({ ...president, titles: [] }, [kate, george]).target).toBeUndefined();
  });

  it('stays apart with a reason when nobody or only the other gender has the surname', () => {
    expect(decideLink(mr, [])).toEqual({
      reason: 'no full-name person named Blair in the archive',
      candidates: [],
    });
    const cherieOnly = decideLink(mr, [cherie]);
    expect(cherieOnly.target).toBeUndefined();
    expect(cherieOnly.reason).toBe('the full-name people named Blair are all of the other gender');
  });

  it('tells namesakes apart by a whole piece of evidence, then by time, and otherwise stays apart', () => {
    const both = [tony, euan];
    expect(decideLink(mr, both).target).toBe('per-tony-blair');
    expect(decideLink({ ...mr, coEntities: ['org-oxford-university', 'per-john-smith'] }, both).target).toBe(
      'per-euan-blair',
    );
    // One piece each: only time is left, and only Tony Blair appears within a year.
    const evenly = {
      ...mr,
      coEntities: ['org-labour-party', 'per-gordon-brown', 'org-oxford-university', 'per-john-smith'],
    };
    expect(decideLink(evenly, both).target).toBe('per-tony-blair');
    const ambiguous = decideLink({ ...evenly, month: '2012-01' }, both);
    expect(ambiguous.target).toBeUndefined();
    expect(ambiguous.reason).toMatch(/^ambiguous: /);
    expect(ambiguous).toMatchObject({ candidates: ['per-euan-blair', 'per-tony-blair'] });
  });
});

describe('titlesOf', () => {
  it('folds the titles before a name and leaves out Mr, Mrs and Ms', () => {
    expect(titlesOf([{ role: 'US President' }, { role: 'Mr' }, {}, { role: 'Professor' }])).toEqual([
      'president',
      'prof',
    ]);
    expect(titlesOf([{ role: 'Mrs' }, { role: 'chief executive' }])).toEqual([]);
    expect(titlesOf(undefined)).toEqual([]);
  });
});

describe('touches', () => {
  const evidence = { titles: ['president'], coEntities: ['org-congress'], month: '2005-03' };
  it("says which decisions a candidate's new evidence can change", () => {
    expect(touches(evidence, { coEntities: ['org-congress'], titles: [], months: [] })).toBe(true);
    expect(touches(evidence, { coEntities: [], titles: ['president'], months: [] })).toBe(true);
    expect(touches(evidence, { coEntities: [], titles: [], months: ['2005-10'] })).toBe(true);
    expect(touches(evidence, { coEntities: ['org-bbc'], titles: ['dr'], months: ['2010-01'] })).toBe(false);
  });
});

describe('addressedBySurname', () => {
  it('takes Mr, Mrs, Dr and office titles as evidence of a surname, not a bare name, Sir or Dame', () => {
    expect(addressedBySurname([{ role: 'Mr' }])).toBe(true);
    expect(addressedBySurname([{}, { role: 'Mrs.' }])).toBe(true);
    expect(addressedBySurname([{ role: 'US President' }])).toBe(true);
    expect(addressedBySurname([{ role: 'Prime Minister' }])).toBe(true);
    expect(addressedBySurname([{}])).toBe(false);
    expect(addressedBySurname(undefined)).toBe(false);
    expect(addressedBySurname([{ role: 'Sir' }, { role: 'Dame' }])).toBe(false);
    expect(addressedBySurname([{ role: 'Captain' }])).toBe(false);
  });
});

describe('counterRanges', () => {
  it('reads whole months from the yearly rollup and part months from the day partitions', () => {
    const ranges = counterRanges('2024-12-20T00:00:00.000Z', '2025-12-31T23:59:59.999Z').map((r) => [
      r.partitions,
      r.from,
      r.to,
    ]);
    expect(ranges).toEqual([
      [['TRENDD#2024-12#0', 'TRENDD#2024-12#1', 'TRENDD#2024-12#2', 'TRENDD#2024-12#3'], '20#', '31#~'],
      [['TRENDM#2025'], '01#', '12#~'],
    ]);
  });

  it('keeps a week to the one or two day partitions it touches', () => {
    expect(
      counterRanges('2025-03-29T00:00:00Z', '2025-04-04T12:00:00Z').map((r) => [
        r.partitions[1],
        r.from,
        r.to,
      ]),
    ).toEqual([
      ['TRENDD#2025-03#1', '29#', '31#~'],
      ['TRENDD#2025-04#1', '01#', '04#~'],
    ]);
    expect(counterRanges('2025-02-01', '2025-02-28T10:00:00Z').map((r) => r.partitions)).toEqual([
      ['TRENDM#2025'],
    ]);
  });
});
