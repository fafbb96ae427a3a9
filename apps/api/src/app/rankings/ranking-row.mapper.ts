import type { IndicatorResultDto, RankingRowDto } from '@scorecard/contracts';
import type { RankingRecord, StoredIndicatorResult } from '@scorecard/server-database';

export function toIndicatorResults(stored: Record<string, StoredIndicatorResult>): Record<string, IndicatorResultDto> {
  return Object.fromEntries(
    Object.entries(stored).map(([code, result]) => [
      code,
      {
        numerator: Number(result.numerator),
        denominator: Number(result.denominator),
        rate: result.rate,
        score: result.score,
      },
    ]),
  );
}

/** Ranks within the parent when the table is one parent's children, else within the level. */
export function toRankingRow(record: RankingRecord, withinParent: boolean): RankingRowDto {
  return {
    rank: withinParent ? record.rankInParent : record.rankInLevel,
    agencyCode: record.agencyCode,
    name: record.name,
    level: record.level,
    parentCode: record.parentCode,
    score: record.score === null ? null : Number(record.score),
    grade: record.grade,
    rankChange: withinParent ? record.rankChangeInParent : record.rankChangeInLevel,
    reported: record.reported,
    indicators: toIndicatorResults(record.indicators),
  };
}

/** Ranked rows by rank then code; then the unranked (未报送) ones by code. */
export function orderRankingRows(rows: RankingRowDto[]): RankingRowDto[] {
  return [...rows].sort((a, b) => {
    if (a.rank !== null && b.rank !== null) return a.rank - b.rank || a.agencyCode.localeCompare(b.agencyCode);
    if (a.rank !== null) return -1;
    if (b.rank !== null) return 1;
    return a.agencyCode.localeCompare(b.agencyCode);
  });
}
