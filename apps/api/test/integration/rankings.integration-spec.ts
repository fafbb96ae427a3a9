import { PeriodComputationService } from '@scorecard/server-months';
import { type ApiTestApp, OPEN_PERIOD, PUBLISHED_PERIOD, startApiTestApp } from '../support/api-test-app';

describe('rankings and scorecards', () => {
  let api: ApiTestApp;
  let token: string;

  beforeAll(async () => {
    api = await startApiTestApp();
    token = await api.login('admin');
  });
  afterAll(() => api.close());

  it('ranks the 11 cities with standard competition ranking on the rounded composite', async () => {
    const { status, body } = await api.request('GET', `/rankings?period=${PUBLISHED_PERIOD}&level=city`, { token });
    expect(status).toBe(200);
    expect(body).toMatchObject({ period: PUBLISHED_PERIOD, status: 'published', level: 'city', scope: 'aggregate' });
    expect(body.rows).toHaveLength(11);
    const ranked = body.rows.filter((row: { rank: number | null }) => row.rank !== null);
    for (let i = 0; i < ranked.length; i++) {
      const higher = ranked.filter((other: { score: number }) => other.score > ranked[i].score).length;
      expect(ranked[i].rank).toBe(higher + 1);
      if (i > 0) expect(ranked[i].score).toBeLessThanOrEqual(ranked[i - 1].score);
    }
    for (const row of ranked) {
      expect(Number.isInteger(Math.round(row.score * 100))).toBe(true);
      expect(row.grade).toBe(
        row.score >= 90 ? 'excellent' : row.score >= 80 ? 'good' : row.score >= 70 ? 'pass' : row.score >= 60 ? 'basic' : 'fail',
      );
    }
  });

  it('lists agencies that did not report below the ranked ones, unranked and unscored', async () => {
    const { body } = await api.request('GET', `/rankings?period=${OPEN_PERIOD}&level=county`, { token });
    expect(body.rows).toHaveLength(90);
    const firstUnreported = body.rows.findIndex((row: { reported: boolean }) => !row.reported);
    expect(firstUnreported).toBeGreaterThan(0);
    for (const row of body.rows.slice(firstUnreported)) {
      expect(row).toMatchObject({ reported: false, rank: null, score: null, grade: null });
    }
    const unreportedCount = body.rows.length - firstUnreported;
    const ranks = body.rows.slice(0, firstUnreported).map((row: { rank: number }) => row.rank);
    expect(Math.max(...ranks)).toBeLessThanOrEqual(90 - unreportedCount);
  });

  it('ranks the counties of one city among themselves', async () => {
    const { body } = await api.request('GET', `/rankings?period=${PUBLISHED_PERIOD}&level=county&parent=330100`, {
      token,
    });
    expect(body.rows.length).toBe(13);
    expect(body.rows.every((row: { parentCode: string }) => row.parentCode === '330100')).toBe(true);
    expect(body.rows[0].rank).toBe(1);
  });

  it('computes a city aggregate as Σ numerators / Σ denominators over itself and its counties', async () => {
    const { body } = await api.request('GET', `/rankings?period=${PUBLISHED_PERIOD}&level=city&scope=aggregate`, {
      token,
    });
    const hangzhou = body.rows.find((row: { agencyCode: string }) => row.agencyCode === '330100');
    // Written independently of the application code: plain SQL over the stored submissions.
    const expected: { indicator_code: string; numerator: string; denominator: string }[] = await api.dataSource.query(
      `SELECT v.indicator_code, sum(v.numerator)::text AS numerator, sum(v.denominator)::text AS denominator
         FROM submission_value v JOIN agency a ON a.code = v.agency_code
        WHERE v.period = $1 AND (a.code = '330100' OR a.parent_code = '330100')
        GROUP BY v.indicator_code`,
      [PUBLISHED_PERIOD],
    );
    expect(expected).toHaveLength(7);
    for (const row of expected) {
      const actual = hangzhou.indicators[row.indicator_code];
      expect(actual.numerator).toBe(Number(row.numerator));
      expect(actual.denominator).toBe(Number(row.denominator));
      if (Number(row.denominator) === 0) expect(actual.rate).toBeNull();
      else expect(actual.rate).toBeCloseTo(Number(row.numerator) / Number(row.denominator), 12);
    }
    // Own scope (本级) uses the city agency's own figures only.
    const own = await api.request('GET', `/rankings?period=${PUBLISHED_PERIOD}&level=city&scope=own`, { token });
    const hangzhouOwn = own.body.rows.find((row: { agencyCode: string }) => row.agencyCode === '330100');
    const [ownSatisfaction] = await api.dataSource.query(
      `SELECT numerator::float8 AS numerator FROM submission_value
        WHERE period = $1 AND agency_code = '330100' AND indicator_code = 'satisfaction'`,
      [PUBLISHED_PERIOD],
    );
    expect(hangzhouOwn.indicators.satisfaction.numerator).toBe(ownSatisfaction.numerator);
  });

  it('gives rank changes as previous rank minus current rank', async () => {
    const current = await api.request('GET', `/rankings?period=${PUBLISHED_PERIOD}&level=county`, { token });
    const previous = await api.request('GET', `/rankings?period=2026-08&level=county`, { token });
    const previousRank = new Map(previous.body.rows.map((row: { agencyCode: string; rank: number | null }) => [row.agencyCode, row.rank]));
    for (const row of current.body.rows) {
      const before = previousRank.get(row.agencyCode);
      expect(row.rankChange).toBe(before == null || row.rank === null ? null : (before as number) - row.rank);
    }
  });

  it('recomputing a month yields identical rows', async () => {
    const snapshot = () =>
      api.dataSource.query(`SELECT * FROM agency_result WHERE period = $1 ORDER BY agency_code, scope`, [PUBLISHED_PERIOD]);
    const before = await snapshot();
    const computation = api.app.get(PeriodComputationService);
    await computation.compute(PUBLISHED_PERIOD);
    await computation.compute(PUBLISHED_PERIOD);
    expect(await snapshot()).toEqual(before);
  });

  it('answers a scorecard with ranks, gaps and a 12-month trend', async () => {
    const { status, body } = await api.request('GET', `/agencies/330102/scorecard?period=${PUBLISHED_PERIOD}`, { token });
    expect(status).toBe(200);
    expect(body).toMatchObject({ agencyCode: '330102', name: '上城区', level: 'county', parentCode: '330100' });
    // "of" counts the ranked (reported) counties: of Hangzhou's 13 and the province's 90.
    const counties = await api.request('GET', `/rankings?period=${PUBLISHED_PERIOD}&level=county`, { token });
    const reported = counties.body.rows.filter((row: { reported: boolean }) => row.reported);
    expect(body.ranks.inParent.of).toBe(reported.filter((row: { parentCode: string }) => row.parentCode === '330100').length);
    expect(body.ranks.inLevel.of).toBe(reported.length);
    expect(body.indicators).toHaveLength(7);
    expect(body.trend).toHaveLength(12);
    expect(body.trend[11].period).toBe(PUBLISHED_PERIOD);
    const satisfaction = body.indicators.find((indicator: { code: string }) => indicator.code === 'satisfaction');
    expect(satisfaction.gapToTarget).toBeCloseTo(0.9 - satisfaction.rate, 12);
    expect(satisfaction.best).toBeGreaterThanOrEqual(satisfaction.rate);
  });

  it('counts only ranked agencies in "rank N of M" when some did not report', async () => {
    await api.app.get(PeriodComputationService).compute(OPEN_PERIOD);
    const county = await api.request('GET', `/rankings?period=${OPEN_PERIOD}&level=county&scope=aggregate`, { token });
    const rows: { agencyCode: string; parentCode: string; reported: boolean }[] = county.body.rows;
    const reported = rows.filter((row) => row.reported);
    expect(reported.length).toBeLessThan(rows.length);
    // A reported county of a city where some counties did not report.
    const subject = reported.find((row) =>
      rows.some((other) => other.parentCode === row.parentCode && !other.reported),
    ) as { agencyCode: string; parentCode: string };
    const reportedInParent = reported.filter((row) => row.parentCode === subject.parentCode).length;
    const inParent = rows.filter((row) => row.parentCode === subject.parentCode).length;
    expect(reportedInParent).toBeLessThan(inParent);

    const { status, body } = await api.request('GET', `/agencies/${subject.agencyCode}/scorecard?period=${OPEN_PERIOD}`, {
      token,
    });
    expect(status).toBe(200);
    expect(body.ranks.inParent.of).toBe(reportedInParent);
    expect(body.ranks.inLevel.of).toBe(reported.length);
    expect(body.ranks.inParent.rank).toBeLessThanOrEqual(reportedInParent);
  });

  it('validates ranking queries', async () => {
    expect((await api.request('GET', '/rankings?period=2026-13', { token })).status).toBe(400);
    expect((await api.request('GET', '/rankings?period=2026-09&level=town', { token })).status).toBe(400);
    expect((await api.request('GET', '/rankings?period=2030-01', { token })).status).toBe(404);
  });
});
