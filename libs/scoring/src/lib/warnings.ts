import type { Grade } from './grade';
import { shiftPeriod } from './period-month';

/** Scheme thresholds (考核方案 `warnings`): how many months running make a warning. */
export interface WarningThresholds {
  failMonths: number;
  lastMonths: number;
  belowFloorMonths: number;
  improvingMonths: number;
}

/** One agency's published result of one month, as far as warnings need it. */
export interface MonthStanding {
  period: string;
  agencyCode: string;
  grade: Grade | null;
  rankInParent: number | null;
  /** How many agencies were ranked under the same parent that month. */
  rankedInParent: number;
  /** Previous month's rank − this month's within the parent (positive = moved up); null if none. */
  rankChange: number | null;
  /** Codes of the indicators at or below their floor that month. */
  belowFloor: readonly string[];
}

export const WARNING_RULES = ['fail_streak', 'last_in_parent_streak', 'below_floor_streak', 'improving_streak'] as const;
export type WarningRule = (typeof WARNING_RULES)[number];

export interface Warning {
  agencyCode: string;
  rule: WarningRule;
  /** The indicator of a `below_floor_streak`; null for the other rules. */
  indicatorCode: string | null;
  /** How many months running, ending with the month asked about. */
  months: number;
  /** The first month of the run. */
  since: string;
}

/**
 * The warnings (预警 → 约谈) and improving streaks of a month, from the published months up to it.
 * "Months running" means consecutive calendar months: a month with no published result for the
 * agency (not published, or 未报送) ends every run, because nothing was shown that month to warn on.
 * A run is reported once it reaches its threshold, with its full length.
 */
export function warningsOf(
  period: string,
  standings: readonly MonthStanding[],
  thresholds: WarningThresholds,
): Warning[] {
  const byAgencyMonth = new Map<string, MonthStanding>();
  for (const standing of standings) byAgencyMonth.set(`${standing.agencyCode}|${standing.period}`, standing);
  const agencies = [...new Set(standings.filter((s) => s.period === period).map((s) => s.agencyCode))].sort();

  /** Length of the run of months ending with `period` in which `holds` is true for the agency. */
  const run = (agencyCode: string, holds: (standing: MonthStanding) => boolean): number => {
    let months = 0;
    for (let month = period; ; month = shiftPeriod(month, -1)) {
      const standing = byAgencyMonth.get(`${agencyCode}|${month}`);
      if (!standing || !holds(standing)) return months;
      months += 1;
    }
  };

  const warnings: Warning[] = [];
  const report = (agencyCode: string, rule: WarningRule, months: number, threshold: number, indicatorCode: string | null = null) => {
    if (months >= threshold && threshold > 0)
      warnings.push({ agencyCode, rule, indicatorCode, months, since: shiftPeriod(period, -(months - 1)) });
  };

  for (const agencyCode of agencies) {
    report(agencyCode, 'fail_streak', run(agencyCode, (s) => s.grade === 'fail'), thresholds.failMonths);
    report(
      agencyCode,
      'last_in_parent_streak',
      // Last among one is no warning: an only child is not behind anyone.
      run(agencyCode, (s) => s.rankInParent !== null && s.rankedInParent > 1 && s.rankInParent === s.rankedInParent),
      thresholds.lastMonths,
    );
    const current = byAgencyMonth.get(`${agencyCode}|${period}`) as MonthStanding;
    for (const indicatorCode of [...current.belowFloor].sort())
      report(
        agencyCode,
        'below_floor_streak',
        run(agencyCode, (s) => s.belowFloor.includes(indicatorCode)),
        thresholds.belowFloorMonths,
        indicatorCode,
      );
    report(agencyCode, 'improving_streak', run(agencyCode, (s) => (s.rankChange ?? 0) > 0), thresholds.improvingMonths);
  }
  return warnings;
}
