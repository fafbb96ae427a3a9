import type { Scope } from '@scorecard/contracts';
import { queryAgencyCode, queryText, queryWindowPeriod } from '../../shared/period';

export type OverviewLevel = 'city' | 'county';
export type ShowMode = 'all' | 'top' | 'bottom';

/** What the overview shows; mirrored in the URL so a view can be shared and the back button works. */
export interface OverviewFilters {
  period: string | null;
  level: OverviewLevel;
  scope: Scope;
  /** A city whose counties are shown (drill-down); null for the whole province. */
  parent: string | null;
  /** Search text (name or code). */
  q: string;
  show: ShowMode;
  n: number;
}

export const DEFAULT_OVERVIEW: Readonly<OverviewFilters> = {
  period: null,
  level: 'city',
  scope: 'aggregate',
  parent: null,
  q: '',
  show: 'all',
  n: 10,
};

export const TOP_N_CHOICES = [5, 10, 20, 50] as const;

export function parseOverviewQuery(query: Record<string, unknown>): OverviewFilters {
  const validParent = queryAgencyCode(query.parent);
  const level = validParent || queryText(query.level) === 'county' ? 'county' : 'city';
  const show = queryText(query.show);
  const n = Number(queryText(query.n));
  return {
    period: queryWindowPeriod(query.period),
    level,
    scope: queryText(query.scope) === 'own' ? 'own' : 'aggregate',
    parent: validParent,
    q: (queryText(query.q) ?? '').slice(0, 50),
    show: show === 'top' || show === 'bottom' ? show : 'all',
    n: (TOP_N_CHOICES as readonly number[]).includes(n) ? n : DEFAULT_OVERVIEW.n,
  };
}

export function toOverviewQuery(filters: OverviewFilters): Record<string, string> {
  const query: Record<string, string> = {};
  if (filters.period) query.period = filters.period;
  if (filters.level !== 'city') query.level = filters.level;
  if (filters.scope !== 'aggregate') query.scope = filters.scope;
  if (filters.parent) query.parent = filters.parent;
  if (filters.q) query.q = filters.q;
  if (filters.show !== 'all') {
    query.show = filters.show;
    query.n = String(filters.n);
  }
  return query;
}
