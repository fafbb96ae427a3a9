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
  for (const figure of await submissions.reportedFiguresOfPeriod(manager, period)) {
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
