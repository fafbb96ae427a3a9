import { describe, expect, it } from 'vitest';
import { CITY_ROWS } from '../../testing/rankings.fixture';
import { limitRows, ratioOfSums, searchRows } from './league-view';
import { parseOverviewQuery, toOverviewQuery } from './overview-filters';

describe('searchRows', () => {
  it('matches names and codes', () => {
    expect(searchRows(CITY_ROWS, '杭州').map((r) => r.agencyCode)).toEqual(['330100']);
    expect(searchRows(CITY_ROWS, '3303').map((r) => r.name)).toEqual(['温州市']);
    expect(searchRows(CITY_ROWS, '  ')).toHaveLength(CITY_ROWS.length);
  });
});

describe('limitRows', () => {
  it('keeps ties at the edge of the top N and leaves out the unreported', () => {
    expect(limitRows(CITY_ROWS, 'top', 2).map((r) => r.agencyCode)).toEqual([
      '330100',
      '330200',
      '330300',
    ]);
    expect(limitRows(CITY_ROWS, 'bottom', 2).map((r) => r.agencyCode)).toEqual([
      '330500',
      '330600',
    ]);
    expect(limitRows(CITY_ROWS, 'all', 2)).toHaveLength(7);
    expect(limitRows(CITY_ROWS, 'top', 50)).toHaveLength(6);
  });
});

describe('ratioOfSums', () => {
  it('sums numerators and denominators over reported rows', () => {
    const rate = ratioOfSums(CITY_ROWS, 'satisfaction');
    expect(rate).toBeCloseTo(7624 / 8682, 12);
    expect(ratioOfSums(CITY_ROWS, 'annual_inspection')).toBeNull();
  });
});

describe('overview query', () => {
  it('round-trips and drills into a city', () => {
    const filters = parseOverviewQuery({
      period: '2026-09',
      parent: '330100',
      show: 'top',
      n: '5',
    });
    expect(filters).toMatchObject({ level: 'county', parent: '330100', show: 'top', n: 5 });
    expect(toOverviewQuery(filters)).toEqual({
      period: '2026-09',
      level: 'county',
      parent: '330100',
      show: 'top',
      n: '5',
    });
    expect(parseOverviewQuery({ period: '2026-13', n: '7', scope: 'own' })).toMatchObject({
      period: null,
      n: 10,
      scope: 'own',
      level: 'city',
    });
  });
});
