import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';

interface Figure {
  numerator: number;
  denominator: number;
  rate: number | null;
}
interface Row {
  rank: number | null;
  agencyCode: string;
  score: number | null;
  reported: boolean;
  indicators: Record<string, Figure>;
}

/** Figures travel as numbers with at most 2 decimals: summed here as whole hundredths. */
const cents = (value: number): bigint => BigInt(Math.round(value * 100));

/**
 * Quarters and years of a national tree (national demo, three provinces): the nation's tables
 * count every province's published months and rank the country's agencies together; a province's
 * administrator gets the same figures for its own agencies, ranked within the province.
 */
describe('windows in a national tree', () => {
  let api: ApiTestApp;
  let nation: string;
  let guangdong: string;

  const rowsOf = async (query: string, token: string): Promise<Row[]> => {
    const answer = await api.request('GET', `/rankings?${query}`, { token });
    expect([query, answer.status]).toEqual([query, 200]);
    return answer.body.rows;
  };

  /** Standard competition ranking on score, over the rows that have one. */
  const expectRankedByScore = (rows: Row[]) => {
    const ranked = rows.filter((row) => row.rank !== null);
    expect(ranked.length).toBeGreaterThan(0);
    ranked.forEach((row, index) => {
      if (index > 0)
        expect(row.score as number).toBeLessThanOrEqual(ranked[index - 1].score as number);
      const expected = ranked.findIndex((other) => other.score === row.score) + 1;
      expect([row.agencyCode, row.rank]).toEqual([row.agencyCode, expected]);
    });
  };

  beforeAll(async () => {
    api = await startApiTestApp({
      SCORECARD_DEMO: 'national',
      SCORECARD_DEMO_PROVINCES: '33,44,46',
    });
    nation = await api.login('nation');
    guangdong = await api.login('admin-440000');
  }, 300_000);
  afterAll(() => api?.close());

  it("sums the country's counties over a quarter's published months and ranks them nationally", async () => {
    const months = ['2026-07', '2026-08', '2026-09'];
    const answer = await api.request('GET', '/rankings?period=2026-Q3&level=county', {
      token: nation,
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ window: { kind: 'quarter', months, missing: [] } });
    const rows = answer.body.rows as Row[];
    const [{ count }] = await api.dataSource.query(
      `SELECT count(*)::int AS count FROM agency WHERE level = 'county'`,
    );
    expect(rows.length).toBe(count);
    expect(new Set(rows.map((row) => row.agencyCode.slice(0, 2)))).toEqual(
      new Set(['33', '44', '46']),
    );

    const sums = new Map<string, Map<string, { numerator: bigint; denominator: bigint }>>();
    for (const month of months) {
      for (const row of await rowsOf(`period=${month}&level=county`, nation)) {
        if (!row.reported) continue;
        const agency = sums.get(row.agencyCode) ?? new Map();
        for (const [code, figure] of Object.entries(row.indicators)) {
          const sum = agency.get(code) ?? { numerator: 0n, denominator: 0n };
          agency.set(code, {
            numerator: sum.numerator + cents(figure.numerator),
            denominator: sum.denominator + cents(figure.denominator),
          });
        }
        sums.set(row.agencyCode, agency);
      }
    }
    const reported = rows.filter((row) => row.reported);
    expect(reported.length).toBe(sums.size);
    for (const row of reported) {
      for (const [code, figure] of Object.entries(row.indicators)) {
        const sum = sums.get(row.agencyCode)?.get(code);
        expect([row.agencyCode, code, cents(figure.numerator), cents(figure.denominator)]).toEqual([
          row.agencyCode,
          code,
          sum?.numerator,
          sum?.denominator,
        ]);
      }
    }
    expectRankedByScore(rows);
  });

  it("gives a province's administrator its own counties' quarter, the nation's figures ranked within the province", async () => {
    const national = new Map(
      (await rowsOf('period=2026-Q3&level=county', nation)).map((row) => [row.agencyCode, row]),
    );
    const own = await rowsOf('period=2026-Q3&level=county', guangdong);
    expect(own.length).toBeGreaterThan(10);
    expect(own.every((row) => row.agencyCode.startsWith('44'))).toBe(true);
    for (const row of own) {
      const same = national.get(row.agencyCode) as Row;
      expect([row.agencyCode, row.score, row.indicators]).toEqual([
        row.agencyCode,
        same.score,
        same.indicators,
      ]);
    }
    expectRankedByScore(own);
    // Ranked among Guangdong's counties alone: as many first places as the province has best scores.
    expect(Math.max(...own.map((row) => row.rank ?? 0))).toBeLessThanOrEqual(own.length);
  });

  it("ranks the provinces over the year's published months", async () => {
    const answer = await api.request('GET', '/rankings?period=2026&level=province', {
      token: nation,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.window).toMatchObject({ kind: 'year' });
    const rows = answer.body.rows as Row[];
    expect(rows.map((row) => row.agencyCode).sort()).toEqual(['330000', '440000', '460000']);
    expectRankedByScore(rows);
    // A province's administrator never reaches another province: its own row alone.
    for (const period of ['2026-09', '2026-Q3', '2026']) {
      const own = await rowsOf(`period=${period}&level=province`, guangdong);
      expect([period, own.map((row) => row.agencyCode)]).toEqual([period, ['440000']]);
    }
  });
});
