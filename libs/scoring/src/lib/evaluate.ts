import { computeComposite, type Composite } from './composite';
import { gradeFor, type Grade, type GradeThreshold } from './grade';
import { scoreIndicator } from './indicator-score';
import { computeRate } from './rate';
import type { Ratio } from './ratio';
import type { IndicatorCounts } from './roll-up';

/** One indicator of a year's scheme; target and floor are fractions (0.98 = 98 %). */
export interface SchemeIndicator {
  code: string;
  weight: number;
  target: Ratio;
  floor: Ratio;
}

export interface IndicatorEvaluation {
  code: string;
  numerator: bigint;
  denominator: bigint;
  /** null when the denominator is 0 (not applicable). */
  rate: Ratio | null;
  score: Ratio | null;
}

export interface AgencyEvaluation {
  /** In scheme order. */
  indicators: IndicatorEvaluation[];
  /** null when no indicator applies. */
  composite: Composite | null;
  grade: Grade | null;
}

/**
 * Rates, scores, composite and grade of one agency-month (own or aggregate counts). Indicators without
 * counts count as 0 / 0 (not applicable); counts of indicators outside the scheme are ignored.
 */
export function evaluateAgency(args: {
  scheme: readonly SchemeIndicator[];
  counts: IndicatorCounts;
  /** The scheme version's grade bands; the default five when left out. */
  grades?: readonly Readonly<GradeThreshold>[];
}): AgencyEvaluation {
  const seen = new Set<string>();
  const indicators = args.scheme.map(({ code, target, floor }): IndicatorEvaluation => {
    if (seen.has(code)) {
      throw new RangeError(`Indicator ${code} appears twice in the scheme`);
    }
    seen.add(code);
    // hasOwn, so a code like "constructor" never picks up Object.prototype members.
    const counts = Object.hasOwn(args.counts, code)
      ? args.counts[code]
      : { numerator: 0n, denominator: 0n };
    const rate = computeRate(counts);
    const score = rate === null ? null : scoreIndicator({ rate, band: { target, floor } });
    return { code, numerator: counts.numerator, denominator: counts.denominator, rate, score };
  });
  const composite = computeComposite(
    indicators.map(({ score }, index) => ({ weight: args.scheme[index].weight, score })),
  );
  return {
    indicators,
    composite,
    grade: composite === null ? null : gradeFor(composite.rounded, args.grades),
  };
}
