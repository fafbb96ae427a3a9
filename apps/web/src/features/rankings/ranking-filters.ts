import type { RankingView, Scope } from '@scorecard/contracts';
import { queryAgencyCode, queryText, queryWindowPeriod } from '../../shared/period';
import type { RankingLevel } from './rankings.api';

/** What the league table shows; mirrored in the URL query so a view can be shared. */
export interface RankingFilters {
  /** YYYY-MM, or a quarter, half-year or year (2026-Q3, 2026-H1, 2026); null until the months are known. */
  period: string | null;
  level: RankingLevel;
  scope: Scope;
  /** City code when listing the counties of one city. */
  parent: string | null;
  /**
   * Province code narrowing the nation's tables of cities or counties to one province (ranks stay
   * national); a province's own users never set it.
   */
  province: string | null;
}

export const DEFAULT_FILTERS: Readonly<RankingFilters> = {
  period: null,
  level: 'city',
  scope: 'aggregate',
  parent: null,
  province: null,
};

const LEVELS: readonly RankingLevel[] = ['province', 'city', 'county'];

type QueryInput = Record<string, unknown>;

/** Reads filters from a route query, ignoring anything malformed. */
export function parseRankingQuery(query: QueryInput): RankingFilters {
  const level = queryText(query.level);
  const parsedLevel: RankingLevel =
    LEVELS.find((known) => known === level) ?? DEFAULT_FILTERS.level;
  return {
    period: queryWindowPeriod(query.period),
    level: parsedLevel,
    scope: queryText(query.scope) === 'own' ? 'own' : DEFAULT_FILTERS.scope,
    parent: parsedLevel === 'county' ? queryAgencyCode(query.parent) : null,
    province: parsedLevel === 'province' ? null : queryAgencyCode(query.province),
  };
}

/** The route query for some filters (defaults are left out to keep URLs short). */
export function toRankingQuery(filters: RankingFilters): Record<string, string> {
  const query: Record<string, string> = {};
  if (filters.period) query.period = filters.period;
  if (filters.level !== DEFAULT_FILTERS.level) query.level = filters.level;
  if (filters.scope !== DEFAULT_FILTERS.scope) query.scope = filters.scope;
  if (filters.level === 'county' && filters.parent) query.parent = filters.parent;
  if (filters.level !== 'province' && filters.province) query.province = filters.province;
  return query;
}

/**
 * What is asked of the API for some filters: the nation's users get the country's table of the
 * level, which the province and city choices narrow on the page (the ranks stay national).
 */
export function rankingRequest(filters: RankingFilters, national: boolean): RankingFilters {
  return national ? { ...filters, parent: null, province: null } : filters;
}

/** The nation's tables (up to ~2,900 rows) come compact; a province's whole, as they always have. */
export function rankingView(national: boolean): RankingView {
  return national ? 'table' : 'full';
}
