import type { AgencyDto, PeriodDto, Role } from '@scorecard/contracts';

/** Agencies a user may enter figures for: its own agency and, for province and city, the subtree. */
export function agenciesInScope(
  agencies: readonly AgencyDto[],
  user: { role: Role; agencyCode: string } | null,
): AgencyDto[] {
  if (!user || user.role === 'staff') return [];
  const own = agencies.find((a) => a.code === user.agencyCode);
  if (user.role === 'agency_head') return own ? [own] : [];
  const byParent = new Map<string, AgencyDto[]>();
  for (const agency of agencies) {
    if (!agency.parentCode) continue;
    byParent.set(agency.parentCode, [...(byParent.get(agency.parentCode) ?? []), agency]);
  }
  const result: AgencyDto[] = [];
  const visit = (agency: AgencyDto): void => {
    result.push(agency);
    for (const child of [...(byParent.get(agency.code) ?? [])].sort((a, b) =>
      a.code.localeCompare(b.code),
    )) {
      visit(child);
    }
  };
  if (own) visit(own);
  return result;
}

/** The month to enter by default: the newest open one, else the newest. */
export function defaultEntryPeriod(periods: readonly PeriodDto[]): string | null {
  const newestFirst = [...periods].sort((a, b) => b.period.localeCompare(a.period));
  return (newestFirst.find((p) => p.status === 'open') ?? newestFirst[0])?.period ?? null;
}
