import { waitFor } from '@scorecard/server-testing';
import { type ApiTestApp, OPEN_PERIOD, startApiTestApp } from '../support/api-test-app';

/** Days counted here without the product's code: today in Asia/Shanghai, weekdays around it. */
const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const shiftDay = (day: string, by: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + by * 86_400_000).toISOString().slice(0, 10);
const isWeekend = (day: string) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
/** The `count`-th weekday after `day` (the day itself not counted). */
const weekdaysAfter = (day: string, count: number) => {
  let current = day;
  for (let left = count; left > 0;) {
    current = shiftDay(current, 1);
    if (!isWeekend(current)) left--;
  }
  return current;
};

interface HonouredRow {
  agencyCode: string;
  level: string;
  grade: string;
  score: number;
  rank: number;
}

/**
 * The follow-ups of a national tree (national demo, three provinces) read each province's own part
 * of a month: a head appeals within its province's window, and the honour roll is its province's.
 */
describe('appeals and honours per province in a national tree', () => {
  let api: ApiTestApp;
  let nation: string;
  let zhejiang: string;
  let guangdong: string;
  const county: Record<'33' | '44', { code: string; head: string }> = {
    '33': { code: '', head: '' },
    '44': { code: '', head: '' },
  };

  const partPublishedOn = (province: string, day: string) =>
    api.dataSource.query(
      `UPDATE period_part SET published_at = $3::timestamptz WHERE period = $1 AND province_code = $2`,
      [OPEN_PERIOD, province, `${day}T12:00:00+08:00`],
    );
  const appeal = (province: '33' | '44', reason = '满意度样本含他县评价') =>
    api.request('POST', '/appeals', {
      token: county[province].head,
      body: { period: OPEN_PERIOD, agencyCode: county[province].code, reason },
    });
  const appealWindow = async (province: '33' | '44') =>
    (
      await api.request('GET', `/appeals/window?period=${OPEN_PERIOD}`, {
        token: county[province].head,
      })
    ).body;

  beforeAll(async () => {
    api = await startApiTestApp(
      { SCORECARD_DEMO: 'national', SCORECARD_DEMO_PROVINCES: '33,44,46' },
      { worker: true },
    );
    nation = await api.login('nation');
    zhejiang = await api.login('admin-330000');
    guangdong = await api.login('admin-440000');
    for (const province of ['33', '44'] as const) {
      const [row] = await api.dataSource.query(
        `SELECT k.code FROM agency k JOIN agency c ON c.code = k.parent_code
          WHERE k.level = 'county' AND c.parent_code = $1 ORDER BY k.code LIMIT 1`,
        [`${province}0000`],
      );
      county[province] = { code: row.code, head: await api.login(`head-${row.code}`) };
    }
    // A service star of September in a Guangdong county, at Guangdong's centre and in a Zhejiang
    // county (the national demo names none); the end of their publicity (公示) is stood in for.
    const starOf = async (agencyCode: string, token: string) => {
      const period = '2026-09';
      const nominated = await api.request('POST', `/stars/${period}/${agencyCode}/candidates`, {
        token,
        body: {
          staffUsername: `staff-${agencyCode}-1`,
          post: '窗口服务员',
          reason: '服务热情周到',
        },
      });
      expect(nominated.status).toBe(201);
      const scored = await api.request('PUT', `/stars/candidates/${nominated.body.id}/scores`, {
        token,
        body: { work: 90, leader: 90, attendance: 90 },
      });
      expect(scored.status).toBe(200);
      const selected = await api.request('POST', `/stars/${period}/${agencyCode}/select`, {
        token,
      });
      expect(selected.status).toBe(200);
      await api.dataSource.query(
        `UPDATE star_round SET status = 'confirmed', confirmed_at = publicity_ends_at WHERE period = $1 AND agency_code = $2`,
        [period, agencyCode],
      );
    };
    await starOf(county['44'].code, county['44'].head);
    await starOf('440000', guangdong);
    await starOf(county['33'].code, county['33'].head);
    // Only weekends are non-working days here.
    const years = new Set([
      shanghaiToday().slice(0, 4),
      shiftDay(shanghaiToday(), -14).slice(0, 4),
    ]);
    for (const year of years) {
      const answer = await api.request('PUT', `/calendar/${year}`, {
        token: nation,
        body: { holidays: [], workdays: [] },
      });
      expect(answer.status).toBe(200);
    }
    // Guangdong publishes its part of the open month; the other provinces have not.
    const locked = await api.request('POST', `/periods/${OPEN_PERIOD}/lock`, {
      token: guangdong,
      body: { force: true, reason: '部分机构免报' },
    });
    expect(locked.status).toBe(200);
    const accepted = await api.request('POST', `/periods/${OPEN_PERIOD}/publish`, {
      token: guangdong,
      body: {},
    });
    expect(accepted.status).toBe(202);
    const job = await waitFor(
      async () => {
        const seen = await api.request('GET', `/jobs/${accepted.body.jobId}`, { token: guangdong });
        return ['completed', 'failed'].includes(seen.body.state) ? seen.body : undefined;
      },
      { what: 'the publication', timeoutMs: 120_000, intervalMs: 250 },
    );
    expect(job).toMatchObject({ state: 'completed', result: { status: 'published' } });
  }, 300_000);
  afterAll(() => api?.close());

  it('a county head of a published province part can appeal while another province is still open, until N working days after its own publication', async () => {
    const [month] = await api.dataSource.query('SELECT status FROM period WHERE period = $1', [
      OPEN_PERIOD,
    ]);
    expect(month.status).toBe('open');
    const scheme = await api.request('GET', `/schemes/${OPEN_PERIOD.slice(0, 4)}`, {
      token: nation,
    });
    const workingDays: number = scheme.body.appealWorkingDays;
    expect(workingDays).toBeGreaterThan(0);

    // Published so long ago that its window ended on the last weekday before today.
    const today = shanghaiToday();
    let longAgo = today;
    while (weekdaysAfter(longAgo, workingDays) >= today) longAgo = shiftDay(longAgo, -1);
    await partPublishedOn('440000', longAgo);
    const closedOn = weekdaysAfter(longAgo, workingDays);
    expect(await appealWindow('44')).toEqual({
      period: OPEN_PERIOD,
      published: true,
      deadline: closedOn,
      open: false,
    });
    const late = await appeal('44');
    expect(late.status).toBe(409);
    expect(late.body.message).toContain(closedOn);

    // Published today: open until N working days after today.
    await partPublishedOn('440000', today);
    const deadline = weekdaysAfter(today, workingDays);
    expect(await appealWindow('44')).toEqual({
      period: OPEN_PERIOD,
      published: true,
      deadline,
      open: true,
    });
    const raised = await appeal('44');
    expect(raised.status).toBe(201);
    const listed = await api.request('GET', `/appeals?period=${OPEN_PERIOD}`, {
      token: county['44'].head,
    });
    expect(listed.body).toEqual([
      expect.objectContaining({ agencyCode: county['44'].code, deadline, status: 'open' }),
    ]);
    // What waits on the head shows the same day.
    const mine = await api.request('GET', '/follow-ups/mine', { token: county['44'].head });
    expect(mine.status).toBe(200);
    expect(
      (mine.body as { kind: string; deadline: string }[]).filter((item) => item.kind === 'appeal'),
    ).toEqual([expect.objectContaining({ deadline })]);

    // Zhejiang's part is still open: nothing of it can be appealed yet.
    expect(await appealWindow('33')).toEqual({
      period: OPEN_PERIOD,
      published: false,
      deadline: null,
      open: false,
    });
    expect((await appeal('33')).status).toBe(409);
  });

  const honouredOf = async (token: string, levels: string[], year: string) => {
    const expected: HonouredRow[] = [];
    for (const level of levels) {
      const answer = await api.request('GET', `/rankings?period=${year}&level=${level}`, { token });
      expect(answer.status).toBe(200);
      for (const row of answer.body.rows as (HonouredRow & { grade: string | null })[])
        if (row.grade === 'excellent' || row.grade === 'good')
          expected.push({
            agencyCode: row.agencyCode,
            level,
            grade: row.grade,
            score: row.score,
            rank: row.rank,
          });
    }
    return expected;
  };
  const rowsOf = (body: { agencies: HonouredRow[] }) =>
    body.agencies.map(({ agencyCode, level, grade, score, rank }) => ({
      agencyCode,
      level,
      grade,
      score,
      rank,
    }));
  const confirmedStarsUnder = async (codes: string[] | null, year: string) =>
    (
      await api.dataSource.query(
        `SELECT r.period, r.agency_code AS "agencyCode" FROM star_round r
          WHERE r.status = 'confirmed' AND r.period LIKE $1
            AND ($2::text[] IS NULL OR r.agency_code = ANY($2::text[]))
          ORDER BY r.period, r.agency_code`,
        [`${year}-%`, codes],
      )
    ).map((row: { period: string; agencyCode: string }) => ({
      period: row.period,
      agencyCode: row.agencyCode.trim(),
    }));

  it('the honour roll of a province lists only its agencies, ranked within the province', async () => {
    const year = '2026';
    const answer = await api.request('GET', `/honours?year=${year}`, { token: guangdong });
    expect(answer.status).toBe(200);
    const expected = await honouredOf(guangdong, ['city', 'county'], year);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.every((row) => row.agencyCode.startsWith('44'))).toBe(true);
    expect(rowsOf(answer.body)).toEqual(expected);
    // Ranked within the province: its best city and county are first.
    expect(rowsOf(answer.body).find((row) => row.level === 'county')?.rank).toBe(1);
    // Guangdong's published part of the open month counts for Guangdong.
    expect(answer.body.window.months).toContain(OPEN_PERIOD);

    const [provinceCodes] = await api.dataSource.query(
      `WITH RECURSIVE under AS (SELECT code FROM agency WHERE code = '440000'
         UNION ALL SELECT a.code FROM agency a JOIN under u ON a.parent_code = u.code)
       SELECT array_agg(code::text) AS codes FROM under`,
    );
    const stars = await confirmedStarsUnder(provinceCodes.codes, year);
    expect(stars.length).toBeGreaterThan(0);
    expect(
      (answer.body.stars as { period: string; agencyCode: string }[]).map(
        ({ period, agencyCode }) => ({ period, agencyCode }),
      ),
    ).toEqual(stars);

    // Its county head reads the same roll; Zhejiang's admin reads Zhejiang's.
    const byHead = await api.request('GET', `/honours?year=${year}`, { token: county['44'].head });
    expect(byHead.body).toEqual(answer.body);
    const zhejiangRoll = await api.request('GET', `/honours?year=${year}`, { token: zhejiang });
    expect(rowsOf(zhejiangRoll.body)).toEqual(await honouredOf(zhejiang, ['city', 'county'], year));
    expect(
      (zhejiangRoll.body.agencies as HonouredRow[]).every((row) => row.agencyCode.startsWith('33')),
    ).toBe(true);
    expect(zhejiangRoll.body.window.months).not.toContain(OPEN_PERIOD);

    // The national admin names the province, by its two digits or its code.
    for (const named of ['44', '440000']) {
      const byNation = await api.request('GET', `/honours?year=${year}&province=${named}`, {
        token: nation,
      });
      expect(byNation.status).toBe(200);
      expect(byNation.body).toEqual(answer.body);
    }
    // A province's users may name their own province.
    const ownNamed = await api.request('GET', `/honours?year=${year}&province=44`, {
      token: guangdong,
    });
    expect(ownNamed.body).toEqual(answer.body);
  });

  it("gives the national admin the provinces' roll by national rank unless it names a province", async () => {
    const year = '2026';
    const answer = await api.request('GET', `/honours?year=${year}`, { token: nation });
    expect(answer.status).toBe(200);
    const provinces = await api.request('GET', `/rankings?period=${year}&level=province`, {
      token: nation,
    });
    // Every province is ranked nationally (rank N of the three).
    expect(provinces.body.rows.map((row: { rank: number | null }) => row.rank !== null)).toEqual([
      true,
      true,
      true,
    ]);
    const expected = await honouredOf(nation, ['province'], year);
    expect(rowsOf(answer.body)).toEqual(expected);
    expect((answer.body.agencies as HonouredRow[]).every((row) => row.level === 'province')).toBe(
      true,
    );
    const [top] = await api.dataSource.query(
      `SELECT array_agg(code::text) AS codes FROM agency WHERE level IN ('nation', 'province')`,
    );
    expect(
      (answer.body.stars as { period: string; agencyCode: string }[]).map(
        ({ period, agencyCode }) => ({ period, agencyCode }),
      ),
    ).toEqual(await confirmedStarsUnder(top.codes, year));
    // Guangdong's centre's star, not its county's nor Zhejiang's.
    expect(answer.body.stars.map((star: { agencyCode: string }) => star.agencyCode)).toEqual([
      '440000',
    ]);
  });

  it("refuses a province admin another province's roll, in the caller's language", async () => {
    const zh = await api.request('GET', '/honours?year=2026&province=44', {
      token: zhejiang,
      language: 'zh-CN',
    });
    expect({ status: zh.status, message: zh.body.message }).toEqual({
      status: 403,
      message: '只能查看本省的荣誉榜，不能查看 440000 的荣誉榜',
    });
    const en = await api.request('GET', '/honours?year=2026&province=440000', {
      token: county['33'].head,
      language: 'en',
    });
    expect({ status: en.status, message: en.body.message }).toEqual({
      status: 403,
      message: "You may read only your own province's honour roll, not that of 440000",
    });
    // A city or a malformed code is no province.
    for (const named of ['440100', '4401', 'gd']) {
      const bad = await api.request('GET', `/honours?year=2026&province=${named}`, {
        token: nation,
      });
      expect({ named, status: bad.status }).toEqual({ named, status: 400 });
    }
  });
});
