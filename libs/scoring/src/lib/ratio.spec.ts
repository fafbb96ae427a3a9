import { Ratio } from './ratio';

const r = (text: string): Ratio => Ratio.fromDecimal(text);

describe('Ratio', () => {
  describe('of', () => {
    it.each([
      [2n, 4n, 1n, 2n],
      [-2n, 4n, -1n, 2n],
      [2n, -4n, -1n, 2n],
      [-2n, -4n, 1n, 2n],
      [0n, 7n, 0n, 1n],
      [0n, -7n, 0n, 1n],
      [7624n, 8682n, 3812n, 4341n],
      [10n ** 30n, 10n ** 28n, 100n, 1n],
    ])('normalises %p/%p to %p/%p', (numerator, denominator, expectedN, expectedD) => {
      const ratio = Ratio.of(numerator, denominator);
      expect(ratio.numerator).toBe(expectedN);
      expect(ratio.denominator).toBe(expectedD);
    });

    it('throws on a zero denominator', () => {
      expect(() => Ratio.of(1n, 0n)).toThrow(RangeError);
      expect(() => Ratio.of(0n, 0n)).toThrow('zero denominator');
    });

    it('gives structurally equal objects for equal values', () => {
      expect(Ratio.of(3n, 6n)).toEqual(Ratio.of(-5n, -10n));
    });
  });

  describe('fromInteger', () => {
    it.each([0, 1, -7, Number.MAX_SAFE_INTEGER])('accepts the number %p', (n) => {
      expect(Ratio.fromInteger(n)).toEqual(Ratio.of(BigInt(n), 1n));
    });

    it('accepts a bigint of any size', () => {
      expect(Ratio.fromInteger(10n ** 40n).numerator).toBe(10n ** 40n);
    });

    it.each([0.5, Number.NaN, Infinity, 2 ** 53])('rejects %p', (n) => {
      expect(() => Ratio.fromInteger(n)).toThrow(RangeError);
    });
  });

  describe('fromDecimal', () => {
    it.each([
      ['0.98', 49n, 50n],
      ['1', 1n, 1n],
      ['0.878138', 439069n, 500000n],
      ['0.80', 4n, 5n],
      ['-1.5', -3n, 2n],
      ['+2.25', 9n, 4n],
      [' 0.6 ', 3n, 5n],
      ['000', 0n, 1n],
      ['-0', 0n, 1n],
      ['123456789012345678901234567890.1', 1234567890123456789012345678901n, 10n],
    ])('parses %p as %p/%p', (text, numerator, denominator) => {
      expect(Ratio.fromDecimal(text)).toEqual(Ratio.of(numerator, denominator));
    });

    it.each(['', ' ', 'abc', '1e3', '1,5', '.5', '5.', '0x10', '1.2.3', '--1', 'NaN', 'Infinity'])(
      'throws on %p',
      (text) => {
        expect(() => Ratio.fromDecimal(text)).toThrow(SyntaxError);
      },
    );
  });

  describe('fromNumber', () => {
    it.each([
      [0.98, r('0.98')],
      [0.1 + 0.2, r('0.30000000000000004')],
      [20, r('20')],
      [-0, Ratio.ZERO],
      [1e21, Ratio.fromInteger(10n ** 21n)],
      [1.5e-7, Ratio.of(15n, 10n ** 8n)],
      [-2.5e-8, Ratio.of(-25n, 10n ** 9n)],
    ])('takes %p as the decimal it prints as', (n, expected) => {
      expect(Ratio.fromNumber(n)).toEqual(expected);
    });

    it.each([Number.NaN, Infinity, -Infinity])('rejects %p', (n) => {
      expect(() => Ratio.fromNumber(n)).toThrow(RangeError);
    });
  });

  describe('arithmetic', () => {
    it.each([
      ['1/2 + 1/3 = 5/6', r('0.5').add(Ratio.of(1n, 3n)), Ratio.of(5n, 6n)],
      ['0.1 + 0.2 = 0.3 exactly', r('0.1').add(r('0.2')), r('0.3')],
      ['1/2 − 1/3 = 1/6', r('0.5').sub(Ratio.of(1n, 3n)), Ratio.of(1n, 6n)],
      ['1/3 − 1/2 = −1/6', Ratio.of(1n, 3n).sub(r('0.5')), Ratio.of(-1n, 6n)],
      ['2/3 × 3/4 = 1/2', Ratio.of(2n, 3n).mul(Ratio.of(3n, 4n)), r('0.5')],
      ['2/3 ÷ 4/9 = 3/2', Ratio.of(2n, 3n).div(Ratio.of(4n, 9n)), r('1.5')],
      ['1 ÷ −2 = −1/2', Ratio.ONE.div(Ratio.fromInteger(-2)), r('-0.5')],
      ['negate', r('0.25').negate(), r('-0.25')],
    ])('%s', (_name, actual, expected) => {
      expect(actual).toEqual(expected);
    });

    it('throws on division by zero', () => {
      expect(() => Ratio.ONE.div(Ratio.ZERO)).toThrow('Division by zero');
    });

    it('never mutates its operands', () => {
      const half = r('0.5');
      half.add(Ratio.ONE).mul(Ratio.HUNDRED).sub(half).div(half);
      expect(half).toEqual(Ratio.of(1n, 2n));
    });
  });

  describe('comparison', () => {
    it.each([
      [r('0.5'), Ratio.of(1n, 2n), 0],
      [Ratio.of(1n, 3n), r('0.3333333333'), 1],
      [r('-1'), Ratio.ZERO, -1],
      [r('-0.5'), r('-0.25'), -1],
      [Ratio.of(10001n, 10000n), Ratio.ONE, 1],
    ])('compare(%s, %s) = %p', (a, b, expected) => {
      expect(a.compare(b)).toBe(expected);
      expect(b.compare(a)).toBe(-expected || 0);
      expect(a.equals(b)).toBe(expected === 0);
    });

    it('isZero', () => {
      expect(Ratio.ZERO.isZero()).toBe(true);
      expect(Ratio.of(0n, -5n).isZero()).toBe(true);
      expect(Ratio.of(1n, 10n ** 30n).isZero()).toBe(false);
    });
  });

  describe('toNumber', () => {
    it.each([
      [Ratio.of(7624n, 8682n), 7624 / 8682],
      [Ratio.of(1n, 3n), 1 / 3],
      [Ratio.of(-2n, 3n), -2 / 3],
      [Ratio.ZERO, 0],
      [r('87.815'), 87.815],
    ])('%s → %p', (ratio, expected) => {
      expect(ratio.toNumber()).toBe(expected);
    });

    it('stays precise when numerator and denominator overflow doubles', () => {
      const huge = 10n ** 400n;
      expect(Ratio.of(huge + 1n, 3n * huge).toNumber()).toBe(1 / 3);
      expect(Ratio.of(-7624n * huge, 8682n * huge + 1n).toNumber()).toBe(-7624 / 8682);
      expect(Ratio.of(huge, 1n).toNumber()).toBe(Infinity);
      expect(Ratio.of(1n, huge).toNumber()).toBe(0);
    });

    it('rounds once, where Number(n) / Number(d) would round twice', () => {
      // 2^53 + 1 is not a double: the naive way divides 2^53 and gets 3002399751580330.5.
      expect(Ratio.of(2n ** 53n + 1n, 3n).toNumber()).toBe(3002399751580331);
    });

    it('rounds an exact tie to even', () => {
      // 2^54 + 2 lies halfway between the doubles 2^54 and 2^54 + 4; the even one is 2^54.
      expect(Ratio.of(2n ** 54n + 2n, 1n).toNumber()).toBe(2 ** 54);
      // …but anything above the tie goes up.
      expect(Ratio.of(2n ** 55n + 5n, 2n).toNumber()).toBe(2 ** 54 + 4);
    });

    it('handles values far beyond 2^53 with a small denominator', () => {
      expect(Ratio.of(10n ** 20n, 7n).toNumber()).toBe(1e20 / 7);
      expect(Ratio.of(123456789012345678901234567890n, 10n).toNumber()).toBe(
        Number('12345678901234567890123456789'), // parsing text rounds correctly
      );
    });
  });

  describe('rounding (half away from zero, exact)', () => {
    it.each([
      ['87.815', 8782n, 87.82, '87.82'],
      ['87.805', 8781n, 87.81, '87.81'],
      ['87.8149999999', 8781n, 87.81, '87.81'],
      ['-87.815', -8782n, -87.82, '-87.82'],
      ['-0.004', 0n, 0, '0.00'],
      ['0.005', 1n, 0.01, '0.01'],
      ['1.005', 101n, 1.01, '1.01'],
      ['100', 10000n, 100, '100.00'],
      ['0', 0n, 0, '0.00'],
    ])('%p → %p hundredths, %p, %p', (text, hundredths, rounded, fixed) => {
      const ratio = r(text);
      expect(ratio.roundToHundredths()).toBe(hundredths);
      expect(ratio.roundedNumber()).toBe(rounded);
      expect(ratio.toFixed()).toBe(fixed);
    });

    it('rounds 7624/8682 to 87.81 % (0.8781386777…)', () => {
      const percent = Ratio.of(7624n, 8682n).mul(Ratio.HUNDRED);
      expect(percent.roundToHundredths()).toBe(8781n);
      expect(percent.roundedNumber()).toBe(87.81);
    });

    it('rounds a repeating fraction exactly at the tie', () => {
      // 1/8 = 0.125 is a true tie at 2 decimals; 1/3 is not.
      expect(Ratio.of(1n, 8n).roundToHundredths()).toBe(13n);
      expect(Ratio.of(-1n, 8n).roundToHundredths()).toBe(-13n);
      expect(Ratio.of(1n, 3n).roundToHundredths()).toBe(33n);
      expect(Ratio.of(2n, 3n).roundToHundredths()).toBe(67n);
    });

    it.each([
      [0, '88', 88],
      [1, '87.8', 87.8],
      [3, '87.814', 87.814],
      [6, '87.813868', 87.813868],
    ])('at %p decimals', (decimals, fixed, rounded) => {
      const percent = Ratio.of(7624n, 8682n).mul(Ratio.HUNDRED);
      expect(percent.toFixed(decimals)).toBe(fixed);
      expect(percent.roundedNumber(decimals)).toBe(rounded);
    });

    it('beats float rounding where the double sits just below the tie', () => {
      // The float traps: 1.005 * 100 is 100.49999999999999, and (87.815).toFixed(2) is "87.81".
      expect(Math.round(1.005 * 100) / 100).toBe(1);
      expect((87.815).toFixed(2)).toBe('87.81');
      expect(r('1.005').roundedNumber()).toBe(1.01);
      expect(r('87.815').toFixed(2)).toBe('87.82');
    });

    it.each([-1, 1.5, Number.NaN])('rejects %p decimals', (decimals) => {
      expect(() => r('1').toFixed(decimals)).toThrow(RangeError);
      expect(() => r('1').roundedNumber(decimals)).toThrow(RangeError);
    });
  });

  it('prints as a fraction', () => {
    expect(String(Ratio.of(7624n, 8682n))).toBe('3812/4341');
    expect(String(Ratio.fromInteger(-3))).toBe('-3');
  });
});
