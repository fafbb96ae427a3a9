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
): Promise<Map<string, IndicatorCounts>> {
  const own = new Map<string, IndicatorCounts>();
  for (const figure of await submissions.ownFiguresOfPeriod(manager, period)) {
    const counts = own.get(figure.agencyCode) ?? {};
    counts[figure.indicatorCode] = countsFromCents(figure.numeratorCents, figure.denominatorCents);
    own.set(figure.agencyCode, counts);
  }
  // An agency that reported but left every indicator blank still counts as reported.
  for (const code of await submissions.reportedAgencyCodes(manager, period)) {
    if (!own.has(code)) own.set(code, {});
  }
  return own;
}
