import { describe, expect, it } from 'vitest';
import { parseRankingQuery, toRankingQuery } from './ranking-filters';

describe('parseRankingQuery', () => {
  it('reads valid filters', () => {
    expect(
      parseRankingQuery({ period: '2026-09', level: 'county', scope: 'own', parent: '330100' }),
    ).toEqual({
      period: '2026-09',
      level: 'county',
      scope: 'own',
      parent: '330100',
      province: null,
    });
  });

  it('reads the provinces’ table and a province narrowing the country’s cities or counties', () => {
    expect(parseRankingQuery({ level: 'province', province: '330000' })).toMatchObject({
      level: 'province',
      province: null,
    });
    expect(parseRankingQuery({ level: 'county', province: '440000' })).toMatchObject({
      level: 'county',
      province: '440000',
    });
    expect(parseRankingQuery({ level: 'city', province: '44' }).province).toBeNull();
  });

  it('falls back to defaults for anything malformed', () => {
    expect(
      parseRankingQuery({ period: '2026-13', level: 'town', scope: 'x', parent: '33' }),
    ).toEqual({
      period: null,
      level: 'city',
      scope: 'aggregate',
      parent: null,
      province: null,
    });
  });

  it('reads a quarter, half-year or year, and refuses other forms', () => {
    expect(['2026-Q3', '2026-H1', '2026'].map((period) => parseRankingQuery({ period }).period)).toEqual([
      '2026-Q3',
      '2026-H1',
      '2026',
    ]);
    expect(['2026-Q5', '2026-H3', '26'].map((period) => parseRankingQuery({ period }).period)).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('ignores a parent for cities', () => {
    expect(parseRankingQuery({ level: 'city', parent: '330100' }).parent).toBeNull();
  });
});

describe('toRankingQuery', () => {
  it('round-trips and leaves defaults out', () => {
    const filters = {
      period: '2026-09',
      level: 'county',
      scope: 'aggregate',
      parent: '330200',
      province: '330000',
    } as const;
    expect(toRankingQuery(filters)).toEqual({
      period: '2026-09',
      level: 'county',
      parent: '330200',
      province: '330000',
    });
    expect(parseRankingQuery(toRankingQuery(filters))).toEqual(filters);
    const provinces = { ...filters, level: 'province', parent: null, province: null } as const;
    expect(toRankingQuery(provinces)).toEqual({ period: '2026-09', level: 'province' });
    expect(parseRankingQuery(toRankingQuery(provinces))).toEqual(provinces);
  });
});
