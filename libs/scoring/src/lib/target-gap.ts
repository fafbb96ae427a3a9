import { parseAmount } from './amount';
import { Ratio } from './ratio';

/**
 * How far an indicator's rate falls short of its target, exactly: target − numerator / denominator
 * computed on the stored decimals (amounts with 2 decimals, the target as the scheme states it), and
 * turned into a number only at the end, so a feedback sheet's gap never carries float drift.
 * null when the indicator does not apply (denominator 0) or meets its target (gap ≤ 0).
 */
export function targetGap(input: {
  numerator: string | number;
  denominator: string | number;
  target: string | number;
}): number | null {
  const denominator = parseAmount(input.denominator);
  if (denominator === 0n) return null;
  const rate = Ratio.of(parseAmount(input.numerator), denominator);
  const target =
    typeof input.target === 'number'
      ? Ratio.fromNumber(input.target)
      : Ratio.fromDecimal(input.target);
  const gap = target.sub(rate);
  return gap.compare(Ratio.ZERO) > 0 ? gap.toNumber() : null;
}
