import { computeComposite, type WeightedScore } from './composite';
import { rankAgencies } from './rank';
import { Ratio } from './ratio';

const r = (text: string): Ratio => Ratio.fromDecimal(text);
const item = (weight: number, score: string | null): WeightedScore => ({
  weight,
  score: score === null ? null : r(score),
});

describe('computeComposite', () => {
  it.each<[string, WeightedScore[], Ratio, number]>([
    ['a single item', [item(20, '87.5')], r('87.5'), 87.5],
    ['equal weights', [item(10, '80'), item(10, '90')], r('85'), 85],
    ['weights 20/10', [item(20, '90'), item(10, '60')], r('80'), 80],
    ['all 100', [item(20, '100'), item(10, '100'), item(30, '100')], Ratio.HUNDRED, 100],
    ['all 0', [item(20, '0'), item(10, '0')], Ratio.ZERO, 0],
    ['a repeating result', [item(1, '100'), item(2, '0')], Ratio.of(100n, 3n), 33.33],
    ['a repeating result rounding up', [item(2, '100'), item(1, '0')], Ratio.of(200n, 3n), 66.67],
    ['fractional weights', [item(0.5, '100'), item(1.5, '60')], r('70'), 70],
    ['a zero-weight item', [item(0, '0'), item(10, '90')], r('90'), 90],
  ])('%s', (_name, items, exact, rounded) => {
    expect(computeComposite(items)).toEqual({ exact, rounded });
  });

  it('leaves out not-applicable items and renormalises the remaining weights', () => {
    const result = computeComposite([item(20, '100'), item(10, null), item(20, '50')]);
    expect(result).toEqual({ exact: r('75'), rounded: 75 });
  });

  it.each<[string, WeightedScore[]]>([
    ['no items', []],
    ['no applicable item', [item(20, null), item(10, null)]],
    ['total applicable weight 0', [item(0, '80'), item(20, null)]],
  ])('is null with %s', (_name, items) => {
    expect(computeComposite(items)).toBeNull();
  });

  it.each([-1, Number.NaN, Infinity])('rejects the weight %p', (weight) => {
    expect(() => computeComposite([item(weight, '50')])).toThrow(RangeError);
  });

  it('rejects a bad weight even on a not-applicable item', () => {
    expect(() => computeComposite([item(10, '50'), item(-1, null)])).toThrow(RangeError);
  });

  describe('rounding to 2 decimals, half away from zero, exact', () => {
    it('rounds an exact .xx5 up: (87.81 + 87.82) / 2 = 87.815 → 87.82', () => {
      const result = computeComposite([item(10, '87.81'), item(10, '87.82')]);
      expect(result?.exact).toEqual(r('87.815'));
      expect(result?.rounded).toBe(87.82);
    });

    it('rounds 1.005 up to 1.01 where floats give 1.00', () => {
      const result = computeComposite([item(1, '2.01'), item(1, '0')]);
      expect(result?.exact).toEqual(r('1.005'));
      expect(result?.rounded).toBe(1.01);
    });

    it('rounds just below the tie down', () => {
      const result = computeComposite([item(1, '87.8149999'), item(0, '0')]);
      expect(result?.rounded).toBe(87.81);
    });

    it('ranks by rounded values: 87.814 and 87.806 both show 87.81 and tie', () => {
      const a = computeComposite([item(10, '87.814')]);
      const b = computeComposite([item(10, '87.806')]);
      const c = computeComposite([item(10, '87.815')]);
      expect(a?.exact.compare(b?.exact ?? Ratio.ZERO)).toBe(1);
      expect(a?.rounded).toBe(87.81);
      expect(b?.rounded).toBe(87.81);
      expect(c?.rounded).toBe(87.82);

      const ranked = rankAgencies([
        { code: '330102', score: b?.rounded ?? null },
        { code: '330101', score: a?.rounded ?? null },
        { code: '330103', score: c?.rounded ?? null },
      ]);
      expect(ranked).toEqual([
        { code: '330103', score: 87.82, rank: 1 },
        { code: '330101', score: 87.81, rank: 2 },
        { code: '330102', score: 87.81, rank: 2 },
      ]);
    });
  });
});
