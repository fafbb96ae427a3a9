/**
 * The rate of an indicator from its figures as they travel (numbers with at most 2 decimals):
 * their hundredths divided, so it is the very number the computation stored (see
 * evaluateAgencyFigures, which divides the counts in hundredths); null when the denominator is 0.
 */
export function rateOfFigures(numerator: number, denominator: number): number | null {
  const d = Math.round(denominator * 100);
  return d === 0 ? null : Math.round(numerator * 100) / d;
}
