import { evaluateAgency, type SchemeIndicator } from './evaluate';
import { evaluateAgencyFigures } from './evaluate-figures';
import type { GradeThreshold } from './grade';
import { Ratio } from './ratio';
import type { IndicatorCounts } from './roll-up';
import { DEFAULT_SCHEME } from './testing/default-scheme';
import { createSeededRandom, type SeededRandom } from './testing/seeded-random';

/** The exact evaluation in the stored form: what the fast one must answer, bit for bit. */
function reference(args: {
  scheme: readonly SchemeIndicator[];
  counts: IndicatorCounts;
  grades?: GradeThreshold[];
}) {
  const exact = evaluateAgency(args);
  return {
    indicators: exact.indicators.map(({ code, numerator, denominator, rate, score }) => ({
      code,
      numerator,
      denominator,
      rate: rate?.toNumber() ?? null,
      score: score?.toNumber() ?? null,
    })),
    composite: exact.composite?.rounded ?? null,
    grade: exact.grade,
  };
}

const fraction = (text: string): Ratio => Ratio.fromDecimal(text);

function randomBigint(random: SeededRandom, digits: number): bigint {
  let value = 0n;
  for (let i = 0; i < digits; i++) value = value * 10n + BigInt(random.integer(0, 9));
  return value;
}

function randomCounts(random: SeededRandom, scheme: readonly SchemeIndicator[]): IndicatorCounts {
  const counts: IndicatorCounts = {};
  for (const { code } of scheme) {
    if (random.chance(0.1)) continue;
    // Mostly county-sized figures; now and then sums past 2^53, where the exact path takes over.
    const digits = random.chance(0.1) ? random.integer(15, 22) : random.integer(1, 12);
    const denominator = random.chance(0.12) ? 0n : randomBigint(random, digits) + 1n;
    const over = denominator + denominator / 5n + 1n;
    const numerator = (randomBigint(random, digits + 1) % over);
    counts[code] = { numerator, denominator };
  }
  return counts;
}

function randomScheme(random: SeededRandom): SchemeIndicator[] {
  const size = random.integer(1, 8);
  return Array.from({ length: size }, (_, index) => {
    const target = random.integer(1, 1_000_000);
    // Now and then a step band (floor = target).
    const floor = random.chance(0.1) ? target : random.integer(0, target - 1);
    return {
      code: `i${index}`,
      weight: random.chance(0.2) ? random.integer(0, 4000) / 100 : random.integer(1, 40),
      target: Ratio.of(BigInt(target), 1_000_000n),
      floor: Ratio.of(BigInt(floor), 1_000_000n),
    };
  });
}

describe('evaluateAgencyFigures', () => {
  it('answers exactly what the exact evaluation answers, on random schemes and figures', () => {
    const random = createSeededRandom(20261126);
    for (let trial = 0; trial < 3000; trial++) {
      const scheme = trial % 3 === 0 ? [...DEFAULT_SCHEME] : randomScheme(random);
      const counts = randomCounts(random, scheme);
      expect(evaluateAgencyFigures({ scheme, counts })).toEqual(reference({ scheme, counts }));
    }
  });

  it('rounds a composite lying exactly on a half hundredth as the exact evaluation does', () => {
    // One indicator scoring 100 × n / d: 87.815 exactly rounds up to 87.82, never down by float noise.
    const scheme: SchemeIndicator[] = [
      { code: 'x', weight: 10, target: fraction('1'), floor: fraction('0') },
    ];
    for (let numerator = 5n; numerator < 100_000n; numerator += 10n) {
      const counts = { x: { numerator, denominator: 100_000n } };
      expect(evaluateAgencyFigures({ scheme, counts }).composite).toBe(
        reference({ scheme, counts }).composite,
      );
    }
    expect(
      evaluateAgencyFigures({ scheme, counts: { x: { numerator: 87815n, denominator: 100_000n } } })
        .composite,
    ).toBe(87.82);
  });

  it('finds the half hundredths that a sum of thirds lands on', () => {
    // 100/3 and 200/3 at equal weights average to exactly 50; other thirds to x.xx5 boundaries.
    const scheme: SchemeIndicator[] = [
      { code: 'a', weight: 1, target: fraction('0.9'), floor: fraction('0.6') },
      { code: 'b', weight: 1, target: fraction('0.9'), floor: fraction('0.6') },
      { code: 'c', weight: 2, target: fraction('1'), floor: fraction('0') },
    ];
    const random = createSeededRandom(7);
    for (let trial = 0; trial < 2000; trial++) {
      const counts: IndicatorCounts = {
        a: { numerator: BigInt(random.integer(600, 900)), denominator: 1000n },
        b: { numerator: BigInt(random.integer(600, 900)), denominator: 1000n },
        c: { numerator: BigInt(random.integer(0, 2000)), denominator: 2000n },
      };
      expect(evaluateAgencyFigures({ scheme, counts })).toEqual(reference({ scheme, counts }));
    }
  });

  it("grades with the scheme version's own bands", () => {
    const grades: GradeThreshold[] = [
      { grade: 'excellent', min: 95 },
      { grade: 'good', min: 85 },
      { grade: 'pass', min: 75 },
      { grade: 'basic', min: 65 },
      { grade: 'fail', min: 0 },
    ];
    const random = createSeededRandom(11);
    for (let trial = 0; trial < 300; trial++) {
      const counts = randomCounts(random, DEFAULT_SCHEME);
      expect(evaluateAgencyFigures({ scheme: DEFAULT_SCHEME, counts, grades })).toEqual(
        reference({ scheme: DEFAULT_SCHEME, counts, grades }),
      );
    }
  });

  it('fails as the exact evaluation does on negative figures and duplicated codes', () => {
    expect(() =>
      evaluateAgencyFigures({
        scheme: DEFAULT_SCHEME,
        counts: { collection: { numerator: -1n, denominator: 5n } },
      }),
    ).toThrow(RangeError);
    const twice = [DEFAULT_SCHEME[0], DEFAULT_SCHEME[0]];
    expect(() => evaluateAgencyFigures({ scheme: twice, counts: {} })).toThrow(/appears twice/);
  });
});
