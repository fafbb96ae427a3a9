import type { PeriodDto } from '@scorecard/contracts';

/** The years with a published month, newest first: the years an honour roll can be given for. */
export function honourYears(periods: readonly PeriodDto[]): number[] {
  const years = new Set(periods.filter((p) => p.publishedVersion > 0).map((p) => Number(p.period.slice(0, 4))));
  return [...years].sort((a, b) => b - a);
}

/** A year from the address (`?year=2026`), or null when it is missing or malformed. */
export function queryYear(value: unknown): number | null {
  const text = Array.isArray(value) ? (value[0] as unknown) : value;
  return typeof text === 'string' && /^[0-9]{4}$/.test(text) ? Number(text) : null;
}
