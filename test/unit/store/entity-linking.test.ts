import { describe, expect, it } from 'vitest';
import { addressedBySurname, type Candidate, decideLink } from '../../../shared/store/entity-linking';
import { counterRanges } from '../../../shared/store/reads/trend-reads';

const tony: Candidate = {
  id: 'per-tony-blair',
  name: 'Tony Blair',
  gender: 'male',
  coEntities: ['org-labour-party', 'loc-london'],
  months: ['2005-03'],
};
const cherie: Candidate = {
  id: 'per-cherie-blair',
  name: 'Cherie Blair',
  gender: 'female',
  coEntities: ['org-labour-party'],
  months: [],
};
const euan: Candidate = {
  id: 'per-euan-blair',
  name: 'Euan Blair',
  coEntities: ['org-oxford-university'],
  months: ['2019-01'],
};
const mr = { name: 'Blair', gender: 'male' as const, coEntities: ['org-labour-party'], month: '2005-04' };

describe('decideLink', () => {
  it('links to the only candidate of a compatible gender, whatever the order of candidates', () => {
    expect(decideLink(mr, [cherie, tony]).target).toBe('per-tony-blair');
    expect(decideLink(mr, [tony, cherie]).target).toBe('per-tony-blair');
    expect(decideLink({ ...mr, gender: 'female' }, [tony, cherie]).target).toBe('per-cherie-blair');
  });

  it('keeps apart from the only namesake an article that shares no co-mentioned entity with him', () => {
    const stranger = decideLink({ ...mr, coEntities: ['org-bbc-two'] }, [tony]);
    expect(stranger.target).toBeUndefined();
    expect(stranger.reason).toBe(
      'Tony Blair is the only full-name person named Blair, but shares no co-mentioned entity with this article',
    );
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

  it('tells namesakes apart by shared company, then by time, and otherwise stays apart', () => {
    const both = [tony, euan];
    expect(decideLink({ ...mr, coEntities: ['org-labour-party'] }, both).target).toBe('per-tony-blair');
    expect(decideLink({ ...mr, coEntities: ['org-oxford-university'] }, both).target).toBe('per-euan-blair');
    expect(decideLink({ ...mr, coEntities: [] }, both).target).toBe('per-tony-blair');
    const ambiguous = decideLink({ ...mr, coEntities: [], month: '2012-01' }, both);
    expect(ambiguous).toEqual({
      reason: 'ambiguous: Euan Blair, Tony Blair are all named Blair',
      candidates: ['per-euan-blair', 'per-tony-blair'],
    });
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
