import type { RankingRowDto, ScorecardDto } from '@scorecard/contracts';

/** One "rank N of M" tile: where, the place, and how many of that league did not report. */
export interface RankTile {
  key: 'inParent' | 'inLevel' | 'inNation';
  rank: number | null;
  /** Ranked agencies only (未报送 are not counted). */
  of: number;
  rankChange: number | null;
}

/**
 * The tiles a scorecard shows: a county is placed in its city and in the province; a city's
 * parent is the province, so it gets the one tile (the two would say the same). In a national
 * deployment every agency is placed in the nation too.
 */
export function rankTiles(card: Pick<ScorecardDto, 'level' | 'ranks'>): RankTile[] {
  const inLevel: RankTile = { key: 'inLevel', ...card.ranks.inLevel };
  const inNation: RankTile[] = card.ranks.inNation
    ? [{ key: 'inNation', ...card.ranks.inNation }]
    : [];
  if (card.level !== 'county') return [inLevel, ...inNation];
  return [{ key: 'inParent', ...card.ranks.inParent }, inLevel, ...inNation];
}

/** How many agencies of a league did not report (null while the league is unknown). */
export function unreportedCount(rows: readonly RankingRowDto[] | null | undefined): number | null {
  return rows ? rows.filter((row) => !row.reported).length : null;
}
