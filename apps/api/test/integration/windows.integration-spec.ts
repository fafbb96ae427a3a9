import ExcelJS from 'exceljs';
import { SYSTEM_ACTOR } from '@scorecard/server-database';
import { PeriodComputationService, PeriodPublicationService } from '@scorecard/server-months';
import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';

interface Figure {
  numerator: number;
  denominator: number;
  rate: number | null;
  score: number | null;
}
interface Row {
  rank: number | null;
  agencyCode: string;
  score: number | null;
  grade: string | null;
  rankChange: number | null;
  reported: boolean;
  indicators: Record<string, Figure>;
}

/** Figures travel as numbers with at most 2 decimals: summed here as whole hundredths. */
const cents = (value: number): bigint => BigInt(Math.round(value * 100));

/**
 * Quarters, half-years and years (考核周期) on the demo province, whose months 2025-11 … 2026-09 are
 * published and 2026-10 is open: figures summed over the published months only, never averaged.
 */
describe('windows: GET /rankings and the scorecard for a quarter, half-year or year', () => {
  let api: ApiTestApp;
  let admin: string;
  const county = '330102';

  const ranking = async (query: string, token = admin) => api.request('GET', `/rankings?${query}`, { token });
  const rowsOf = async (query: string): Promise<Row[]> => {
    const answer = await ranking(query);
    expect(answer.status).toBe(200);
    return answer.body.rows;
  };

  /** Reopens a published month, sets one county's satisfaction, and publishes it again (as the job does). */
  const correctAndPublish = async (period: string, satisfaction: { numerator: number; denominator: number }) => {
    const reopened = await api.request('POST', `/periods/${period}/reopen`, { token: admin, body: { reason: '满意度数据更正' } });
    expect(reopened.status).toBe(200);
    await setSatisfaction(period, satisfaction);
    await api.request('POST', `/submissions/${period}/${county}/approve`, { token: admin });
    const locked = await api.request('POST', `/periods/${period}/lock`, { token: admin, body: { force: true, reason: '更正完毕' } });
    expect(locked.status).toBe(200);
    const [{ published_version: version }] = await api.dataSource.query('SELECT published_version FROM period WHERE period = $1', [period]);
    const published = await api.app
      .get(PeriodPublicationService, { strict: false })
      .publish({ period, version: version + 1, actor: SYSTEM_ACTOR });
    expect(published).toMatchObject({ skipped: false });
  };
  const setSatisfaction = async (period: string, satisfaction: { numerator: number; denominator: number }) => {
    const current = await api.request('GET', `/submissions/${period}/${county}`, { token: admin });
    const put = await api.request('PUT', `/submissions/${period}/${county}`, {
      token: admin,
      body: { values: { satisfaction }, version: current.body.version },
    });
    expect(put.status).toBe(200);
  };

  /** Σ numerators and Σ denominators per agency and indicator over the months' published tables. */
  const sumsOver = async (months: string[], level: string) => {
    const sums = new Map<string, Map<string, { numerator: bigint; denominator: bigint }>>();
    for (const month of months) {
      // The month as last published, even while it is reopened (the province would see the draft).
      const [{ published_version: version }] = await api.dataSource.query('SELECT published_version FROM period WHERE period = $1', [month]);
      const answer = await ranking(`period=${month}&level=${level}&version=${version}`);
      expect(answer.body.version).toBeGreaterThanOrEqual(1);
      for (const row of answer.body.rows as Row[]) {
        if (!row.reported) continue;
        const agency = sums.get(row.agencyCode) ?? new Map();
        for (const [code, figure] of Object.entries(row.indicators)) {
          const sum = agency.get(code) ?? { numerator: 0n, denominator: 0n };
          agency.set(code, { numerator: sum.numerator + cents(figure.numerator), denominator: sum.denominator + cents(figure.denominator) });
        }
        sums.set(row.agencyCode, agency);
      }
    }
    return sums;
  };

  beforeAll(async () => {
    api = await startApiTestApp();
    admin = await api.login('admin');
    // 330102's satisfaction: 90 % of a small sample in August, 70 % of a big one in September.
    await correctAndPublish('2026-08', { numerator: 9, denominator: 10 });
    await correctAndPublish('2026-09', { numerator: 700, denominator: 1000 });
  });
  afterAll(() => api.close());

  it('sums each indicator over the quarter’s published months: a ratio of sums, not an average of rates', async () => {
    const answer = await ranking('period=2026-Q3&level=county');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      period: '2026-Q3',
      status: 'published',
      level: 'county',
      window: { kind: 'quarter', months: ['2026-07', '2026-08', '2026-09'], missing: [] },
    });
    const july = (await rowsOf('period=2026-07&level=county')).find((row) => row.agencyCode === county) as Row;
    const row = (answer.body.rows as Row[]).find((candidate) => candidate.agencyCode === county) as Row;
    const julySatisfaction = july.indicators['satisfaction'];
    expect(row.indicators['satisfaction'].numerator).toBeCloseTo(julySatisfaction.numerator + 9 + 700, 2);
    expect(row.indicators['satisfaction'].denominator).toBeCloseTo(julySatisfaction.denominator + 10 + 1000, 2);
    const ratioOfSums = (julySatisfaction.numerator + 709) / (julySatisfaction.denominator + 1010);
    const averageOfRates = ((julySatisfaction.rate as number) + 0.9 + 0.7) / 3;
    expect(row.indicators['satisfaction'].rate).toBeCloseTo(ratioOfSums, 12);
    expect(Math.abs(ratioOfSums - averageOfRates)).toBeGreaterThan(0.01);

    // Every county, every indicator: the window's figures are the sums of the published months.
    const sums = await sumsOver(['2026-07', '2026-08', '2026-09'], 'county');
    const reported = (answer.body.rows as Row[]).filter((candidate) => candidate.reported);
    expect(reported.length).toBe(sums.size);
    for (const candidate of reported) {
      for (const [code, figure] of Object.entries(candidate.indicators)) {
        const sum = sums.get(candidate.agencyCode)?.get(code);
        expect([candidate.agencyCode, code, cents(figure.numerator), cents(figure.denominator)]).toEqual([
          candidate.agencyCode,
          code,
          sum?.numerator,
          sum?.denominator,
        ]);
        if (sum && sum.denominator > 0n) expect(figure.rate).toBeCloseTo(Number(sum.numerator) / Number(sum.denominator), 12);
      }
    }
  });

  it('ranks the window on its own scores, standard competition ranking, 未报送 below', async () => {
    const rows = await rowsOf('period=2026-Q3&level=county');
    const ranked = rows.filter((row) => row.rank !== null);
    expect(ranked.length).toBeGreaterThan(10);
    ranked.forEach((row, index) => {
      if (index > 0) expect(row.score as number).toBeLessThanOrEqual(ranked[index - 1].score as number);
      const expected = ranked.findIndex((other) => other.score === row.score) + 1;
      expect([row.agencyCode, row.rank]).toEqual([row.agencyCode, expected]);
    });
    const parent = await rowsOf('period=2026-Q3&level=county&parent=330100');
    expect(parent.every((row) => row.agencyCode.startsWith('3301'))).toBe(true);
    expect(parent.filter((row) => row.rank !== null).map((row) => row.rank)[0]).toBe(1);
  });

  it('compares ranks with the previous window of the same kind, and gives null when none of it is published', async () => {
    const q2 = new Map((await rowsOf('period=2026-Q2&level=county')).map((row) => [row.agencyCode, row.rank]));
    const q3 = await rowsOf('period=2026-Q3&level=county');
    let compared = 0;
    for (const row of q3) {
      const before = q2.get(row.agencyCode);
      if (row.rank === null || before == null) continue;
      expect([row.agencyCode, row.rankChange]).toEqual([row.agencyCode, before - row.rank]);
      compared += 1;
    }
    expect(compared).toBeGreaterThan(10);
    // 2025-Q4 has November and December published; 2025-Q3 none.
    const earliest = await ranking('period=2025-Q4&level=county');
    expect(earliest.body.window).toEqual({ kind: 'quarter', months: ['2025-11', '2025-12'], missing: ['2025-10'] });
    expect((earliest.body.rows as Row[]).every((row) => row.rankChange === null)).toBe(true);
  });

  it('lists a month not published as missing and leaves its figures out, even when it has draft results', async () => {
    // 2026-10 is open with computed (draft) results; November and December have not ended.
    const [{ count }] = await api.dataSource.query(`SELECT count(*)::int AS count FROM agency_result WHERE period = '2026-10' AND reported`);
    expect(count).toBeGreaterThan(0);
    const half = await ranking('period=2026-H2&level=county');
    expect(half.body.window).toEqual({
      kind: 'half',
      months: ['2026-07', '2026-08', '2026-09'],
      missing: ['2026-10', '2026-11', '2026-12'],
    });
    const quarter = new Map((await rowsOf('period=2026-Q3&level=county')).map((row) => [row.agencyCode, row.indicators]));
    for (const row of half.body.rows as Row[]) expect([row.agencyCode, row.indicators]).toEqual([row.agencyCode, quarter.get(row.agencyCode)]);

    const year = await ranking('period=2026&level=city');
    expect(year.body.window.kind).toBe('year');
    expect(year.body.window.months).toHaveLength(9);
    expect(year.body.window.missing).toEqual(['2026-10', '2026-11', '2026-12']);
  });

  it('never lets a draft in: a month reopened and recomputed still counts as last published', async () => {
    const before = (await rowsOf('period=2026-Q3&level=county')).find((row) => row.agencyCode === county) as Row;
    const reopened = await api.request('POST', '/periods/2026-09/reopen', { token: admin, body: { reason: '再次核对' } });
    expect(reopened.status).toBe(200);
    await setSatisfaction('2026-09', { numerator: 1, denominator: 1000 });
    await api.app.get(PeriodComputationService, { strict: false }).compute('2026-09');
    const draft = (await rowsOf('period=2026-09&level=county')).find((row) => row.agencyCode === county) as Row;
    expect(draft.indicators['satisfaction']).toMatchObject({ numerator: 1, denominator: 1000 });

    const after = (await rowsOf('period=2026-Q3&level=county')).find((row) => row.agencyCode === county) as Row;
    expect(after.indicators).toEqual(before.indicators);
    expect(after.score).toBe(before.score);
  });

  it('refuses a period that is neither a month nor a window, naming period in the caller’s language', async () => {
    for (const bad of ['2026-Q5', '2026-H3', '2026-13', '26-Q1']) {
      const zh = await ranking(`period=${bad}&level=county`);
      expect([bad, zh.status]).toEqual([bad, 400]);
      expect(zh.body.errors).toEqual([{ field: 'period', message: expect.stringContaining('季度') }]);
    }
    const en = await api.request('GET', '/rankings?period=2026-Q5', { token: admin, language: 'en' });
    expect(en.body.errors).toEqual([{ field: 'period', message: expect.stringMatching(/^period must be a month .*quarter/) }]);
    const scorecard = await api.request('GET', `/agencies/${county}/scorecard?period=2026-Q5`, { token: admin });
    expect(scorecard.status).toBe(400);
    expect(scorecard.body.errors[0].field).toBe('period');
  });

  it('answers 404 with a clear message when no month of the window is published', async () => {
    for (const empty of ['2025-Q2', '2026-Q4', '2027']) {
      const zh = await ranking(`period=${empty}&level=county`);
      expect([empty, zh.status]).toEqual([empty, 404]);
      expect(zh.body.message).toBe(`${empty} 尚无已发布的月份，暂无汇总结果`);
    }
    const en = await api.request('GET', '/rankings?period=2026-Q4', { token: admin, language: 'en' });
    expect(en.body.message).toBe('No month of 2026-Q4 has been published yet');
    expect((await api.request('GET', `/agencies/${county}/scorecard?period=2026-Q4`, { token: admin })).status).toBe(404);
  });

  it('gives a county head its scorecard for the quarter, matching the league table', async () => {
    const head = await api.login(`head-${county}`);
    const answer = await api.request('GET', `/agencies/${county}/scorecard?period=2026-Q3`, { token: head });
    expect(answer.status).toBe(200);
    const row = (await rowsOf('period=2026-Q3&level=county')).find((candidate) => candidate.agencyCode === county) as Row;
    const inParent = (await rowsOf('period=2026-Q3&level=county&parent=330100')).find((candidate) => candidate.agencyCode === county) as Row;
    expect(answer.body).toMatchObject({
      period: '2026-Q3',
      published: true,
      score: row.score,
      grade: row.grade,
      ranks: { inLevel: { rank: row.rank, rankChange: row.rankChange }, inParent: { rank: inParent.rank } },
      window: { kind: 'quarter', months: ['2026-07', '2026-08', '2026-09'], missing: [] },
    });
    const satisfaction = answer.body.indicators.find((indicator: { code: string }) => indicator.code === 'satisfaction');
    expect(satisfaction).toMatchObject({
      numerator: row.indicators['satisfaction'].numerator,
      denominator: row.indicators['satisfaction'].denominator,
    });
    expect(satisfaction.rate).toBeCloseTo(row.indicators['satisfaction'].rate as number, 12);
    // The level's average is a ratio of sums over the reported counties.
    const sums = await sumsOver(['2026-07', '2026-08', '2026-09'], 'county');
    let numerator = 0n;
    let denominator = 0n;
    for (const agency of sums.values()) {
      numerator += agency.get('satisfaction')?.numerator ?? 0n;
      denominator += agency.get('satisfaction')?.denominator ?? 0n;
    }
    expect(satisfaction.average).toBeCloseTo(Number(numerator) / Number(denominator), 12);
    expect(answer.body.trend.at(-1).period).toBe('2026-09');
  });

  it('answers the indicators a window is scored with: those in force in its last published month', async () => {
    const september = await api.request('GET', '/indicators?period=2026-09', { token: admin });
    expect(september.status).toBe(200);
    for (const window of ['2026-Q3', '2026-H2', '2026']) {
      const answer = await api.request('GET', `/indicators?period=${window}`, { token: admin });
      expect([window, answer.status, answer.body]).toEqual([window, 200, september.body]);
    }
    expect((await api.request('GET', '/indicators?period=2026-Q5', { token: admin })).status).toBe(400);
  });

  it('exports the window’s bulletin as a spreadsheet', async () => {
    const response = await fetch(`${api.baseUrl}/api/rankings/export.xlsx?period=2026-Q3&level=county`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('2026年第三季度 浙江省医保经办机构对标评价通报');
    expect(String(sheet.getRow(2).getCell(1).value)).toContain('按已发布月份汇总：7月、8月、9月');
    const rows = await rowsOf('period=2026-Q3&level=county');
    expect(sheet.rowCount).toBe(3 + rows.length);
    expect(sheet.getRow(4).getCell(2).value).toBe(rows[0].agencyCode);
    expect(sheet.getRow(4).getCell(5).value).toBe(rows[0].score);
  });
});
