import { evaluateAgency, type SchemeIndicator } from './evaluate';
import { gradeFor, type Grade, type GradeThreshold } from './grade';
import type { IndicatorCounts } from './roll-up';

/** One indicator of an agency-month as results are stored and shown: rates and scores as doubles. */
export interface IndicatorFigures {
  code: string;
  numerator: bigint;
  denominator: bigint;
  /** The double nearest the exact rate; null when the denominator is 0 (not applicable). */
  rate: number | null;
  /** The double nearest the exact score; null when not applicable. */
  score: number | null;
}

export interface AgencyFigures {
  /** In scheme order. */
  indicators: IndicatorFigures[];
  /** The composite rounded half away from zero to 2 decimals; null when no indicator applies. */
  composite: number | null;
  grade: Grade | null;
}

/**
 * What `evaluateAgency` answers, in the form results are stored in (rates and scores as the
 * nearest double, the composite rounded), computed without building a bigint fraction per step.
 * Same numbers, to the last bit: with integer operands below 2^53 a product or difference is
 * exact in a double and one division is correctly rounded, which is all a rate and a score
 * need; the composite is a sum of doubles whose error is far below what could move its rounding,
 * unless it lies within a hair of a half hundredth. Any figure too big for that, and any such
 * near-tie, is evaluated exactly by `evaluateAgency` instead.
 */
export function evaluateAgencyFigures(args: {
  scheme: readonly SchemeIndicator[];
  counts: IndicatorCounts;
  /** The scheme version's grade bands; the default five when left out. */
  grades?: readonly Readonly<GradeThreshold>[];
}): AgencyFigures {
  const bands = bandsOf(args.scheme);
  const indicators: IndicatorFigures[] = [];
  let weightedSum = 0;
  let totalWeight = 0;
  let exactNeeded = bands === null;
  for (let index = 0; index < args.scheme.length && !exactNeeded; index++) {
    const band = (bands as FastBand[])[index];
    // hasOwn, so a code like "constructor" never picks up Object.prototype members.
    const counts = Object.hasOwn(args.counts, band.code) ? args.counts[band.code] : null;
    const numerator = counts?.numerator ?? 0n;
    const denominator = counts?.denominator ?? 0n;
    if (numerator < 0n || denominator < 0n || numerator > MAX_SAFE || denominator > MAX_SAFE) {
      exactNeeded = true;
      break;
    }
    if (denominator === 0n) {
      indicators.push({ code: band.code, numerator, denominator, rate: null, score: null });
      continue;
    }
    const n = Number(numerator);
    const d = Number(denominator);
    const score = scoreOf(n, d, band);
    if (score === null) {
      exactNeeded = true;
      break;
    }
    indicators.push({ code: band.code, numerator, denominator, rate: n / d, score });
    weightedSum += band.weight * score;
    totalWeight += band.weight;
  }
  if (!exactNeeded) {
    if (totalWeight === 0) return { indicators, composite: null, grade: null };
    const hundredths = (100 * weightedSum) / totalWeight;
    // Far from a half hundredth, the few roundings above cannot change which way it rounds.
    const fraction = hundredths - Math.floor(hundredths);
    if (Math.abs(fraction - 0.5) > NEAR_TIE) {
      const composite = Math.floor(hundredths + 0.5) / 100;
      return { indicators, composite, grade: gradeFor(composite, args.grades) };
    }
  }
  return exactFigures(args);
}

/** Beyond it, doubles stop holding every integer. */
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
/**
 * How close (in hundredths) the double composite may come to a half hundredth before the exact
 * one decides; the double's own error is below 1e-10 hundredths (scores ≤ 100, a handful of terms).
 */
const NEAR_TIE = 1e-6;

/** An indicator's band as whole numbers: target tn / td, floor fn / fd, and 100 td / (tn fd − fn td) = a / g. */
interface FastBand {
  code: string;
  weight: number;
  tn: number;
  td: number;
  fn: number;
  fd: number;
  a: number;
  g: number;
}

/** Score of n / d as the nearest double, or null when an intermediate leaves the safe integers. */
function scoreOf(n: number, d: number, band: FastBand): number | null {
  // rate ≥ target ⇔ n td ≥ tn d; rate ≤ floor ⇔ n fd ≤ fn d (denominators are positive).
  const aboveTarget = n * band.td;
  const target = band.tn * d;
  const overFloor = n * band.fd;
  const floor = band.fn * d;
  if (!isSafe(aboveTarget) || !isSafe(target) || !isSafe(overFloor) || !isSafe(floor)) return null;
  if (aboveTarget >= target) return 100;
  if (overFloor <= floor) return 0;
  // 100 (n/d − fn/fd) / (tn/td − fn/fd) = (n fd − fn d) a / (d g), one correctly rounded division.
  const top = (overFloor - floor) * band.a;
  const bottom = d * band.g;
  return isSafe(top) && isSafe(bottom) ? top / bottom : null;
}

/** A product of safe integers is exact exactly when it is itself safe (doubles round monotonically). */
function isSafe(value: number): boolean {
  return value <= Number.MAX_SAFE_INTEGER;
}

const fastBands = new WeakMap<readonly SchemeIndicator[], FastBand[] | null>();

/** The scheme's bands as whole numbers, once per scheme; null when they do not fit (then: exact). */
function bandsOf(scheme: readonly SchemeIndicator[]): FastBand[] | null {
  let bands = fastBands.get(scheme);
  if (bands === undefined) {
    bands = buildBands(scheme);
    fastBands.set(scheme, bands);
  }
  return bands;
}

function buildBands(scheme: readonly SchemeIndicator[]): FastBand[] | null {
  const seen = new Set<string>();
  const bands: FastBand[] = [];
  for (const { code, weight, target, floor } of scheme) {
    // Duplicates, bad weights and inverted bands: the exact evaluation says what is wrong.
    if (seen.has(code) || !Number.isFinite(weight) || weight < 0 || floor.compare(target) > 0) return null;
    seen.add(code);
    const spread = target.numerator * floor.denominator - floor.numerator * target.denominator;
    const parts = [target.numerator, target.denominator, floor.numerator, floor.denominator];
    if (parts.some((part) => part < 0n || part > MAX_SAFE)) return null;
    // With floor = target the band is a step: a score is 100 or 0 and a / g is never used.
    const scale = 100n * target.denominator;
    const divisor = spread === 0n ? 1n : gcd(scale, spread);
    const [a, g] = spread === 0n ? [0n, 1n] : [scale / divisor, spread / divisor];
    if (a > MAX_SAFE || g > MAX_SAFE) return null;
    const [tn, td, fn, fd] = parts.map(Number);
    bands.push({ code, weight, tn, td, fn, fd, a: Number(a), g: Number(g) });
  }
  return bands;
}

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a, b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** The exact evaluation, in the same form. */
function exactFigures(args: Parameters<typeof evaluateAgencyFigures>[0]): AgencyFigures {
  const exact = evaluateAgency(args);
  return {
    indicators: exact.indicators.map(({ code, numerator, denominator, rate, score }) => ({
      code,
      numerator,
      denominator,
      rate: rate === null ? null : rate.toNumber(),
      score: score === null ? null : score.toNumber(),
    })),
    composite: exact.composite?.rounded ?? null,
    grade: exact.grade,
  };
}
