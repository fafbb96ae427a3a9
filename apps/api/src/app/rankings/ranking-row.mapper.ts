import type { IndicatorResultDto, RankingRowDto, RankingsDto, RankingTableDto } from '@scorecard/contracts';
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

/**
 * The compact form of an answer (`view=table`): each row's indicators as `[numerator, denominator]`
 * in the order of `indicatorCodes`, without what the table does not list (the level, the
 * rectification counts, the indicators' scores), a few times smaller for the nation's tables.
 */
export function toRankingTable(answer: RankingsDto): RankingTableDto {
  const { rows, ...rest } = answer;
  const codes: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    for (const code of Object.keys(row.indicators)) {
      if (!seen.has(code)) {
        seen.add(code);
        codes.push(code);
      }
    }
  }
  return {
    ...rest,
    indicatorCodes: codes,
    rows: rows.map((row) => ({
      rank: row.rank,
      agencyCode: row.agencyCode,
      name: row.name,
      parentCode: row.parentCode,
      score: row.score,
      grade: row.grade,
      rankChange: row.rankChange,
      reported: row.reported,
      figures: codes.map((code) => {
        const result = row.indicators[code];
        return result ? [result.numerator, result.denominator] : null;
      }),
    })),
  };
}
