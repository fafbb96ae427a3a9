import type { Grade, RankingRowDto } from '@scorecard/contracts';

export interface BulletinSummary {
  reportedCities: number;
  reportedCounties: number;
  unreported: RankingRowDto[];
  /** Counties per grade, best grade first. */
  gradeCounts: { grade: Grade; count: number }[];
  top: RankingRowDto[];
  bottom: RankingRowDto[];
  /** Counties that moved up the most (at least one place), biggest move first. */
  improved: RankingRowDto[];
}

const GRADES: Grade[] = ['excellent', 'good', 'pass', 'basic', 'fail'];

const byRank = (a: RankingRowDto, b: RankingRowDto) =>
  (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.agencyCode.localeCompare(b.agencyCode);

/** The figures a monthly bulletin (通报) states, from the city and county league tables. */
export function summarizeBulletin(input: {
  cityRows: readonly RankingRowDto[];
  countyRows: readonly RankingRowDto[];
  n: number;
}): BulletinSummary {
  const counties = input.countyRows.filter((r) => r.reported).sort(byRank);
  return {
    reportedCities: input.cityRows.filter((r) => r.reported).length,
    reportedCounties: counties.length,
    unreported: [...input.cityRows, ...input.countyRows].filter((r) => !r.reported),
    gradeCounts: GRADES.map((grade) => ({
      grade,
      count: counties.filter((r) => r.grade === grade).length,
    })),
    top: counties.slice(0, input.n),
    bottom: counties.slice(Math.max(0, counties.length - input.n)).reverse(),
    improved: counties
      .filter((r) => (r.rankChange ?? 0) > 0)
      .sort((a, b) => (b.rankChange ?? 0) - (a.rankChange ?? 0) || byRank(a, b))
      .slice(0, input.n),
  };
}
