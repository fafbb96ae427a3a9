import type { PeriodDto } from '@scorecard/contracts';
import { describe, expect, it } from 'vitest';
import { honourYears, queryYear } from './honour-years';

const month = (period: string, publishedVersion: number) => ({ period, publishedVersion }) as PeriodDto;

describe('honourYears', () => {
  it('offers the years with a published month, newest first', () => {
    expect(honourYears([month('2025-12', 1), month('2026-09', 2), month('2026-10', 0), month('2027-01', 0)])).toEqual([
      2026, 2025,
    ]);
  });
});

describe('queryYear', () => {
  it('reads a four-digit year and nothing else', () => {
    expect([queryYear('2026'), queryYear(['2025']), queryYear('26'), queryYear('2026-Q1'), queryYear(undefined)]).toEqual([
      2026,
      2025,
      null,
      null,
      null,
    ]);
  });
});
