import { AgencyTreeError } from './agency-tree.error';
import type { AgencyNode } from './agency-tree';
import { computeRate, type Counts } from './rate';
import { Ratio } from './ratio';
import { rollUpCounts, type IndicatorCounts } from './roll-up';
import { PROVINCE_TREE } from './testing/agency-fixtures';

const counts = (numerator: bigint, denominator: bigint): Counts => ({ numerator, denominator });

describe('rollUpCounts', () => {
  // City 330100 rates 90 %, its counties 100 % and 10 %, with very different volumes.
  const own = new Map<string, IndicatorCounts>([
    ['330100', { satisfaction: counts(90n, 100n), collection: counts(50_000n, 100_000n) }],
    ['330102', { satisfaction: counts(10n, 10n) }],
    ['330105', { satisfaction: counts(100n, 1000n), collection: counts(762_400n, 868_200n) }],
    ['330203', { satisfaction: counts(3n, 4n) }],
  ]);

  it('gives the city Σ numerators / Σ denominators over itself and its counties', () => {
    const city = rollUpCounts({ agencies: PROVINCE_TREE, own }).get('330100');
    expect(city).toEqual({
      satisfaction: counts(90n + 10n + 100n, 100n + 10n + 1000n),
      collection: counts(812_400n, 968_200n),
    });
    expect(computeRate(city?.satisfaction ?? counts(0n, 0n))).toEqual(Ratio.of(20n, 111n));
  });

  it('is a ratio of sums, not the average of the rates', () => {
    const city = rollUpCounts({ agencies: PROVINCE_TREE, own }).get('330100');
    const aggregate = computeRate(city?.satisfaction ?? counts(0n, 0n));
    const averageOfRates = [counts(90n, 100n), counts(10n, 10n), counts(100n, 1000n)]
      .map((c) => computeRate(c) ?? Ratio.ZERO)
      .reduce((sum, rate) => sum.add(rate), Ratio.ZERO)
      .div(Ratio.fromInteger(3));
    expect(averageOfRates).toEqual(Ratio.of(2n, 3n));
    expect(aggregate?.equals(averageOfRates)).toBe(false);
    expect(aggregate?.toNumber()).toBeCloseTo(0.18, 2);
  });

  it('sums every level up to the province', () => {
    const result = rollUpCounts({ agencies: PROVINCE_TREE, own });
    expect(result.get('330000')).toEqual({
      satisfaction: counts(203n, 1114n),
      collection: counts(812_400n, 968_200n),
    });
    expect(result.get('330200')).toEqual({ satisfaction: counts(3n, 4n) });
    expect(result.get('330105')).toEqual(own.get('330105'));
  });

  it('leaves out agencies whose whole subtree has no counts', () => {
    const result = rollUpCounts({ agencies: PROVINCE_TREE, own });
    expect(result.has('330205')).toBe(false);
    expect([...result.keys()]).toEqual([
      '330000',
      '330100',
      '330200',
      '330102',
      '330105',
      '330203',
    ]);
  });

  it('rolls counts up through an agency that has none of its own', () => {
    const result = rollUpCounts({
      agencies: PROVINCE_TREE,
      own: new Map([['330205', { satisfaction: counts(1n, 2n) }]]),
    });
    expect(result.get('330200')).toEqual({ satisfaction: counts(1n, 2n) });
    expect(result.get('330000')).toEqual({ satisfaction: counts(1n, 2n) });
    expect(result.has('330100')).toBe(false);
  });

  it('keeps 0 / 0 counts (reported, not applicable) and treats an empty record as no counts', () => {
    const result = rollUpCounts({
      agencies: PROVINCE_TREE,
      own: new Map<string, IndicatorCounts>([
        ['330102', { ab_post: counts(0n, 0n) }],
        ['330203', {}],
      ]),
    });
    expect(result.get('330000')).toEqual({ ab_post: counts(0n, 0n) });
    expect(result.has('330203')).toBe(false);
    expect(result.has('330200')).toBe(false);
  });

  it('is empty without counts', () => {
    expect(rollUpCounts({ agencies: PROVINCE_TREE, own: new Map() }).size).toBe(0);
  });

  it('neither mutates nor aliases its input', () => {
    const input = new Map<string, IndicatorCounts>([
      ['330102', { satisfaction: counts(1n, 2n) }],
      ['330105', { satisfaction: counts(3n, 4n) }],
    ]);
    const result = rollUpCounts({ agencies: PROVINCE_TREE, own: input });
    const county = result.get('330102');
    if (county === undefined) {
      throw new Error('missing county');
    }
    county.satisfaction.numerator = 999n;
    expect(input.get('330102')?.satisfaction).toEqual(counts(1n, 2n));
    expect(result.get('330100')?.satisfaction).toEqual(counts(4n, 6n));
  });

  it('keeps odd indicator codes as plain keys', () => {
    const withOddCode = (value: Counts): IndicatorCounts =>
      Object.defineProperty({}, '__proto__', { value, enumerable: true }) as IndicatorCounts;
    const result = rollUpCounts({
      agencies: PROVINCE_TREE,
      own: new Map([
        ['330102', withOddCode(counts(1n, 2n))],
        ['330105', withOddCode(counts(3n, 4n))],
      ]),
    });
    const province = result.get('330000') ?? {};
    expect(Object.keys(province)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(province)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(province, '__proto__')?.value).toEqual(counts(4n, 6n));
  });

  it.each<[string, AgencyNode[], Map<string, IndicatorCounts>, string]>([
    [
      'a cycle',
      [...PROVINCE_TREE, { code: 'x', parentCode: 'y' }, { code: 'y', parentCode: 'x' }],
      new Map(),
      'cycle',
    ],
    [
      'an unknown parent code',
      [...PROVINCE_TREE, { code: '330301', parentCode: '330300' }],
      new Map(),
      'unknown_parent',
    ],
    [
      'counts of an agency that is not in the tree',
      [...PROVINCE_TREE],
      new Map([['339999', { satisfaction: counts(1n, 1n) }]]),
      'unknown_agency',
    ],
  ])('throws a clear AgencyTreeError on %s', (_name, agencies, input, problem) => {
    expect(() => rollUpCounts({ agencies, own: input })).toThrow(AgencyTreeError);
    expect(() => rollUpCounts({ agencies, own: input })).toThrow(
      expect.objectContaining({ problem }) as Error,
    );
  });

  it('rolls up a province of 3,300 agencies × 7 indicators quickly', () => {
    const indicators = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const agencies: AgencyNode[] = [{ code: 'P', parentCode: null }];
    const own = new Map<string, IndicatorCounts>();
    for (let city = 0; city < 300; city++) {
      agencies.push({ code: `C${city}`, parentCode: 'P' });
      for (let county = 0; county < 10; county++) {
        const code = `C${city}-${county}`;
        agencies.push({ code, parentCode: `C${city}` });
        own.set(code, Object.fromEntries(indicators.map((i) => [i, counts(3n, 4n)])));
      }
    }
    const started = performance.now();
    const result = rollUpCounts({ agencies, own });
    const elapsed = performance.now() - started;

    expect(result.get('P')?.g).toEqual(counts(9000n, 12000n));
    expect(result.get('C7')?.a).toEqual(counts(30n, 40n));
    expect(result.size).toBe(3301);
    expect(elapsed).toBeLessThan(1000); // generous: it takes a few milliseconds
  });

  it('rolls up a very deep chain without recursion', () => {
    const agencies = Array.from({ length: 20_000 }, (_, i) => ({
      code: `a${i}`,
      parentCode: i === 0 ? null : `a${i - 1}`,
    }));
    const result = rollUpCounts({
      agencies,
      own: new Map([['a19999', { x: counts(1n, 1n) }]]),
    });
    expect(result.get('a0')).toEqual({ x: counts(1n, 1n) });
    expect(result.size).toBe(20_000);
  });
});
