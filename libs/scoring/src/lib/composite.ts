import { Ratio } from './ratio';

/** `score` null = not applicable this month: left out, and the other weights are renormalised. */
export interface WeightedScore {
  weight: number;
  score: Ratio | null;
}

export interface Composite {
  exact: Ratio;
  /** Rounded half away from zero to 2 decimals — what is shown, graded and ranked. */
  rounded: number;
}

/** Σ(weight × score) / Σ(weight) over the applicable items; null if none applies or their weight is 0. */
export function computeComposite(items: WeightedScore[]): Composite | null {
  let weightedSum = Ratio.ZERO;
  let totalWeight = Ratio.ZERO;
  for (const { weight, score } of items) {
    if (!Number.isFinite(weight) || weight < 0) {
      throw new RangeError(`A weight must be a finite non-negative number, got ${weight}`);
    }
    if (score === null) {
      continue;
    }
    const exactWeight = Ratio.fromNumber(weight);
    weightedSum = weightedSum.add(exactWeight.mul(score));
    totalWeight = totalWeight.add(exactWeight);
  }
  if (totalWeight.isZero()) {
    return null;
  }
  const exact = weightedSum.div(totalWeight);
  return { exact, rounded: exact.roundedNumber(2) };
}
