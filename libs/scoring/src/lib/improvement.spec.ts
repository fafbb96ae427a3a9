import { bandScore, rankImprovements } from './improvement';

const band = { target: 1, floor: 0.6 };

describe('bandScore', () => {
  it.each([
    [1.05, 100],
    [1, 100],
    [0.8, 50],
    [0.6, 0],
    [0.3, 0],
  ])('rate %p scores %p', (rate, expected) => {
    expect(bandScore({ rate, ...band })).toBeCloseTo(expected, 10);
  });
});

describe('rankImprovements', () => {
  it('puts first the indicator whose reaching the target raises the composite most', () => {
    const result = rankImprovements([
      { code: 'collection', weight: 20, rate: 0.89, target: 0.98, floor: 0.8 }, // score 50
      { code: 'first_inquiry', weight: 10, rate: 0.8, target: 1, floor: 0.8 }, // score 0
      { code: 'satisfaction', weight: 20, rate: 0.95, target: 0.9, floor: 0.6 }, // at target
    ]);
    // Σweight 50: collection 20 × 50 / 50 = 20 points; first_inquiry 10 × 100 / 50 = 20 points.
    expect(result.map((r) => r.code)).toEqual(['collection', 'first_inquiry']);
    expect(result[0]?.gainToTarget).toBeCloseTo(20, 10);
    expect(result[1]?.gainToTarget).toBeCloseTo(20, 10);
    // Tie on the gain to target → the larger gain per percentage point first.
    expect(result[0]?.gainPerPoint).toBeGreaterThan(result[1]?.gainPerPoint ?? 0);
    expect(result[0]?.rateGap).toBeCloseTo(0.09, 10);
  });

  it('renormalises over applicable indicators and leaves out those not applicable', () => {
    const result = rankImprovements([
      { code: 'ab_post', weight: 10, rate: null, target: 1, floor: 0.8 },
      { code: 'online_reply', weight: 10, rate: 0.825, target: 0.95, floor: 0.7 }, // score 50
      { code: 'collection', weight: 30, rate: 0.98, target: 0.98, floor: 0.8 },
    ]);
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ code: 'online_reply', score: 50 });
    expect(result[0]?.gainToTarget).toBeCloseTo((10 * 50) / 40, 10);
    expect(result[0]?.gainPerPoint).toBeCloseTo((10 * (100 / 25)) / 40, 10);
  });

  it('gives no gain per point far below the floor, and nothing when all targets are met', () => {
    const low = rankImprovements([{ code: 'x', weight: 10, rate: 0.2, target: 1, floor: 0.6 }]);
    expect(low[0]?.gainPerPoint).toBe(0);
    expect(low[0]?.gainToTarget).toBe(100);
    expect(rankImprovements([{ code: 'x', weight: 10, rate: 1.2, target: 1, floor: 0.6 }])).toEqual(
      [],
    );
    expect(rankImprovements([])).toEqual([]);
  });
});
