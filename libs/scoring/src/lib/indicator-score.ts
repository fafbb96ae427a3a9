import { Ratio } from './ratio';

/** Fractions: at or above `target` an indicator scores 100, at or below `floor` it scores 0. */
export interface ScoringBand {
  target: Ratio;
  floor: Ratio;
}

/** 100 if rate ≥ target; 0 if rate ≤ floor; linear in between. Exact. */
export function scoreIndicator(args: { rate: Ratio; band: ScoringBand }): Ratio {
  const { rate, band } = args;
  if (band.floor.compare(band.target) > 0) {
    throw new RangeError(`Floor ${band.floor} is above target ${band.target}`);
  }
  // Target first: with floor = target the band is a step and the division below is never reached.
  if (rate.compare(band.target) >= 0) {
    return Ratio.HUNDRED;
  }
  if (rate.compare(band.floor) <= 0) {
    return Ratio.ZERO;
  }
  return Ratio.HUNDRED.mul(rate.sub(band.floor)).div(band.target.sub(band.floor));
}
