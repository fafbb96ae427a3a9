import { describe, expect, it } from 'vitest';
import { CITY_CODES_BY_RANK, CITY_ROWS } from '../../testing/rankings.fixture';
import { nextSort, sortRankingRows } from './ranking-sort';

const codes = (rows: { agencyCode: string }[]) => rows.map((r) => r.agencyCode);

describe('sortRankingRows', () => {
  it('keeps the API order by default: rank, ties by code, unreported last', () => {
    const shuffled = [...CITY_ROWS].reverse();
    expect(codes(sortRankingRows(shuffled))).toEqual(CITY_CODES_BY_RANK);
  });

  it('keeps unreported rows at the bottom in both directions', () => {
    const desc = sortRankingRows(CITY_ROWS, { key: 'rank', order: 'desc' });
    expect(codes(desc)).toEqual([
      '330600',
      '330500',
      '330400',
      '330200',
      '330300',
      '330100',
      '330700',
    ]);
    const byScoreAsc = sortRankingRows(CITY_ROWS, { key: 'score', order: 'asc' });
    expect(byScoreAsc.at(-1)?.agencyCode).toBe('330700');
    expect(byScoreAsc[0]?.agencyCode).toBe('330600');
  });

  it('sorts rank changes with "none" last either way', () => {
    const desc = sortRankingRows(CITY_ROWS, { key: 'rankChange', order: 'desc' });
    expect(codes(desc).slice(0, 6).join(' ')).toBe('330100 330600 330300 330200 330500 330400');
    const asc = sortRankingRows(CITY_ROWS, { key: 'rankChange', order: 'asc' });
    expect(codes(asc).slice(0, 6).join(' ')).toBe('330500 330200 330300 330600 330100 330400');
  });

  it('sorts by an indicator rate', () => {
    const rows = CITY_ROWS.slice(0, 3).map((row, i) => ({
      ...row,
      indicators: {
        ...row.indicators,
        satisfaction: { numerator: i, denominator: 10, rate: i / 10, score: 0 },
      },
    }));
    expect(codes(sortRankingRows(rows, { key: 'indicator:satisfaction', order: 'desc' }))).toEqual([
      '330300',
      '330200',
      '330100',
    ]);
  });

  it('sorts names in Chinese collation', () => {
    const asc = sortRankingRows(CITY_ROWS.slice(0, 3), { key: 'name', order: 'asc' });
    expect(asc.map((r) => r.name)).toEqual(['杭州市', '宁波市', '温州市']);
  });

  it('does not change the input', () => {
    const input = [...CITY_ROWS];
    sortRankingRows(input, { key: 'score', order: 'asc' });
    expect(input).toEqual(CITY_ROWS);
  });
});

describe('nextSort', () => {
  it('flips the active column and starts others in their natural order', () => {
    expect(nextSort({ key: 'rank', order: 'asc' }, 'rank')).toEqual({ key: 'rank', order: 'desc' });
    expect(nextSort({ key: 'rank', order: 'asc' }, 'score')).toEqual({
      key: 'score',
      order: 'desc',
    });
    expect(nextSort({ key: 'score', order: 'desc' }, 'name')).toEqual({
      key: 'name',
      order: 'asc',
    });
  });
});
