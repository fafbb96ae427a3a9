import type { IndicatorCounts } from '@scorecard/scoring';
import type { SubmissionRepository } from '@scorecard/server-database';
import type { EntityManager } from 'typeorm';
import { countsFromCents } from './period-results.calculator';

/**
 * The own (本级) counts of every agency that reported the month, as the calculation reads them: the
 * month's computation and a scheme preview load them the same way.
 */
export async function loadReportedCounts(
  manager: EntityManager,
  submissions: SubmissionRepository,
  period: string,
  /** Only these agencies' (when given). */
  agencyCodes?: readonly string[],
): Promise<Map<string, IndicatorCounts>> {
  const own = new Map<string, IndicatorCounts>();
  for (const figure of await submissions.reportedFiguresOfPeriod(manager, period, agencyCodes)) {
    let counts = own.get(figure.agencyCode);
    if (counts === undefined) {
      counts = {};
      own.set(figure.agencyCode, counts);
    }
    // An agency that reported but left every indicator blank still counts as reported.
    if (figure.indicatorCode === null) continue;
    counts[figure.indicatorCode] = countsFromCents(
      figure.numeratorCents as string,
      figure.denominatorCents as string,
    );
  }
  return own;
}

/**
 * The aggregate (汇总) counts of `roots`, each the sum of the reported figures in its subtree,
 * added up by the database: what `rollUpCounts` gives those agencies, without reading the month.
 */
export async function loadSubtreeTotals(
  manager: EntityManager,
  submissions: SubmissionRepository,
  period: string,
  roots: readonly string[],
): Promise<Map<string, IndicatorCounts>> {
  const totals = new Map<string, IndicatorCounts>();
  for (const figure of await submissions.reportedSubtreeTotals(manager, period, roots)) {
    let counts = totals.get(figure.agencyCode);
    if (counts === undefined) {
      counts = {};
      totals.set(figure.agencyCode, counts);
    }
    counts[figure.indicatorCode] = countsFromCents(figure.numeratorCents, figure.denominatorCents);
  }
  return totals;
}
