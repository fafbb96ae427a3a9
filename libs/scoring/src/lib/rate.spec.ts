import { computeRate, formatPercent } from './rate';
import { Ratio } from './ratio';
import { parseAmount } from './amount';

describe('computeRate', () => {
  it.each([
    [7624n, 8682n, Ratio.of(3812n, 4341n)],
    [0n, 10n, Ratio.ZERO],
    [10n, 10n, Ratio.ONE],
    [10001n, 10000n, Ratio.of(10001n, 10000n)],
    [3n, 1n, Ratio.fromInteger(3)],
  ])('%p / %p = %s', (numerator, denominator, expected) => {
    expect(computeRate({ numerator, denominator })).toEqual(expected);
  });

  it('is null (not applicable) when the denominator is 0', () => {
    expect(computeRate({ numerator: 0n, denominator: 0n })).toBeNull();
    expect(computeRate({ numerator: 5n, denominator: 0n })).toBeNull();
  });

  it('accepts an expansion above 100 % without error', () => {
    expect(() => computeRate({ numerator: 10001n, denominator: 10000n })).not.toThrow();
    expect(formatPercent(computeRate({ numerator: 10001n, denominator: 10000n }))).toBe('100.01 %');
  });

  it('divides money amounts kept in cents exactly', () => {
    const rate = computeRate({
      numerator: parseAmount('1234567.89'),
      denominator: parseAmount('1400000.00'),
    });
    expect(rate).toEqual(Ratio.of(123456789n, 140000000n));
  });

  it.each([
    [-1n, 10n],
    [1n, -10n],
    [-1n, 0n],
  ])('rejects negative counts %p / %p', (numerator, denominator) => {
    expect(() => computeRate({ numerator, denominator })).toThrow(RangeError);
  });
});

describe('formatPercent', () => {
  it('shows 7624 / 8682 as 87.81 % (figures from the source documents)', () => {
    expect(formatPercent(computeRate({ numerator: 7624n, denominator: 8682n }))).toBe('87.81 %');
  });

  it.each<[Ratio | number | null, number | undefined, string]>([
    [null, undefined, '—'],
    [Ratio.ONE, undefined, '100.00 %'],
    [Ratio.ZERO, undefined, '0.00 %'],
    [Ratio.of(10001n, 10000n), undefined, '100.01 %'],
    [1.0001, undefined, '100.01 %'],
    [0.878138, undefined, '87.81 %'],
    [0.87815, undefined, '87.82 %'],
    [Ratio.fromDecimal('0.87815'), undefined, '87.82 %'],
    [Ratio.fromDecimal('0.878149999'), undefined, '87.81 %'],
    [Ratio.of(1n, 3n), undefined, '33.33 %'],
    [Ratio.of(2n, 3n), undefined, '66.67 %'],
    [Ratio.of(7624n, 8682n), 0, '88 %'],
    [Ratio.of(7624n, 8682n), 1, '87.8 %'],
    [Ratio.of(7624n, 8682n), 4, '87.8139 %'],
    [0.5, 0, '50 %'],
    [0.005, 0, '1 %'],
    [1e-7, 2, '0.00 %'],
    [-0.25, undefined, '-25.00 %'],
    [-0.00001, undefined, '0.00 %'],
  ])('formatPercent(%s, %p) = %p', (rate, decimals, expected) => {
    expect(formatPercent(rate, decimals)).toBe(expected);
  });

  it.each([Number.NaN, Infinity])('rejects the number %p', (rate) => {
    expect(() => formatPercent(rate)).toThrow(RangeError);
  });

  it('rejects negative decimals', () => {
    expect(() => formatPercent(Ratio.ONE, -1)).toThrow(RangeError);
  });
});
