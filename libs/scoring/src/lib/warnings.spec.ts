import { type MonthStanding, warningsOf, type WarningThresholds } from './warnings';

const THRESHOLDS: WarningThresholds = { failMonths: 2, lastMonths: 2, belowFloorMonths: 3, improvingMonths: 3 };

function standing(period: string, agencyCode: string, overrides: Partial<MonthStanding> = {}): MonthStanding {
  return {
    period,
    agencyCode,
    grade: 'good',
    rankInParent: 1,
    rankedInParent: 3,
    rankChange: 0,
    belowFloor: [],
    ...overrides,
  };
}

describe('warningsOf', () => {
  it('warns an agency graded fail the set number of months running, from the first of them', () => {
    const standings = [
      standing('2026-07', '330102', { grade: 'pass' }),
      standing('2026-08', '330102', { grade: 'fail' }),
      standing('2026-09', '330102', { grade: 'fail' }),
      standing('2026-10', '330102', { grade: 'fail' }),
    ];
    expect(warningsOf('2026-10', standings, THRESHOLDS)).toEqual([
      { agencyCode: '330102', rule: 'fail_streak', indicatorCode: null, months: 3, since: '2026-08' },
    ]);
    expect(warningsOf('2026-08', standings, THRESHOLDS)).toEqual([]);
  });

  it('ends a run at a month with no published result, however the months around it went', () => {
    const standings = [
      standing('2026-07', '330102', { grade: 'fail' }),
      // August was never published.
      standing('2026-09', '330102', { grade: 'fail' }),
    ];
    expect(warningsOf('2026-09', standings, THRESHOLDS)).toEqual([]);
    // The run picks up again once two months follow each other.
    expect(
      warningsOf('2026-10', [...standings, standing('2026-10', '330102', { grade: 'fail' })], THRESHOLDS),
    ).toEqual([{ agencyCode: '330102', rule: 'fail_streak', indicatorCode: null, months: 2, since: '2026-09' }]);
  });

  it('counts a run across the turn of the year', () => {
    const standings = [
      standing('2026-12', '330102', { grade: 'fail' }),
      standing('2027-01', '330102', { grade: 'fail' }),
    ];
    expect(warningsOf('2027-01', standings, THRESHOLDS)).toMatchObject([{ months: 2, since: '2026-12' }]);
  });

  it('warns the last within its parent, but never an agency alone under its parent', () => {
    const standings = [
      standing('2026-09', '330102', { rankInParent: 3, rankedInParent: 3 }),
      standing('2026-10', '330102', { rankInParent: 4, rankedInParent: 4 }),
      standing('2026-09', '330300', { rankInParent: 1, rankedInParent: 1 }),
      standing('2026-10', '330300', { rankInParent: 1, rankedInParent: 1 }),
      // Not reported: no rank, so not last either.
      standing('2026-09', '330104', { grade: null, rankInParent: null, rankedInParent: 3 }),
      standing('2026-10', '330104', { grade: null, rankInParent: null, rankedInParent: 4 }),
    ];
    expect(warningsOf('2026-10', standings, THRESHOLDS)).toEqual([
      { agencyCode: '330102', rule: 'last_in_parent_streak', indicatorCode: null, months: 2, since: '2026-09' },
    ]);
  });

  it('warns per indicator at or below its floor, each with its own run', () => {
    const standings = [
      standing('2026-08', '330102', { belowFloor: ['satisfaction', 'collection'] }),
      standing('2026-09', '330102', { belowFloor: ['satisfaction'] }),
      standing('2026-10', '330102', { belowFloor: ['satisfaction', 'collection'] }),
    ];
    expect(warningsOf('2026-10', standings, THRESHOLDS)).toEqual([
      { agencyCode: '330102', rule: 'below_floor_streak', indicatorCode: 'satisfaction', months: 3, since: '2026-08' },
    ]);
  });

  it('marks an agency that moved up the set number of months running as improving', () => {
    const standings = [
      standing('2026-07', '330102', { rankChange: -1 }),
      standing('2026-08', '330102', { rankChange: 2 }),
      standing('2026-09', '330102', { rankChange: 1 }),
      standing('2026-10', '330102', { rankChange: 3 }),
      standing('2026-08', '330104', { rankChange: 1 }),
      standing('2026-09', '330104', { rankChange: 0 }),
      standing('2026-10', '330104', { rankChange: 1 }),
    ];
    expect(warningsOf('2026-10', standings, THRESHOLDS)).toEqual([
      { agencyCode: '330102', rule: 'improving_streak', indicatorCode: null, months: 3, since: '2026-08' },
    ]);
  });

  it('answers only agencies with a result in the month asked about, in code order', () => {
    const standings = [
      standing('2026-09', '330104', { grade: 'fail' }),
      standing('2026-10', '330104', { grade: 'fail' }),
      standing('2026-09', '330102', { grade: 'fail' }),
      standing('2026-10', '330102', { grade: 'fail' }),
      standing('2026-09', '330106', { grade: 'fail' }),
    ];
    expect(warningsOf('2026-10', standings, THRESHOLDS).map((warning) => warning.agencyCode)).toEqual([
      '330102',
      '330104',
    ]);
  });
});
