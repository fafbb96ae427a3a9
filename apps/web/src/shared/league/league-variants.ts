/** The pages that show the league table (a city's scorecard lists its counties). */
export type LeagueVariant = 'overview' | 'rankings' | 'counties' | 'review';

export interface LeagueLook {
  /** Message key of the table's accessible name. */
  caption: string;
  /** `data-testid` of the table. */
  testid: string;
  /** Prefix of each rank cell's `data-testid` (`<prefix>-<agency code>`). */
  rankTestid: string;
  /** Class of each row; the row also gets `<rowClass>--<code>` and `<rowClass>--unreported`. */
  rowClass: string;
  /** `data-testid` of the search box. */
  searchTestid: string;
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
    searchTestid: 'overview-search',
    striped: false,
    unreportedGrade: false,
  },
  rankings: {
    caption: 'rankings.table.caption',
    testid: 'ranking-table',
    rankTestid: 'rank',
    rowClass: 'ranking-row',
    searchTestid: 'ranking-search',
    striped: true,
    unreportedGrade: true,
  },
  counties: {
    caption: 'scorecard.counties.caption',
    testid: 'county-league-table',
    rankTestid: 'county-rank',
    rowClass: 'county-row',
    searchTestid: 'county-search',
    striped: true,
    unreportedGrade: true,
  },
  review: {
    caption: 'review.caption',
    testid: 'review-table',
    rankTestid: 'review-rank',
    rowClass: 'review-row',
    searchTestid: 'review-search',
    striped: false,
    unreportedGrade: true,
  },
};
