import type { RankingRowDto } from '@scorecard/contracts';

/** Rows whose name or code contains the search text (case-insensitive). */
export function searchRows(rows: readonly RankingRowDto[], q: string): RankingRowDto[] {
  const needle = q.trim().toLowerCase();
  if (!needle) return [...rows];
  return rows.filter(
    (row) => row.name.toLowerCase().includes(needle) || row.agencyCode.includes(needle),
  );
}
