import { scoreIndicator, type ScoringBand } from './indicator-score';
import { computeRate } from './rate';
import { Ratio } from './ratio';

const r = (text: string): Ratio => Ratio.fromDecimal(text);
const band = (target: string, floor: string): ScoringBand => ({
  target: r(target),
  floor: r(floor),
});

describe('scoreIndicator', () => {
  const collection = band('0.98', '0.80');

  it.each([
    ['at the floor', '0.80', Ratio.ZERO],
    ['below the floor', '0.5', Ratio.ZERO],
    ['at zero', '0', Ratio.ZERO],
    ['at the target', '0.98', Ratio.HUNDRED],
    ['above the target', '0.99', Ratio.HUNDRED],
    ['at 100 %', '1', Ratio.HUNDRED],
    ['midway (0.89)', '0.89', Ratio.fromInteger(50)],
    ['a quarter of the way', '0.845', Ratio.fromInteger(25)],
    ['just above the floor', '0.8018', r('1')],
    ['just below the target', '0.9782', r('99')],
    ['between, non-integer', '0.9', Ratio.of(500n, 9n)],
  ])('collection (98 % / 80 %) %s → %s', (_name, rate, expected) => {
    expect(scoreIndicator({ rate: r(rate), band: collection })).toEqual(expected);
  });

  it('scores collection 0.89 with target 0.98, floor 0.80 exactly 50', () => {
    const score = scoreIndicator({ rate: r('0.89'), band: collection });
    expect(score.equals(Ratio.fromInteger(50))).toBe(true);
  });

  it('is linear between floor and target', () => {
    const satisfaction = band('0.9', '0.6');
    const at = (rate: string): Ratio => scoreIndicator({ rate: r(rate), band: satisfaction });
    expect(at('0.675')).toEqual(Ratio.fromInteger(25));
    expect(at('0.75')).toEqual(Ratio.fromInteger(50));
    expect(at('0.825')).toEqual(Ratio.fromInteger(75));
    // Equal steps in rate give equal steps in score.
    expect(at('0.7').sub(at('0.65'))).toEqual(at('0.85').sub(at('0.8')));
  });

  it('scores an expansion rate of 100.01 % exactly 100 with target 1, floor 0.6', () => {
    const rate = computeRate({ numerator: 10001n, denominator: 10000n });
    expect(rate).not.toBeNull();
    expect(scoreIndicator({ rate: rate as Ratio, band: band('1', '0.6') })).toEqual(Ratio.HUNDRED);
  });

  it('scores 7624 / 8682 for an expansion band exactly', () => {
    const rate = Ratio.of(7624n, 8682n);
    // 100 × (7624/8682 − 0.6) / 0.4 = 250 × 7624/8682 − 150
    const expected = Ratio.fromInteger(250).mul(rate).sub(Ratio.fromInteger(150));
    const score = scoreIndicator({ rate, band: band('1', '0.6') });
    expect(score).toEqual(expected);
    expect(score.roundedNumber()).toBe(69.53);
  });

  it('treats floor = target as a step', () => {
    const step = band('1', '1');
    expect(scoreIndicator({ rate: r('1'), band: step })).toEqual(Ratio.HUNDRED);
    expect(scoreIndicator({ rate: r('0.9999'), band: step })).toEqual(Ratio.ZERO);
  });

  it('rejects a floor above the target', () => {
    expect(() => scoreIndicator({ rate: r('0.9'), band: band('0.8', '0.9') })).toThrow(RangeError);
  });
});
