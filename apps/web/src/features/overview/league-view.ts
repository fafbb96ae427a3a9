import type { RankingRowDto } from '@scorecard/contracts';
import type { ShowMode } from './overview-filters';

export { searchRows } from '../../shared/league/league-search';

/**
 * Top or bottom N by rank (ranked rows only; ties at the edge are all kept, so "top 3" of
 * 1, 2, 3, 3 shows four). `all` keeps every row, 未报送 included.
 */
export function limitRows(
  rows: readonly RankingRowDto[],
  show: ShowMode,
  n: number,
): RankingRowDto[] {
  if (show === 'all') return [...rows];
  const ranked = rows
    .filter((row): row is RankingRowDto & { rank: number } => row.reported && row.rank != null)
    .sort((a, b) => a.rank - b.rank || a.agencyCode.localeCompare(b.agencyCode));
  if (ranked.length <= n) return ranked;
  if (show === 'top') {
    const edge = ranked[n - 1]?.rank ?? 0;
    return ranked.filter((row) => row.rank <= edge);
  }
  const edge = ranked[ranked.length - n]?.rank ?? 0;
  return ranked.filter((row) => row.rank >= edge);
}

/** Σ numerators / Σ denominators of one indicator over some rows (a ratio of sums, never a mean of rates). */
export function ratioOfSums(rows: readonly RankingRowDto[], code: string): number | null {
  let numerator = 0;
  let denominator = 0;
  for (const row of rows) {
    const figures = row.indicators[code];
    if (!row.reported || !figures) continue;
    numerator += figures.numerator;
    denominator += figures.denominator;
  }
  return denominator === 0 ? null : numerator / denominator;
}
