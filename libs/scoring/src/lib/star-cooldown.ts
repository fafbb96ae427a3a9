/** Nobody is star twice within this many months (一月一星), unless the scheme says otherwise. */
export const DEFAULT_STAR_COOLDOWN_MONTHS = 12;

const MONTH = /^([0-9]{4})-(0[1-9]|1[0-2])$/;

function monthIndex(period: string): number {
  const match = MONTH.exec(period);
  if (!match) throw new RangeError(`Not a month as YYYY-MM: "${period}"`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

/**
 * The month of an earlier (or later) star of the same person that bars them from `period`: a star
 * fewer than `cooldownMonths` months away (a star of 2025-10 bars 2025-11 … 2026-09 and allows
 * 2026-10 with 12). The nearest such month, the earlier one on a tie; null when the person is eligible.
 * `starPeriods` are the person's other star months (publicised or confirmed).
 */
export function findCooldownConflict(args: {
  period: string;
  starPeriods: readonly string[];
  cooldownMonths: number;
}): string | null {
  const { period, starPeriods, cooldownMonths } = args;
  if (!Number.isSafeInteger(cooldownMonths) || cooldownMonths < 0) {
    throw new RangeError(`The cooldown must be a whole number of months, got ${cooldownMonths}`);
  }
  const target = monthIndex(period);
  let conflict: { period: string; distance: number } | null = null;
  for (const starPeriod of starPeriods) {
    const distance = Math.abs(monthIndex(starPeriod) - target);
    if (distance >= cooldownMonths) continue;
    if (
      conflict === null ||
      distance < conflict.distance ||
      (distance === conflict.distance && starPeriod < conflict.period)
    ) {
      conflict = { period: starPeriod, distance };
    }
  }
  return conflict?.period ?? null;
}
