import { describe, expect, it } from 'vitest';
import { CITY_ROWS } from '../../testing/rankings.fixture';
import { summarizeBulletin } from './bulletin-summary';

describe('summarizeBulletin', () => {
  const counties = CITY_ROWS.map((row) => ({ ...row, level: 'county' as const }));
  const summary = summarizeBulletin({ cityRows: CITY_ROWS, countyRows: counties, n: 2 });

  it('counts the reported, lists the unreported and the grades', () => {
    expect(summary.reportedCities).toBe(6);
    expect(summary.reportedCounties).toBe(6);
    expect(summary.unreported.map((r) => r.name)).toEqual(['金华市', '金华市']);
    expect(summary.gradeCounts).toEqual([
      { grade: 'excellent', count: 1 },
      { grade: 'good', count: 2 },
      { grade: 'pass', count: 1 },
      { grade: 'basic', count: 1 },
      { grade: 'fail', count: 1 },
    ]);
  });

  it('names the top, the bottom (worst first) and the most improved', () => {
    expect(summary.top.map((r) => r.name)).toEqual(['杭州市', '宁波市']);
    expect(summary.bottom.map((r) => r.name)).toEqual(['绍兴市', '湖州市']);
    expect(summary.improved.map((r) => [r.name, r.rankChange])).toEqual([
      ['杭州市', 2],
      ['绍兴市', 1],
    ]);
  });
});
