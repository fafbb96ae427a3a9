import { subtotalDimensions } from './dimension-subtotals';

describe('subtotalDimensions', () => {
  it('weighs each dimension’s applicable indicators, in the order dimensions first appear', () => {
    expect(
      subtotalDimensions([
        { dimension: '业务经办', weight: 20, score: 100 },
        { dimension: '服务质量', weight: 10, score: 0 },
        { dimension: '业务经办', weight: 20, score: 50 },
        { dimension: '业务经办', weight: 10, score: null },
        { dimension: '服务质量', weight: 20, score: 75 },
      ]),
    ).toEqual([
      // (20×100 + 20×50) / 40 = 75; the not-applicable indicator's 10 leaves the average alone.
      { name: '业务经办', weight: 50, score: 75 },
      // (10×0 + 20×75) / 30 = 50
      { name: '服务质量', weight: 30, score: 50 },
    ]);
  });

  it('rounds to 2 decimals as the composite does', () => {
    // (1×100 + 2×0) / 3 = 33.333…
    expect(
      subtotalDimensions([
        { dimension: 'a', weight: 1, score: 100 },
        { dimension: 'a', weight: 2, score: 0 },
      ]),
    ).toEqual([{ name: 'a', weight: 3, score: 33.33 }]);
  });

  it('has no score for a dimension none of whose indicators applies', () => {
    expect(subtotalDimensions([{ dimension: 'a', weight: 10, score: null }])).toEqual([
      { name: 'a', weight: 10, score: null },
    ]);
  });
});
