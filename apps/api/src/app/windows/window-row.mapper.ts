import type { IndicatorResultDto } from '@scorecard/contracts';
import { type AgencyEvaluation, amountToNumber } from '@scorecard/scoring';

/** A window's evaluated indicators as the API sends a month's: summed figures, unrounded rate and score. */
export function toWindowIndicatorResults(evaluation: AgencyEvaluation | null): Record<string, IndicatorResultDto> {
  return Object.fromEntries(
    (evaluation?.indicators ?? []).map((indicator) => [
      indicator.code,
      {
        numerator: amountToNumber(indicator.numerator),
        denominator: amountToNumber(indicator.denominator),
        rate: indicator.rate ? indicator.rate.toNumber() : null,
        score: indicator.score ? indicator.score.toNumber() : null,
      },
    ]),
  );
}
