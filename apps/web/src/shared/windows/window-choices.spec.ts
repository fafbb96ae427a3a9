import type { PeriodDto } from '@scorecard/contracts';
import { describe, expect, it } from 'vitest';
import { isWindowPeriod, monthRuns, schemeMonthOf, windowChoices } from './window-choices';

const month = (period: string, publishedVersion: number): PeriodDto =>
  ({ period, status: publishedVersion > 0 ? 'published' : 'open', publishedVersion }) as PeriodDto;

const PERIODS = [
  month('2025-12', 1),
  month('2026-01', 1),
  month('2026-07', 1),
  month('2026-08', 2),
  month('2026-09', 1),
  month('2026-10', 0),
];

describe('windowChoices', () => {
  it('offers the quarters, half-years and years that have a published month, newest first', () => {
    const choices = windowChoices(PERIODS);
    expect(choices.quarter.map((c) => c.period)).toEqual(['2026-Q3', '2026-Q1', '2025-Q4']);
    expect(choices.half.map((c) => c.period)).toEqual(['2026-H2', '2026-H1', '2025-H2']);
    expect(choices.year.map((c) => c.period)).toEqual(['2026', '2025']);
    expect(choices.quarter[0]).toEqual({ kind: 'quarter', period: '2026-Q3', year: 2026, index: 3 });
  });

  it('offers no window whose months are all unpublished', () => {
    expect(windowChoices([month('2026-10', 0)]).quarter).toEqual([]);
  });
});

describe('schemeMonthOf', () => {
  it('reads a window with its last published month, a month with itself', () => {
    expect(schemeMonthOf('2026-H2', PERIODS)).toBe('2026-09');
    expect(schemeMonthOf('2026', PERIODS)).toBe('2026-09');
    expect(schemeMonthOf('2026-10', PERIODS)).toBe('2026-10');
    expect(schemeMonthOf('2027-Q1', PERIODS)).toBe('2027-03');
  });
});

describe('isWindowPeriod and monthRuns', () => {
  it('tells windows from months', () => {
    expect(['2026-Q3', '2026-H1', '2026'].map(isWindowPeriod)).toEqual([true, true, true]);
    expect(['2026-09', null, '2026-Q5'].map(isWindowPeriod)).toEqual([false, false, false]);
  });

  it('groups consecutive months', () => {
    expect(monthRuns(['2026-07', '2026-08', '2026-09', '2026-11'])).toEqual([
      [7, 9],
      [11, 11],
    ]);
    expect(monthRuns([])).toEqual([]);
  });
});
