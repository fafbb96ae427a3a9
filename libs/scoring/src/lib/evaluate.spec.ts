import { parseAmount } from './amount';
import { evaluateAgency } from './evaluate';
import type { Counts } from './rate';
import { Ratio } from './ratio';
import type { IndicatorCounts } from './roll-up';
import { DEFAULT_SCHEME } from './testing/default-scheme';

const counts = (numerator: bigint, denominator: bigint): Counts => ({ numerator, denominator });

/** Counts giving the default scheme's indicators a chosen score. */
const MIXED: IndicatorCounts = {
  enrollment_expansion: counts(105n, 100n), // 105 % ≥ 100 % → 100
  collection: counts(parseAmount('8900000.00'), parseAmount('10000000.00')), // 89 % → 50
  annual_inspection: counts(40n, 40n), // 100 % → 100
  first_inquiry: counts(8n, 10n), // 80 % = floor → 0
  ab_post: counts(0n, 0n), // not applicable
  online_reply: counts(90n, 100n), // 90 % between 70 % and 95 % → 80
  satisfaction: counts(825n, 1000n), // 82.5 % between 60 % and 90 % → 75
};

describe('evaluateAgency', () => {
  it('scores every indicator in scheme order', () => {
    const result = evaluateAgency({ scheme: DEFAULT_SCHEME, counts: MIXED });
    expect(result.indicators.map(({ code, score }) => [code, score?.toNumber() ?? null])).toEqual([
      ['enrollment_expansion', 100],
      ['collection', 50],
      ['annual_inspection', 100],
      ['first_inquiry', 0],
      ['ab_post', null],
      ['online_reply', 80],
      ['satisfaction', 75],
    ]);
    expect(result.indicators[1]).toEqual({
      code: 'collection',
      numerator: 890000000n,
      denominator: 1000000000n,
      rate: Ratio.fromDecimal('0.89'),
      score: Ratio.fromInteger(50),
    });
  });

  it('renormalises the weights when ab_post does not apply: a hand-computed mixed case', () => {
    // (20×100 + 20×50 + 10×100 + 10×0 + 10×80 + 20×75) / (20+20+10+10+10+20) = 6300 / 90 = 70
    const result = evaluateAgency({ scheme: DEFAULT_SCHEME, counts: MIXED });
    expect(result.composite).toEqual({ exact: Ratio.fromInteger(70), rounded: 70 });
    expect(result.grade).toBe('pass');
    // Without renormalising it would have been 6300 / 100 = 63 (basic).
    expect(result.composite?.rounded).not.toBe(63);
  });

  it('grades with the scheme version’s own bands when given', () => {
    // The same composite of 70: 合格 under the default bands, 基本合格 when 合格 starts at 75.
    const grades = [
      { grade: 'excellent', min: 95 },
      { grade: 'good', min: 85 },
      { grade: 'pass', min: 75 },
      { grade: 'basic', min: 65 },
      { grade: 'fail', min: 0 },
    ] as const;
    const result = evaluateAgency({ scheme: DEFAULT_SCHEME, counts: MIXED, grades });
    expect(result.composite?.rounded).toBe(70);
    expect(result.grade).toBe('basic');
  });

  it('scores 100 when ab_post does not apply and everything else is perfect', () => {
    const perfect: IndicatorCounts = Object.fromEntries(
      DEFAULT_SCHEME.map(({ code }) => [code, counts(10n, 10n)]),
    );
    perfect.ab_post = counts(0n, 0n);
    const result = evaluateAgency({ scheme: DEFAULT_SCHEME, counts: perfect });
    expect(result.composite).toEqual({ exact: Ratio.HUNDRED, rounded: 100 });
    expect(result.grade).toBe('excellent');
  });

  it('evaluates the source figures exactly: collection 7624.00 / 8682.00, all else perfect', () => {
    const figures: IndicatorCounts = Object.fromEntries(
      DEFAULT_SCHEME.map(({ code }) => [code, counts(1n, 1n)]),
    );
    figures.collection = counts(parseAmount('7624.00'), parseAmount('8682.00'));
    const result = evaluateAgency({ scheme: DEFAULT_SCHEME, counts: figures });
    // 100 × (7624/8682 − 0.8) / 0.18 = 1696000/39069 ≈ 43.41; composite = (20 × that + 8000) / 100
    expect(result.indicators[1].score).toEqual(Ratio.of(1696000n, 39069n));
    expect(result.composite?.exact).toEqual(Ratio.of(3464720n, 39069n));
    expect(result.composite?.rounded).toBe(88.68);
    expect(result.grade).toBe('good');
  });

  it('treats missing counts as 0 / 0 and ignores indicators outside the scheme', () => {
    const result = evaluateAgency({
      scheme: DEFAULT_SCHEME,
      counts: { satisfaction: counts(9n, 10n), retired_indicator: counts(0n, 5n) },
    });
    expect(result.indicators).toHaveLength(DEFAULT_SCHEME.length);
    expect(result.indicators[0]).toEqual({
      code: 'enrollment_expansion',
      numerator: 0n,
      denominator: 0n,
      rate: null,
      score: null,
    });
    expect(result.composite).toEqual({ exact: Ratio.HUNDRED, rounded: 100 });
  });

  it('has no composite and no grade when nothing applies', () => {
    const result = evaluateAgency({ scheme: DEFAULT_SCHEME, counts: {} });
    expect(result.indicators.every(({ rate, score }) => rate === null && score === null)).toBe(
      true,
    );
    expect(result.composite).toBeNull();
    expect(result.grade).toBeNull();
  });

  it('handles an empty scheme', () => {
    expect(evaluateAgency({ scheme: [], counts: MIXED })).toEqual({
      indicators: [],
      composite: null,
      grade: null,
    });
  });

  it('scores an expansion of 100.01 % as 100', () => {
    const result = evaluateAgency({
      scheme: DEFAULT_SCHEME.slice(0, 1),
      counts: { enrollment_expansion: counts(10001n, 10000n) },
    });
    expect(result.indicators[0].rate).toEqual(Ratio.of(10001n, 10000n));
    expect(result.indicators[0].score).toEqual(Ratio.HUNDRED);
    expect(result.grade).toBe('excellent');
  });

  it('never reads inherited properties as counts', () => {
    const scheme = [{ ...DEFAULT_SCHEME[0], code: 'constructor' }];
    const result = evaluateAgency({ scheme, counts: {} });
    expect(result.indicators[0].rate).toBeNull();
  });

  it('rejects a scheme that lists an indicator twice', () => {
    const scheme = [DEFAULT_SCHEME[0], DEFAULT_SCHEME[0]];
    expect(() => evaluateAgency({ scheme, counts: MIXED })).toThrow(/appears twice/);
  });
});
