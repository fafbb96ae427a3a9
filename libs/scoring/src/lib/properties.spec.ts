// Property-style checks: many random cases from a seeded generator, compared with brute force.
import { amountToNumber, checkAmount, formatAmount, parseAmount } from './amount';
import type { AgencyNode } from './agency-tree';
import { evaluateAgency, type SchemeIndicator } from './evaluate';
import { gradeFor } from './grade';
import { rankAgencies, type Rankable } from './rank';
import type { Counts } from './rate';
import { Ratio } from './ratio';
import { rollUpCounts, type IndicatorCounts } from './roll-up';
import { createSeededRandom, type SeededRandom } from './testing/seeded-random';

const TRIALS = 200;
const INDICATORS = ['a', 'b', 'c', 'd'];

function randomForest(random: SeededRandom, size: number): AgencyNode[] {
  const agencies: AgencyNode[] = [];
  for (let i = 0; i < size; i++) {
    const parent = i === 0 || random.chance(0.05) ? null : agencies[random.integer(0, i - 1)];
    agencies.push({ code: `g${i}`, parentCode: parent?.code ?? null });
  }
  // Shuffle so parents do not always come first.
  for (let i = agencies.length - 1; i > 0; i--) {
    const j = random.integer(0, i);
    [agencies[i], agencies[j]] = [agencies[j], agencies[i]];
  }
  return agencies;
}

function randomCounts(random: SeededRandom, allowOverTarget = true): Counts {
  const denominator = random.chance(0.15) ? 0n : BigInt(random.integer(1, 1_000_000));
  const cap = allowOverTarget ? Number(denominator) * 1.2 : Number(denominator);
  return { numerator: BigInt(random.integer(0, Math.floor(cap))), denominator };
}

/** Brute force: walk up from every agency and add its own counts to each ancestor (and itself). */
function bruteForceRollUp(
  agencies: AgencyNode[],
  own: Map<string, IndicatorCounts>,
): Map<string, IndicatorCounts> {
  const parentOf = new Map(agencies.map(({ code, parentCode }) => [code, parentCode]));
  const totals = new Map<string, IndicatorCounts>();
  for (const [code, record] of own) {
    for (let at: string | null = code; at !== null; at = parentOf.get(at) ?? null) {
      for (const [indicator, { numerator, denominator }] of Object.entries(record)) {
        const sum: IndicatorCounts = totals.get(at) ?? {};
        const previous = sum[indicator] ?? { numerator: 0n, denominator: 0n };
        sum[indicator] = {
          numerator: previous.numerator + numerator,
          denominator: previous.denominator + denominator,
        };
        totals.set(at, sum);
      }
    }
  }
  return totals;
}

describe('properties', () => {
  it('rollUpCounts equals brute-force sums over each subtree', () => {
    const random = createSeededRandom(20261122);
    for (let trial = 0; trial < TRIALS; trial++) {
      const agencies = randomForest(random, random.integer(1, 80));
      const own = new Map<string, IndicatorCounts>();
      for (const { code } of agencies) {
        if (random.chance(0.6)) {
          const indicators = INDICATORS.filter(() => random.chance(0.7));
          own.set(code, Object.fromEntries(indicators.map((i) => [i, randomCounts(random)])));
        }
      }
      const expected = bruteForceRollUp(agencies, own);
      const actual = rollUpCounts({ agencies, own });
      expect(new Map([...actual].sort())).toEqual(new Map([...expected].sort()));
    }
  });

  it('the composite stays within [0, 100] and agrees with its rounding and grade', () => {
    const random = createSeededRandom(7624);
    for (let trial = 0; trial < TRIALS * 5; trial++) {
      const scheme: SchemeIndicator[] = INDICATORS.map((code) => {
        const floor = random.integer(0, 100);
        const target = random.integer(floor, 100);
        return {
          code,
          weight: random.chance(0.5) ? random.integer(0, 30) : random.integer(0, 300) / 10,
          target: Ratio.of(BigInt(target), 100n),
          floor: Ratio.of(BigInt(floor), 100n),
        };
      });
      const counts: IndicatorCounts = Object.fromEntries(
        INDICATORS.filter(() => random.chance(0.8)).map((code) => [code, randomCounts(random)]),
      );
      const { composite, grade, indicators } = evaluateAgency({ scheme, counts });

      for (const { score } of indicators) {
        if (score !== null) {
          expect(score.compare(Ratio.ZERO)).toBeGreaterThanOrEqual(0);
          expect(score.compare(Ratio.HUNDRED)).toBeLessThanOrEqual(0);
        }
      }
      if (composite === null) {
        expect(grade).toBeNull();
        continue;
      }
      expect(composite.exact.compare(Ratio.ZERO)).toBeGreaterThanOrEqual(0);
      expect(composite.exact.compare(Ratio.HUNDRED)).toBeLessThanOrEqual(0);
      expect(composite.rounded).toBeGreaterThanOrEqual(0);
      expect(composite.rounded).toBeLessThanOrEqual(100);
      expect(Math.abs(composite.rounded - composite.exact.toNumber())).toBeLessThanOrEqual(
        0.005 + 1e-9,
      );
      expect(grade).toBe(gradeFor(composite.rounded));
    }
  });

  it('rankAgencies: non-increasing scores, competition ranks, ties by code, unranked last', () => {
    const random = createSeededRandom(95909085);
    for (let trial = 0; trial < TRIALS; trial++) {
      const size = random.integer(0, 40);
      const entries: Rankable[] = Array.from({ length: size }, (_, i) => ({
        code: `c${String(random.integer(0, 999)).padStart(3, '0')}-${i}`,
        // Few distinct values, so ties are common.
        score: random.chance(0.15) ? null : random.integer(9000, 9010) / 100,
      }));
      const ranked = rankAgencies(entries);

      expect(ranked).toHaveLength(entries.length);
      const scored = ranked.filter(({ rank }) => rank !== null);
      const unranked = ranked.slice(scored.length);
      expect(unranked.every(({ score, rank }) => score === null && rank === null)).toBe(true);
      expect(unranked.map(({ code }) => code)).toEqual(unranked.map(({ code }) => code).sort());

      scored.forEach((entry, index) => {
        const score = entry.score as number;
        const higher = scored.filter((other) => (other.score as number) > score).length;
        expect(entry.rank).toBe(higher + 1);
        if (index > 0) {
          const previous = scored[index - 1];
          expect(previous.score as number).toBeGreaterThanOrEqual(score);
          if (previous.score === score) {
            expect(previous.code < entry.code).toBe(true);
            expect(previous.rank).toBe(entry.rank);
          }
        }
      });
    }
  });

  it('Ratio arithmetic is exact and always normalised', () => {
    const random = createSeededRandom(4341);
    const randomRatio = (): Ratio =>
      Ratio.of(BigInt(random.integer(-5000, 5000)), BigInt(random.integer(1, 5000)));
    const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));

    for (let trial = 0; trial < TRIALS * 5; trial++) {
      const a = randomRatio();
      const b = randomRatio();
      for (const value of [a.add(b), a.sub(b), a.mul(b)]) {
        expect(value.denominator > 0n).toBe(true);
        expect(gcd(value.numerator, value.denominator)).toBe(1n);
      }
      expect(a.add(b).sub(b)).toEqual(a);
      if (!b.isZero()) {
        expect(a.div(b).mul(b)).toEqual(a);
      }
      expect(a.add(b).toNumber()).toBeCloseTo(a.toNumber() + b.toNumber(), 9);
      const crossDifference = a.numerator * b.denominator - b.numerator * a.denominator;
      expect(a.compare(b)).toBe(crossDifference > 0n ? 1 : crossDifference < 0n ? -1 : 0);

      // Half away from zero, via a different formula: floor((2·|x|·100 + d) / 2d).
      const magnitude = a.numerator < 0n ? -a.numerator : a.numerator;
      const halfUp = (2n * magnitude * 100n + a.denominator) / (2n * a.denominator);
      expect(a.roundToHundredths()).toBe(a.numerator < 0n ? -halfUp : halfUp);
    }
  });

  it('amounts round-trip through text and numbers', () => {
    const random = createSeededRandom(868200);
    for (let trial = 0; trial < TRIALS * 5; trial++) {
      const digits = random.integer(1, 15);
      const cents = BigInt(Array.from({ length: digits }, () => random.integer(0, 9)).join(''));
      expect(parseAmount(formatAmount(cents))).toBe(cents);
      expect(checkAmount(amountToNumber(cents))).toEqual({ ok: true, cents });
    }
  });
});
