import type { PeriodDto } from '@scorecard/contracts';
import { parseWindow, type ReportingWindow } from '@scorecard/scoring';

export type MultiMonthKind = 'quarter' | 'half' | 'year';
export const WINDOW_KIND_ORDER: readonly MultiMonthKind[] = ['quarter', 'half', 'year'];

/** A quarter, half-year or year offered for choice: one with at least one published month. */
export interface WindowChoice {
  kind: MultiMonthKind;
  /** `2026-Q3`, `2026-H1`, `2026`. */
  period: string;
  year: number;
  /** Quarter or half number (1–4, 1–2); null for a year. */
  index: number | null;
}

/** Whether `period` names a quarter, a half-year or a year rather than a month. */
export function isWindowPeriod(period: string | null | undefined): boolean {
  const window = period ? parseWindow(period) : null;
  return window !== null && window.kind !== 'month';
}

/**
 * The quarters, half-years and years that have a published month, newest first within each kind
 * (a window's figures are the sum of its published months; one never published has none).
 */
export function windowChoices(periods: readonly PeriodDto[]): Record<MultiMonthKind, WindowChoice[]> {
  const published = periods.filter((p) => p.publishedVersion > 0).map((p) => p.period);
  const found = new Map<string, WindowChoice>();
  for (const month of published) {
    const year = Number(month.slice(0, 4));
    const number = Number(month.slice(5, 7));
    const quarter = Math.ceil(number / 3);
    const half = number <= 6 ? 1 : 2;
    for (const choice of [
      { kind: 'quarter' as const, period: `${year}-Q${quarter}`, year, index: quarter },
      { kind: 'half' as const, period: `${year}-H${half}`, year, index: half },
      { kind: 'year' as const, period: `${year}`, year, index: null },
    ]) {
      found.set(choice.period, choice);
    }
  }
  const newestFirst = [...found.values()].sort((a, b) => b.period.localeCompare(a.period));
  return {
    quarter: newestFirst.filter((choice) => choice.kind === 'quarter'),
    half: newestFirst.filter((choice) => choice.kind === 'half'),
    year: newestFirst.filter((choice) => choice.kind === 'year'),
  };
}

/**
 * The month whose indicator scheme a period is read with: the month itself, or a window's last
 * month that has a published version (the scheme in force there scored it), else its last month.
 */
export function schemeMonthOf(period: string, periods: readonly PeriodDto[]): string {
  const window: ReportingWindow | null = parseWindow(period);
  if (!window || window.kind === 'month') return period;
  const published = new Set(periods.filter((p) => p.publishedVersion > 0).map((p) => p.period));
  const newestFirst = [...window.months].reverse();
  return newestFirst.find((month) => published.has(month)) ?? newestFirst[0] ?? period;
}

/** Months (YYYY-MM of one year) as runs of consecutive month numbers: 07, 08, 09, 11 → [[7, 9], [11, 11]]. */
export function monthRuns(months: readonly string[]): [number, number][] {
  const numbers = [...new Set(months.map((month) => Number(month.slice(5, 7))))].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const number of numbers) {
    const last = runs[runs.length - 1];
    if (last && last[1] === number - 1) last[1] = number;
    else runs.push([number, number]);
  }
  return runs;
}
