import { describe, expect, it } from 'vitest';
import { PERIODS } from '../testing/rankings.fixture';
import { defaultPeriod, newestPeriod, periodYear, queryAgencyCode, queryPeriod } from './period';

describe('defaultPeriod', () => {
  it('picks the newest published month', () => {
    expect(defaultPeriod(PERIODS)).toBe('2026-09');
    expect(defaultPeriod([...PERIODS].reverse())).toBe('2026-09');
  });

  it('falls back to the newest month, or none', () => {
    expect(defaultPeriod(PERIODS.filter((p) => p.status === 'open'))).toBe('2026-10');
    expect(defaultPeriod([])).toBeNull();
  });

  it('gives the scheme year', () => {
    expect(periodYear('2026-09')).toBe(2026);
  });
});

describe('newestPeriod', () => {
  it('picks the newest month whatever its status', () => {
    expect(newestPeriod(PERIODS)).toBe('2026-10');
    expect(newestPeriod([])).toBeNull();
  });
});

describe('queryPeriod and queryAgencyCode', () => {
  it('read a month and an agency code from the address, ignoring anything malformed', () => {
    expect(queryPeriod('2026-09')).toBe('2026-09');
    expect(queryPeriod(['2026-10', '2026-09'])).toBe('2026-10');
    expect(queryPeriod('2026-13')).toBeNull();
    expect(queryPeriod(undefined)).toBeNull();
    expect(queryAgencyCode('330102')).toBe('330102');
    expect(queryAgencyCode('33010')).toBeNull();
  });
});
