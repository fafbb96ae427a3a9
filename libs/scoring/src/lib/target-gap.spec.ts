import { targetGap } from './target-gap';

describe('targetGap', () => {
  it.each([
    // 98 % − 7624 / 8682: exact, then the nearest double (not 0.98 − 0.8781386777…).
    [{ numerator: '7624', denominator: '8682', target: '0.980000' }, (98 * 8682 - 762400) / 868200],
    // Money: 2 decimals on both sides of the fraction.
    [{ numerator: '1234.56', denominator: '2000.00', target: '0.98' }, 0.98 - 0.61728],
    [{ numerator: 60, denominator: 100, target: 1 }, 0.4],
  ])('is target − rate for %o', (input, expected) => {
    expect(targetGap(input)).toBeCloseTo(expected, 15);
  });

  it('is exact where float subtraction drifts', () => {
    // 0.7 − 0.6 is 0.09999999999999998 in floats; the gap is one tenth.
    expect(0.7 - 0.6).not.toBe(0.1);
    expect(targetGap({ numerator: '60', denominator: '100', target: '0.7' })).toBe(0.1);
  });

  it('is null when the target is met or passed, and when the indicator does not apply', () => {
    expect(targetGap({ numerator: '98', denominator: '100', target: '0.98' })).toBeNull();
    expect(targetGap({ numerator: '10001', denominator: '10000', target: '1' })).toBeNull();
    expect(targetGap({ numerator: '0', denominator: '0', target: '0.98' })).toBeNull();
  });
});
