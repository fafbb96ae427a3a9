/**
 * "What to improve first": for each applicable indicator, how many composite points the agency
 * would gain by bringing it up to its target, and by raising its rate one percentage point.
 * Plain numbers on purpose: this is a suggestion shown to people, not a stored result.
 */
export interface ImprovementCandidate {
  code: string;
  weight: number;
  /** Current rate as a fraction; null when not applicable this month. */
  rate: number | null;
  target: number;
  floor: number;
}

export interface Improvement {
  code: string;
  /** Current indicator score (0–100). */
  score: number;
  /** Composite points gained if the rate reached the target. */
  gainToTarget: number;
  /** Composite points gained by one more percentage point of rate (0 above target or far below floor). */
  gainPerPoint: number;
  /** target − rate, as a fraction (0 when already at target). */
  rateGap: number;
}

/** The same linear band as `scoreIndicator`, on numbers: 100 at/above target, 0 at/below floor. */
export function bandScore(args: { rate: number; target: number; floor: number }): number {
  const { rate, target, floor } = args;
  if (rate >= target) return 100;
  if (rate <= floor) return 0;
  return (100 * (rate - floor)) / (target - floor);
}

const ONE_POINT = 0.01;

/**
 * Applicable indicators that still have room, biggest composite gain (to target) first; ties go
 * to the larger gain per percentage point, then the heavier weight, then the code.
 * The composite renormalises over applicable weights, so each gain is weight × Δscore / Σweight.
 */
export function rankImprovements(candidates: readonly ImprovementCandidate[]): Improvement[] {
  const applicable = candidates.filter(
    (c): c is ImprovementCandidate & { rate: number } =>
      c.rate !== null && Number.isFinite(c.rate) && c.weight > 0,
  );
  const totalWeight = applicable.reduce((sum, c) => sum + c.weight, 0);
  if (totalWeight === 0) return [];
  return applicable
    .map((c) => {
      const score = bandScore(c);
      const next = bandScore({ ...c, rate: c.rate + ONE_POINT });
      return {
        code: c.code,
        score,
        gainToTarget: (c.weight * (100 - score)) / totalWeight,
        gainPerPoint: (c.weight * (next - score)) / totalWeight,
        rateGap: Math.max(0, c.target - c.rate),
        weight: c.weight,
      };
    })
    .filter((i) => i.gainToTarget > 0)
    .sort(
      (a, b) =>
        b.gainToTarget - a.gainToTarget ||
        b.gainPerPoint - a.gainPerPoint ||
        b.weight - a.weight ||
        a.code.localeCompare(b.code),
    )
    .map(({ weight: _weight, ...improvement }) => improvement);
}
