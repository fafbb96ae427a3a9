import { type IndicatorCounts, rollUpCounts } from '@scorecard/scoring';
import type { PreviousRanks } from '@scorecard/server-database';
import {
  type CalculatorAgency,
  type PeriodResultsInput,
  calculatePeriodResults,
  toSchemeIndicators,
} from './period-results.calculator';
import { refreshResults, sameResult, withAncestors } from './period-results.refresh';

/** The nation, two provinces, two cities each with three counties, and a county under a province. */
function nationalTree(): CalculatorAgency[] {
  const agencies: CalculatorAgency[] = [{ code: '000000', parentCode: null, level: 'nation' as CalculatorAgency['level'] }];
  for (const province of ['33', '44']) {
    agencies.push({ code: `${province}0000`, parentCode: '000000', level: 'province' });
    for (const city of ['01', '02']) {
      agencies.push({ code: `${province}${city}00`, parentCode: `${province}0000`, level: 'city' });
      for (const county of ['02', '03', '04']) {
        agencies.push({ code: `${province}${city}${county}`, parentCode: `${province}${city}00`, level: 'county' });
      }
    }
  }
  agencies.push({ code: '339001', parentCode: '330000', level: 'county' });
  return agencies;
}

const SCHEME = toSchemeIndicators([
  { code: 'collection', weight: '60', target: '0.98', floor: '0.8' },
  { code: 'satisfaction', weight: '40', target: '0.9', floor: '0.6' },
]);

/** mulberry32: random yet reproducible. */
function seeded(seed: number): (max: number) => number {
  let state = seed >>> 0;
  return (max) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * (max + 1));
  };
}

function countsOf(random: (max: number) => number): IndicatorCounts {
  // Few distinct values, so that ties (shared ranks) happen.
  return {
    collection: { numerator: BigInt(80 + random(4) * 5), denominator: 100n },
    satisfaction: { numerator: BigInt(60 + random(3) * 10), denominator: 100n },
  };
}

const byKey = (a: { agencyCode: string; scope: string }, b: { agencyCode: string; scope: string }) =>
  `${a.agencyCode}/${a.scope}`.localeCompare(`${b.agencyCode}/${b.scope}`);

describe('refreshResults', () => {
  const agencies = nationalTree();

  it.each([1, 2, 3, 4, 5])('gives, after random saves, the rows a full computation gives (seed %i)', (seed) => {
    const random = seeded(seed);
    const own = new Map<string, IndicatorCounts>();
    for (const agency of agencies) if (random(3) > 0) own.set(agency.code, countsOf(random));
    const previousRanks = new Map<string, PreviousRanks>();
    for (const agency of agencies) {
      for (const scope of ['own', 'aggregate']) {
        previousRanks.set(`${agency.code}/${scope}`, { rankInParent: random(3) || null, rankInLevel: random(6) || null, rankInNation: random(9) || null });
      }
    }
    const input = (figures: Map<string, IndicatorCounts>): PeriodResultsInput => ({
      period: '2026-10',
      agencies,
      scheme: SCHEME,
      schemeVersion: { year: 2026, version: 1 },
      own: figures,
      previousRanks,
    });
    let stored = calculatePeriodResults(input(own));

    for (let round = 0; round < 20; round++) {
      const touched = Array.from({ length: 1 + random(2) }, () => agencies[random(agencies.length - 1)].code);
      for (const code of touched) {
        // A new figure, a first report, or (rarely) figures withdrawn.
        if (random(9) === 0) own.delete(code);
        else own.set(code, countsOf(random));
      }
      const full = calculatePeriodResults(input(own));
      const refreshed = refreshResults(input(own), stored, touched);
      expect(refreshed?.rows).toEqual(full);
      const differing = full.filter((row, index) => !sameResult(row, stored[index]));
      expect([...(refreshed?.changed ?? []), ...(refreshed?.reranked ?? [])].sort(byKey)).toEqual(differing.sort(byKey));
      stored = full;
    }
  });

  it.each([1, 2, 3])(
    'gives the rows a full computation gives from the figures of the agencies evaluated again alone (seed %i)',
    (seed) => {
      const random = seeded(seed);
      const own = new Map<string, IndicatorCounts>();
      for (const agency of agencies) if (random(3) > 0) own.set(agency.code, random(5) === 0 ? {} : countsOf(random));
      const input = (figures: Map<string, IndicatorCounts>): PeriodResultsInput => ({
        period: '2026-10',
        agencies,
        scheme: SCHEME,
        schemeVersion: { year: 2026, version: 1 },
        own: figures,
        previousRanks: new Map(),
      });
      let stored = calculatePeriodResults(input(own));
      for (let round = 0; round < 20; round++) {
        const touched = Array.from({ length: 1 + random(2) }, () => agencies[random(agencies.length - 1)].code);
        for (const code of touched) {
          if (random(9) === 0) own.delete(code);
          else own.set(code, countsOf(random));
        }
        // What the computation loads: the own figures and the subtree sums of those evaluated again.
        const affected = withAncestors(agencies, touched);
        const sums = rollUpCounts({ agencies, own });
        const partial: PeriodResultsInput = {
          ...input(new Map([...own].filter(([code]) => affected.has(code)))),
          aggregate: new Map([...sums].filter(([code]) => affected.has(code))),
        };
        const full = calculatePeriodResults(input(own));
        expect(refreshResults(partial, stored, touched)?.rows).toEqual(full);
        stored = full;
      }
    },
  );

  it('leaves every row as stored when the touched figures did not change', () => {
    const own = new Map<string, IndicatorCounts>([['330102', countsOf(seeded(9))]]);
    const input: PeriodResultsInput = { period: '2026-10', agencies, scheme: SCHEME, own, previousRanks: new Map() };
    const stored = calculatePeriodResults(input);
    expect(refreshResults(input, stored, ['330102'])).toMatchObject({ changed: [], reranked: [] });
  });

  it('declines stored rows it cannot build on: an agency missing, or another scheme version', () => {
    const input: PeriodResultsInput = {
      period: '2026-10',
      agencies,
      scheme: SCHEME,
      schemeVersion: { year: 2026, version: 2 },
      own: new Map(),
      previousRanks: new Map(),
    };
    const stored = calculatePeriodResults(input);
    expect(refreshResults(input, stored.slice(1), ['330102'])).toBeNull();
    const older = stored.map((row) => ({ ...row, schemeVersion: 1 }));
    expect(refreshResults(input, older, ['330102'])).toBeNull();
  });
});
