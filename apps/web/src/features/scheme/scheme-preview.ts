import type { SchemePreviewDto } from '@scorecard/contracts';

export type PreviewRow = SchemePreviewDto['rows'][number];
export type PreviewLevel = 'city' | 'county';
/** `magnitude`: the largest move either way first (the default); `move`: by the signed move. */
export type PreviewSortKey = 'magnitude' | 'move' | 'score' | 'draftScore';
export type SortOrder = 'asc' | 'desc';

export interface PreviewLine extends PreviewRow {
  /** Today's rank − the draft's (positive = moves up); null when either is missing. */
  move: number | null;
}

/** How many places the draft moves an agency: up is positive, as in the league tables. */
export function rankMove(row: Pick<PreviewRow, 'rank' | 'draftRank'>): number | null {
  return row.rank != null && row.draftRank != null ? row.rank - row.draftRank : null;
}

function valueOf(line: PreviewLine, key: PreviewSortKey): number | null {
  switch (key) {
    case 'magnitude':
      return line.move === null ? null : Math.abs(line.move);
    case 'move':
      return line.move;
    case 'score':
      return line.score;
    case 'draftScore':
      return line.draftScore;
  }
}

/**
 * The rows of one level, sorted: rows without the value (not reported) stay last whichever the
 * order; ties keep the draft's order, then the code's.
 */
export function previewLines(
  rows: readonly PreviewRow[],
  options: { level: PreviewLevel; sort: PreviewSortKey; order: SortOrder },
): PreviewLine[] {
  const direction = options.order === 'asc' ? 1 : -1;
  return rows
    .filter((row) => row.level === options.level)
    .map((row) => ({ ...row, move: rankMove(row) }))
    .sort((a, b) => {
      const left = valueOf(a, options.sort);
      const right = valueOf(b, options.sort);
      if (left === null || right === null) {
        if (left !== right) return left === null ? 1 : -1;
      } else if (left !== right) {
        return (left - right) * direction;
      }
      const byDraft =
        (a.draftRank ?? Number.MAX_SAFE_INTEGER) - (b.draftRank ?? Number.MAX_SAFE_INTEGER);
      return byDraft || a.agencyCode.localeCompare(b.agencyCode);
    });
}

/** How many agencies of the level move up, down or stay, for the summary line. */
export function moveCounts(lines: readonly PreviewLine[]): {
  up: number;
  down: number;
  same: number;
} {
  const counts = { up: 0, down: 0, same: 0 };
  for (const line of lines) {
    if (line.move === null) continue;
    if (line.move > 0) counts.up += 1;
    else if (line.move < 0) counts.down += 1;
    else counts.same += 1;
  }
  return counts;
}
