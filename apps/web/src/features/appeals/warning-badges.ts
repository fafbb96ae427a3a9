import type { WarningDto } from '@scorecard/contracts';

/** The badge a league row shows: 约谈 for any warning, 进步 for an improving streak only. */
export type WarningBadge = 'talk' | 'improving';

/** Per agency code, its badge of the month: a warning outweighs an improving streak. */
export function warningBadges(warnings: readonly WarningDto[]): Record<string, WarningBadge> {
  const badges: Record<string, WarningBadge> = {};
  for (const warning of warnings) {
    if (warning.rule !== 'improving_streak') badges[warning.agencyCode] = 'talk';
    else badges[warning.agencyCode] ??= 'improving';
  }
  return badges;
}
