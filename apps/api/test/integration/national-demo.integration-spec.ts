import {
  type ApiTestApp,
  OPEN_PERIOD,
  PUBLISHED_PERIOD,
  startApiTestApp,
} from '../support/api-test-app';

interface Row {
  rank: number | null;
  agencyCode: string;
  score: number | null;
  reported: boolean;
  parentCode: string | null;
}

/** Standard competition ranking: each ranked row's rank is 1 + the rows scoring higher. */
function expectCompetitionRanks(rows: Row[]): void {
  const ranked = rows.filter((row) => row.rank !== null);
  for (const row of ranked) {
    expect(row.rank).toBe(
      ranked.filter((other) => (other.score as number) > (row.score as number)).length + 1,
    );
  }
}

/**
 * The national demo (SCORECARD_DEMO=national) as the API serves it: the whole country under
 * 000000 全国, loaded once for the file.
 */
describe('the national demo', () => {
  let api: ApiTestApp;
  let nation: string;
  const timings: string[] = [];

  async function timed(label: string, token: string, path: string) {
    const started = performance.now();
    const answer = await api.request('GET', path, { token });
    timings.push(`${label}: ${(performance.now() - started).toFixed(0)} ms`);
    return answer;
  }

  beforeAll(async () => {
    const started = performance.now();
    api = await startApiTestApp({ SCORECARD_DEMO: 'national' });
    timings.push(
      `API ready with the national demo: ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    nation = await api.login('nation');
  }, 240_000);
  afterAll(async () => {
    console.log(`National demo timings:\n  ${timings.join('\n  ')}`);
    await api?.close();
  });

  it('loads every province, city and county under the nation, with figures for 12 months', async () => {
    const levels: { level: string; n: number }[] = await api.dataSource.query(
      `SELECT level::text AS level, count(*)::int AS n FROM agency GROUP BY level ORDER BY level`,
    );
    const byLevel = Object.fromEntries(levels.map((row) => [row.level, row.n]));
    expect(byLevel).toMatchObject({ nation: 1, province: 31 });
    expect(byLevel['city']).toBeGreaterThan(300);
    expect(byLevel['county']).toBeGreaterThan(2800);
    const months: { period: string; status: string }[] = await api.dataSource.query(
      'SELECT period, status FROM period ORDER BY period',
    );
    expect(months).toHaveLength(12);
    expect(months.at(-1)).toEqual({ period: OPEN_PERIOD, status: 'open' });
    expect(months.slice(0, -1).every((month) => month.status === 'published')).toBe(true);
    const [accounts] = await api.dataSource.query(
      `SELECT count(*)::int AS n, count(DISTINCT password_hash)::int AS hashes FROM app_user`,
    );
    expect(accounts.hashes).toBe(1);
    expect(accounts.n).toBeGreaterThan(19_000);
  });

  it('shows the national administrator the 31 provinces ranked against one another', async () => {
    const { status, body } = await timed(
      'GET /rankings level=province (nation)',
      nation,
      `/rankings?period=${PUBLISHED_PERIOD}&level=province`,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'published', level: 'province' });
    expect(body.rows).toHaveLength(31);
    expect(body.rows.every((row: Row) => row.reported && row.parentCode === '000000')).toBe(true);
    expect(body.rows[0].rank).toBe(1);
    expectCompetitionRanks(body.rows);
  });

  it('shows the national administrator every county of the country in one table, ranked nationally', async () => {
    const [counties] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM agency WHERE level = 'county'`,
    );
    const { status, body } = await timed(
      'GET /rankings level=county (nation, whole country)',
      nation,
      `/rankings?period=${PUBLISHED_PERIOD}&level=county`,
    );
    expect(status).toBe(200);
    expect(body.rows).toHaveLength(counties.n);
    const provinces = new Set(body.rows.map((row: Row) => row.agencyCode.slice(0, 2)));
    expect(provinces.size).toBe(31);
    expectCompetitionRanks(body.rows);
    const ranked = body.rows.filter((row: Row) => row.rank !== null);
    expect(Math.max(...ranked.map((row: Row) => row.rank as number))).toBeGreaterThan(2000);

    // The overview's other tables answer at this size too.
    const cities = await timed(
      'GET /rankings level=city (nation)',
      nation,
      `/rankings?period=${PUBLISHED_PERIOD}&level=city`,
    );
    expect(cities.status).toBe(200);
    expect(cities.body.rows.length).toBeGreaterThan(300);
    const draft = await timed(
      'GET /rankings level=county, open month (nation, draft)',
      nation,
      `/rankings?period=${OPEN_PERIOD}&level=county`,
    );
    expect(draft.status).toBe(200);
    expect(draft.body.version).toBeNull();
    expect(draft.body.rows).toHaveLength(counties.n);
    const completeness = await timed(
      'GET /periods/:period/completeness (nation)',
      nation,
      `/periods/${OPEN_PERIOD}/completeness`,
    );
    expect(completeness.status).toBe(200);
  });

  it("gives a county's scorecard its rank within the nation beside its rank inside its province", async () => {
    const table = await api.request('GET', `/rankings?period=${PUBLISHED_PERIOD}&level=county`, {
      token: nation,
    });
    const ranked = table.body.rows.filter((row: Row) => row.rank !== null);
    const county = ranked.find((row: Row) => row.agencyCode.startsWith('33')) as Row;
    const { status, body } = await timed(
      'GET /agencies/:code/scorecard (nation)',
      nation,
      `/agencies/${county.agencyCode}/scorecard?period=${PUBLISHED_PERIOD}`,
    );
    expect(status).toBe(200);
    expect(body.ranks.inNation).toEqual({
      rank: county.rank,
      of: ranked.length,
      rankChange: expect.anything(),
    });
    // Inside the province: the rank among Zhejiang's counties only.
    const zhejiang = ranked.filter((row: Row) => row.agencyCode.startsWith('33'));
    expect(body.ranks.inLevel.of).toBe(zhejiang.length);
    expect(body.ranks.inLevel.rank).toBe(
      zhejiang.filter((row: Row) => (row.score as number) > (county.score as number)).length + 1,
    );
    expect(body.ranks.inLevel.rank).toBeLessThanOrEqual(body.ranks.inNation.rank);
  });

  it("keeps a province's administrator inside its province", async () => {
    const guangdong = await api.login('admin-440000');
    const refused = await api.request(
      'GET',
      `/agencies/330102/scorecard?period=${PUBLISHED_PERIOD}`,
      { token: guangdong },
    );
    expect(refused.status).toBe(403);
    const own = await api.request('GET', `/agencies/440103/scorecard?period=${PUBLISHED_PERIOD}`, {
      token: guangdong,
    });
    expect(own.status).toBe(200);
    expect(own.body.ranks.inNation).not.toBeNull();
    // Its county table is Guangdong's, ranked inside Guangdong.
    const { status, body } = await timed(
      'GET /rankings level=county (admin-440000)',
      guangdong,
      `/rankings?period=${PUBLISHED_PERIOD}&level=county`,
    );
    expect(status).toBe(200);
    expect(body.rows.length).toBeGreaterThan(100);
    expect(body.rows.every((row: Row) => row.agencyCode.startsWith('44'))).toBe(true);
    expectCompetitionRanks(body.rows);
    // Zhejiang keeps its `admin`.
    const zhejiang = await api.login('admin');
    const mine = await api.request('GET', `/agencies/330102/scorecard?period=${PUBLISHED_PERIOD}`, {
      token: zhejiang,
    });
    expect(mine.status).toBe(200);
  });

  it('keeps a quarter inside the province too, and ranks the nation its whole country', async () => {
    const quarter = `${PUBLISHED_PERIOD.slice(0, 4)}-Q${Math.ceil(Number(PUBLISHED_PERIOD.slice(5)) / 3)}`;
    const guangdong = await api.login('admin-440000');
    const refused = await api.request('GET', `/agencies/330102/scorecard?period=${quarter}`, {
      token: guangdong,
    });
    expect(refused.status).toBe(403);
    const otherCity = await api.request(
      'GET',
      `/rankings?period=${quarter}&level=county&parent=330100`,
      {
        token: guangdong,
      },
    );
    expect(otherCity.status).toBe(403);
    const own = await api.request('GET', `/rankings?period=${quarter}&level=county`, {
      token: guangdong,
    });
    expect(own.status).toBe(200);
    expect(own.body.rows.length).toBeGreaterThan(100);
    expect(own.body.rows.every((row: Row) => row.agencyCode.startsWith('44'))).toBe(true);
    expectCompetitionRanks(own.body.rows);

    const national = await api.request('GET', `/rankings?period=${quarter}&level=county`, {
      token: nation,
    });
    expect(national.status).toBe(200);
    expect(national.body.rows.length).toBeGreaterThan(2800);
    expectCompetitionRanks(national.body.rows);
    const scorecard = await api.request('GET', `/agencies/440103/scorecard?period=${quarter}`, {
      token: nation,
    });
    expect(scorecard.body.ranks.inNation).toMatchObject({ of: expect.any(Number) });
    expect(scorecard.body.ranks.inNation.of).toBeGreaterThan(2800);
  });
});
