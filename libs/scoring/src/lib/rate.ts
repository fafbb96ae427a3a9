import { Ratio } from './ratio';

/** An indicator's figures for one agency-month, both in hundredths (cents), so a rate is exact. */
export interface Counts {
  numerator: bigint;
  denominator: bigint;
}

/**
 * rate = numerator / denominator; null when the denominator is 0 ("not applicable this month").
 * A numerator above the denominator is allowed here (enrollment expansion may exceed 100 %); which
 * indicators may do so is a validation rule of the caller.
 */
export function computeRate(counts: Counts): Ratio | null {
  const { numerator, denominator } = counts;
  if (numerator < 0n || denominator < 0n) {
    throw new RangeError(`Counts must not be negative: ${numerator} / ${denominator}`);
  }
  return denominator === 0n ? null : Ratio.of(numerator, denominator);
}

const NOT_APPLICABLE = '—';

/**
 * A rate as a percentage, rounded half away from zero on the exact value: 7624/8682 → "87.81 %".
 * A number is taken as the decimal it prints as (0.87815 → "87.82 %"), never its binary expansion.
 */
export function formatPercent(rate: Ratio | number | null, decimals = 2): string {
  if (rate === null) {
    return NOT_APPLICABLE;
  }
  const exact = typeof rate === 'number' ? Ratio.fromNumber(rate) : rate;
  return `${exact.mul(Ratio.HUNDRED).toFixed(decimals)} %`;
}
