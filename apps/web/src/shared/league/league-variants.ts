/** The two pages that show the league table. */
export type LeagueVariant = 'overview' | 'rankings';

export interface LeagueLook {
  /** Message key of the table's accessible name. */
  caption: string;
  /** `data-testid` of the table. */
  testid: string;
  /** Prefix of each rank cell's `data-testid` (`<prefix>-<agency code>`). */
  rankTestid: string;
  /** Class of each row; the row also gets `<rowClass>--<code>` and `<rowClass>--unreported`. */
  rowClass: string;
  /** Rows a page at a time, with a count and a pager below (the overview lists every county). */
  paged: boolean;
  striped: boolean;
  /** Say 未报送 in the grade column too. */
  unreportedGrade: boolean;
}

/** How each page draws the table; the names are the hooks its browser tests look for. */
export const LEAGUE_VARIANTS: Readonly<Record<LeagueVariant, LeagueLook>> = {
  overview: {
    caption: 'overview.table.title',
    testid: 'league-table',
    rankTestid: 'league-rank',
    rowClass: 'league-row',
    paged: true,
    striped: false,
    unreportedGrade: false,
  },
  rankings: {
    caption: 'rankings.table.caption',
    testid: 'ranking-table',
    rankTestid: 'rank',
    rowClass: 'ranking-row',
    paged: false,
    striped: true,
    unreportedGrade: true,
  },
};
