import { agenciesReachable, type Caller } from '@scorecard/access';
import type { AgencyDto, PeriodDto } from '@scorecard/contracts';
import { buildAgencyTree } from '@scorecard/scoring';

/**
 * Agencies a user may enter figures for (the reach of `submission.write`), the user's own agency
 * first and each agency's children after it in code order.
 */
export function agenciesInScope(agencies: readonly AgencyDto[], user: Caller | null): AgencyDto[] {
  if (!user) return [];
  const byCode = new Map(agencies.map((agency) => [agency.code, agency]));
  return agenciesReachable(buildAgencyTree(agencies), user, 'submission.write').flatMap(
    (code) => byCode.get(code) ?? [],
  );
}

/** The month to enter by default: the newest open one, else the newest. */
export function defaultEntryPeriod(periods: readonly PeriodDto[]): string | null {
  const newestFirst = [...periods].sort((a, b) => b.period.localeCompare(a.period));
  return (newestFirst.find((p) => p.status === 'open') ?? newestFirst[0])?.period ?? null;
}
