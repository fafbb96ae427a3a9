import { evaluateAgencyFigures } from './evaluate-figures';
import { Ratio } from './ratio';
import { rateOfFigures } from './rate-of-figures';

describe('rateOfFigures', () => {
  it.each([
    [7624, 8682, 7624 / 8682],
    [0, 10, 0],
    [5, 0, null],
    [0, 0, null],
    [10001, 10000, 10001 / 10000],
    // Money: the hundredths are divided, not the binary fractions the numbers travel as.
    [1234567.89, 1300000.01, 123456789 / 130000001],
    [0.1, 0.3, 1 / 3],
  ])('%p / %p → %p', (numerator, denominator, rate) => {
    expect(rateOfFigures(numerator, denominator)).toBe(rate);
  });

  it('gives back the rate the computation stored, from the figures sent beside it', () => {
    const scheme = [
      {
        code: 'collection',
        weight: 50,
        target: Ratio.fromNumber(0.98),
        floor: Ratio.fromNumber(0.8),
      },
      {
        code: 'satisfaction',
        weight: 50,
        target: Ratio.fromNumber(0.9),
        floor: Ratio.fromNumber(0.6),
      },
    ];
    const counts = {
      collection: { numerator: 123456789n, denominator: 130000001n },
      satisfaction: { numerator: 762400n, denominator: 868200n },
    };
    const { indicators } = evaluateAgencyFigures({ scheme, counts });
    expect(indicators.map((indicator) => indicator.rate)).not.toContain(null);
    for (const indicator of indicators) {
      const figures = [indicator.numerator, indicator.denominator].map((n) => Number(n) / 100);
      expect(rateOfFigures(figures[0] as number, figures[1] as number)).toBe(indicator.rate);
    }
  });
});
