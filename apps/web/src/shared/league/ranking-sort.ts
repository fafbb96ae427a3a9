import type { RankingRowDto } from '@scorecard/contracts';

export type SortOrder = 'asc' | 'desc';

/** `rank`, `name`, `score`, `rankChange`, or `indicator:<code>` (the indicator's rate). */
export type RankingSortKey = 'rank' | 'name' | 'score' | 'rankChange' | `indicator:${string}`;

export interface RankingSort {
  key: RankingSortKey;
  order: SortOrder;
}

export const DEFAULT_SORT: Readonly<RankingSort> = { key: 'rank', order: 'asc' };

/** The order a column sorts in when first chosen: ranks and names ascending, values descending. */
export function naturalOrder(key: RankingSortKey): SortOrder {
  return key === 'rank' || key === 'name' ? 'asc' : 'desc';
}

/** Clicking a column header: the same column flips, another column starts in its natural order. */
export function nextSort(current: RankingSort, key: RankingSortKey): RankingSort {
  if (current.key === key) return { key, order: current.order === 'asc' ? 'desc' : 'asc' };
  return { key, order: naturalOrder(key) };
}

function sortValue(row: RankingRowDto, key: RankingSortKey): number | string | null {
  switch (key) {
    case 'rank':
      return row.rank;
    case 'name':
      return row.name;
    case 'score':
      return row.score;
    case 'rankChange':
      return row.rankChange;
    default:
      return row.indicators[key.slice('indicator:'.length)]?.rate ?? null;
  }
}

function compareValues(a: number | string | null, b: number | string | null): number {
  if (a == null && b == null) return 0;
  if (a == null) return 1;
  if (b == null) return -1;
  if (typeof a === 'string' || typeof b === 'string') {
    return String(a).localeCompare(String(b), 'zh-CN');
  }
  return a - b;
}

/**
 * Sorts league-table rows. Unreported rows always stay below the reported ones, and empty values
 * (no rank change, not applicable) sort last in either direction. Ties fall back to the rank
 * order, then the code, so the result is stable.
 */
export function sortRankingRows(
  rows: readonly RankingRowDto[],
  sort: RankingSort = DEFAULT_SORT,
): RankingRowDto[] {
  const direction = sort.order === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (a.reported !== b.reported) return a.reported ? -1 : 1;
    const va = sortValue(a, sort.key);
    const vb = sortValue(b, sort.key);
    if (va == null || vb == null) {
      const nulls = compareValues(va, vb);
      if (nulls !== 0) return nulls;
    } else {
      const primary = compareValues(va, vb) * direction;
      if (primary !== 0) return primary;
    }
    return compareValues(a.rank, b.rank) || a.agencyCode.localeCompare(b.agencyCode);
  });
}
