import type { PeriodDto, Scope } from '@scorecard/contracts';
import type { RankingLevel } from './rankings.api';

/** What the league table shows; mirrored in the URL query so a view can be shared. */
export interface RankingFilters {
  /** YYYY-MM, or null until the months are known. */
  period: string | null;
  level: RankingLevel;
  scope: Scope;
  /** City code when listing the counties of one city. */
  parent: string | null;
}

export const DEFAULT_FILTERS: Readonly<RankingFilters> = {
  period: null,
  level: 'city',
  scope: 'aggregate',
  parent: null,
};

type QueryInput = Record<string, unknown>;

function single(value: unknown): string | null {
  const first = Array.isArray(value) ? (value[0] as unknown) : value;
  return typeof first === 'string' && first ? first : null;
}

/** Reads filters from a route query, ignoring anything malformed. */
export function parseRankingQuery(query: QueryInput): RankingFilters {
  const period = single(query.period);
  const level = single(query.level);
  const scope = single(query.scope);
  const parent = single(query.parent);
  const parsedLevel: RankingLevel = level === 'county' ? 'county' : DEFAULT_FILTERS.level;
  return {
    period: period && /^\d{4}-(0[1-9]|1[0-2])$/.test(period) ? period : null,
    level: parsedLevel,
    scope: scope === 'own' ? 'own' : DEFAULT_FILTERS.scope,
    parent: parsedLevel === 'county' && parent && /^\d{6}$/.test(parent) ? parent : null,
  };
}

/** The route query for some filters (defaults are left out to keep URLs short). */
export function toRankingQuery(filters: RankingFilters): Record<string, string> {
  const query: Record<string, string> = {};
  if (filters.period) query.period = filters.period;
  if (filters.level !== DEFAULT_FILTERS.level) query.level = filters.level;
  if (filters.scope !== DEFAULT_FILTERS.scope) query.scope = filters.scope;
  if (filters.level === 'county' && filters.parent) query.parent = filters.parent;
  return query;
}

/** The month shown by default: the newest published one, else the newest at all. */
export function defaultPeriod(periods: readonly PeriodDto[]): string | null {
  const newestFirst = [...periods].sort((a, b) => b.period.localeCompare(a.period));
  return (newestFirst.find((p) => p.status === 'published') ?? newestFirst[0])?.period ?? null;
}

/** The indicator-scheme year of a period ("2026-10" → 2026). */
export function periodYear(period: string): number {
  return Number(period.slice(0, 4));
}
