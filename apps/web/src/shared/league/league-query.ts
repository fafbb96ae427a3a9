import { queryText } from '../period';

/** The page sizes the league table offers. */
export const PAGE_SIZES = [20, 50, 100, 200] as const;
export const DEFAULT_PAGE_SIZE = 50;

/** What the league table keeps in the URL, so Back returns to the same page and search. */
export interface LeagueQuery {
  /** Search text: part of a name or a code. */
  q: string;
  /** 1-based page number. */
  page: number;
  size: number;
}

/** Reads the table's part of a route query, ignoring anything malformed. */
export function parseLeagueQuery(query: Record<string, unknown>): LeagueQuery {
  const page = Number(queryText(query.page));
  const size = Number(queryText(query.size));
  return {
    q: (queryText(query.q) ?? '').slice(0, 50),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    size: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
  };
}

/**
 * The route query with the table's state written in (defaults left out to keep URLs short); the
 * page's own keys (month, level, …) are kept.
 */
export function withLeagueQuery(
  query: Record<string, unknown>,
  state: LeagueQuery,
): Record<string, string> {
  const next: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (key === 'q' || key === 'page' || key === 'size') continue;
    const text = queryText(value);
    if (text != null) next[key] = text;
  }
  if (state.q) next.q = state.q;
  if (state.page > 1) next.page = String(state.page);
  if (state.size !== DEFAULT_PAGE_SIZE) next.size = String(state.size);
  return next;
}

/** How many pages `count` rows fill (at least one). */
export function pageCount(count: number, size: number): number {
  return Math.max(1, Math.ceil(count / size));
}
