import { parseAmount } from './amount';
import type { SchemeIndicator } from './evaluate';
import { computeRate, type Counts } from './rate';
import { Ratio } from './ratio';
import { evaluateWindow, sumWindowCounts, type WindowAgency } from './window-result';
import { DEFAULT_SCHEME } from './testing/default-scheme';

const counts = (numerator: bigint, denominator: bigint): Counts => ({ numerator, denominator });

/** Satisfaction alone: 100 at 90 %, 0 at 60 %, linear between. */
const SATISFACTION_ONLY: SchemeIndicator[] = [
  { code: 'satisfaction', weight: 20, target: Ratio.fromDecimal('0.9'), floor: Ratio.fromDecimal('0.6') },
];

const TREE: WindowAgency[] = [
  { code: '330000', parentCode: null, level: 'province' },
  { code: '330100', parentCode: '330000', level: 'city' },
  { code: '330200', parentCode: '330000', level: 'city' },
  { code: '330102', parentCode: '330100', level: 'county' },
  { code: '330105', parentCode: '330100', level: 'county' },
  { code: '330203', parentCode: '330200', level: 'county' },
  { code: '330205', parentCode: '330200', level: 'county' },
];

describe('sumWindowCounts', () => {
  it('adds numerators and denominators separately and exactly (money in fen)', () => {
    const sums = sumWindowCounts([
      { agencyCode: '330102', counts: { collection: counts(parseAmount('0.10'), parseAmount('0.20')) } },
      { agencyCode: '330102', counts: { collection: counts(parseAmount('0.20'), parseAmount('0.40')), satisfaction: counts(3n, 4n) } },
      { agencyCode: '330105', counts: { satisfaction: counts(1n, 2n) } },
    ]);
    expect(sums.get('330102')).toEqual({ collection: counts(30n, 60n), satisfaction: counts(3n, 4n) });
    expect(sums.get('330105')).toEqual({ satisfaction: counts(1n, 2n) });
  });
});

describe('evaluateWindow', () => {
  // 330102: 90 % in a small month (9/10) and 70 % in a big one (700/1000): the average of the
  // rates is 80 %, the ratio of sums 709/1010 ≈ 70.20 %. 330105: 75 % both months.
  const figures = [
    { agencyCode: '330102', counts: { satisfaction: counts(9n, 10n) } },
    { agencyCode: '330102', counts: { satisfaction: counts(700n, 1000n) } },
    { agencyCode: '330105', counts: { satisfaction: counts(75n, 100n) } },
    { agencyCode: '330105', counts: { satisfaction: counts(150n, 200n) } },
    { agencyCode: '330203', counts: { satisfaction: counts(90n, 100n) } },
  ];
  const result = evaluateWindow({ agencies: TREE, figures, scheme: SATISFACTION_ONLY });
  const of = (code: string) => {
    const found = result.find((entry) => entry.code === code);
    if (!found) throw new Error(`no result for ${code}`);
    return found;
  };

  it('rates the summed figures: the ratio of sums wins over the average of the monthly rates', () => {
    const rate = of('330102').evaluation?.indicators[0].rate;
    expect(rate).toEqual(Ratio.of(709n, 1010n));
    const averageOfRates = Ratio.of(9n, 10n).add(Ratio.of(7n, 10n)).div(Ratio.fromInteger(2));
    expect(averageOfRates).toEqual(Ratio.of(4n, 5n));
    expect(rate?.equals(averageOfRates)).toBe(false);
    // Scored on 70.20 %: (0.70198 − 0.6) / 0.3 × 100 = 33.99, not the 66.67 that 80 % would give.
    expect(of('330102').evaluation?.composite?.rounded).toBe(33.99);
    expect(of('330102').evaluation?.grade).toBe('fail');
  });

  it('ranks the window as a month is ranked, on the window scores', () => {
    // By the averages 330102 (80 %) would lead 330105 (75 %); by the sums 330105 leads.
    expect(of('330105')).toMatchObject({ rankInParent: 1, parentSize: 2, rankInLevel: 2, levelSize: 3 });
    expect(of('330102')).toMatchObject({ rankInParent: 2, parentSize: 2, rankInLevel: 3, levelSize: 3 });
    expect(of('330203')).toMatchObject({ rankInParent: 1, parentSize: 1, rankInLevel: 1 });
  });

  it('leaves an agency with no covered figures unranked (未报送), out of "of M"', () => {
    expect(of('330205')).toMatchObject({ reported: false, evaluation: null, rankInParent: null, rankInLevel: null, parentSize: 1 });
  });

  it('matches a single month evaluated alone when the window covers one month', () => {
    const single = evaluateWindow({
      agencies: TREE,
      figures: [{ agencyCode: '330102', counts: { satisfaction: counts(825n, 1000n) } }],
      scheme: DEFAULT_SCHEME,
    });
    const county = single.find((entry) => entry.code === '330102');
    expect(county?.evaluation?.indicators.find((i) => i.code === 'satisfaction')?.rate).toEqual(computeRate(counts(825n, 1000n)));
    expect(county?.evaluation?.composite?.rounded).toBe(75);
  });

  it('compares ranks with the previous window, null where there was none', () => {
    const withPrevious = evaluateWindow({
      agencies: TREE,
      figures,
      scheme: SATISFACTION_ONLY,
      previous: new Map([
        ['330102', { rankInParent: 1, rankInLevel: 1, rankInNation: null }],
        ['330105', { rankInParent: null, rankInLevel: null, rankInNation: null }],
      ]),
    });
    const change = (code: string) => withPrevious.find((entry) => entry.code === code);
    expect(change('330102')).toMatchObject({ rankChangeInParent: -1, rankChangeInLevel: -2 });
    expect(change('330105')).toMatchObject({ rankChangeInParent: null, rankChangeInLevel: null });
    expect(change('330203')).toMatchObject({ rankChangeInParent: null });
  });
});
