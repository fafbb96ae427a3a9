import type { PeriodDto } from '@scorecard/contracts';
import { WINDOW_PATTERN } from '@scorecard/scoring';

/** The first value of a route-query entry, if it is a non-empty string. */
export function queryText(value: unknown): string | null {
  const first = Array.isArray(value) ? (value[0] as unknown) : value;
  return typeof first === 'string' && first ? first : null;
}

/** A month (YYYY-MM) from a route-query entry, or null when it is missing or malformed. */
export function queryPeriod(value: unknown): string | null {
  const text = queryText(value);
  return text && /^\d{4}-(0[1-9]|1[0-2])$/.test(text) ? text : null;
}

/**
 * A month, or a quarter, half-year or year (`2026-Q3`, `2026-H1`, `2026`), from a route-query
 * entry; null when it is missing or malformed.
 */
export function queryWindowPeriod(value: unknown): string | null {
  const text = queryText(value);
  return text && WINDOW_PATTERN.test(text) ? text : null;
}

/** Whether a valid period names a quarter, half-year or year (`2026-Q3`, `2026-H1`, `2026`), not a month. */
export function namesWindow(period: string | null | undefined): boolean {
  return !!period && queryWindowPeriod(period) !== null && queryPeriod(period) === null;
}

/** An agency code (six digits) from a route-query entry, or null when it is missing or malformed. */
export function queryAgencyCode(value: unknown): string | null {
  const text = queryText(value);
  return text && /^\d{6}$/.test(text) ? text : null;
}

/** The month shown by default: the newest published one, else the newest at all. */
export function defaultPeriod(periods: readonly PeriodDto[]): string | null {
  const newestFirst = [...periods].sort((a, b) => b.period.localeCompare(a.period));
  return (newestFirst.find((p) => p.status === 'published') ?? newestFirst[0])?.period ?? null;
}

/** The newest month of all, whatever its status. */
export function newestPeriod(periods: readonly PeriodDto[]): string | null {
  return [...periods].sort((a, b) => b.period.localeCompare(a.period))[0]?.period ?? null;
}

/** The indicator-scheme year of a period ("2026-10" → 2026). */
export function periodYear(period: string): number {
  return Number(period.slice(0, 4));
}
