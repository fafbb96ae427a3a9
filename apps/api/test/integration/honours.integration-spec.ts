import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';

interface Row {
  agencyCode: string;
  rank: number | null;
  score: number | null;
  grade: string | null;
}

/** The honour roll (荣誉榜) of the demo province, whose months 2025-11 … 2026-09 are published. */
describe('GET /honours?year=', () => {
  let api: ApiTestApp;
  let staff: string;

  beforeAll(async () => {
    api = await startApiTestApp();
    staff = await api.login('staff-330102-1');
  });
  afterAll(() => api.close());

  it('lists the cities and counties graded 优秀 and 良好 on the year’s ratio-of-sums result, by rank', async () => {
    const answer = await api.request('GET', '/honours?year=2026', { token: staff });
    expect(answer.status).toBe(200);
    expect(answer.body.year).toBe(2026);
    expect(answer.body.window).toEqual({
      kind: 'year',
      months: ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09'],
      missing: ['2026-10', '2026-11', '2026-12'],
    });
    const expected = [];
    for (const level of ['city', 'county']) {
      const year = await api.request('GET', `/rankings?period=2026&level=${level}`, { token: staff });
      expect(year.status).toBe(200);
      for (const row of year.body.rows as Row[]) {
        if (row.grade === 'excellent' || row.grade === 'good') {
          expected.push({ agencyCode: row.agencyCode, level, grade: row.grade, score: row.score, rank: row.rank });
        }
      }
    }
    expect(expected.length).toBeGreaterThan(0);
    expect(answer.body.agencies.map(({ agencyCode, level, grade, score, rank }: Row & { level: string }) => ({ agencyCode, level, grade, score, rank }))).toEqual(expected);
    // Not the grades of any one month: a year result differs from the months it sums.
    const september = await api.request('GET', '/rankings?period=2026-09&level=county', { token: staff });
    const monthly = new Map((september.body.rows as Row[]).map((row) => [row.agencyCode, row.score]));
    const yearScores = (answer.body.agencies as Row[]).filter((row) => monthly.has(row.agencyCode));
    expect(yearScores.some((row) => monthly.get(row.agencyCode) !== row.score)).toBe(true);
  });

  it('lists the service stars confirmed in the year’s months, oldest month first', async () => {
    const answer = await api.request('GET', '/honours?year=2026', { token: staff });
    const wall: { period: string; agencyCode: string; staffUsername: string; status: string }[] = [];
    for (const month of answer.body.window.months as string[]) {
      const stars = await api.request('GET', `/stars?period=${month}`, { token: staff });
      wall.push(...stars.body);
    }
    const confirmed = wall
      .filter((star) => star.status === 'confirmed')
      .map(({ period, agencyCode, staffUsername }) => ({ period, agencyCode, staffUsername }))
      .sort((a, b) => a.period.localeCompare(b.period) || a.agencyCode.localeCompare(b.agencyCode));
    expect(confirmed.length).toBeGreaterThan(0);
    expect(
      answer.body.stars.map(({ period, agencyCode, staffUsername }: { period: string; agencyCode: string; staffUsername: string }) => ({
        period,
        agencyCode,
        staffUsername,
      })),
    ).toEqual(confirmed);
    expect(answer.body.stars.every((star: { period: string }) => star.period.startsWith('2026-'))).toBe(true);
  });

  it('answers the province itself when it is named, and refuses any other code', async () => {
    const plain = await api.request('GET', '/honours?year=2026', { token: staff });
    // A province's own deployment has one roll: nothing names a province in it.
    expect(plain.body).not.toHaveProperty('province');
    for (const named of ['33', '330000']) {
      const answer = await api.request('GET', `/honours?year=2026&province=${named}`, { token: staff });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(plain.body);
    }
    for (const named of ['44', '330100', 'zj']) {
      const answer = await api.request('GET', `/honours?year=2026&province=${named}`, { token: staff });
      expect({ named, status: answer.status }).toEqual({ named, status: 400 });
    }
  });

  it('answers 404 for a year with no published month and 400 for a year that is not one', async () => {
    const empty = await api.request('GET', '/honours?year=2027', { token: staff, language: 'en' });
    expect(empty.status).toBe(404);
    expect(empty.body.message).toBe('No month of 2027 has been published yet');
    const bad = await api.request('GET', '/honours?year=twenty', { token: staff });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('year');
    expect((await api.request('GET', '/honours?year=2026')).status).toBe(401);
  });
});
