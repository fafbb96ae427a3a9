import { waitFor } from '@scorecard/server-testing';
import {
  type ApiTestApp,
  OPEN_PERIOD,
  PUBLISHED_PERIOD,
  startApiTestApp,
} from '../support/api-test-app';

/**
 * Months run per province in a national tree (national demo, three provinces): each province
 * locks, publishes and reopens its own part; the national month is published when the last part
 * is, or when the national admin forces it with a reason.
 */
describe('months run per province', () => {
  let api: ApiTestApp;
  let nation: string;
  let zhejiang: string;
  let guangdong: string;
  let hainan: string;
  /** A county of each province, with its head's token. */
  const county: Record<'33' | '44', { code: string; head: string; parent: string }> = {
    '33': { code: '', head: '', parent: '' },
    '44': { code: '', head: '', parent: '' },
  };

  let guangdongWarnings: unknown[] = [];

  const values = (satisfaction: number) => ({
    satisfaction: { numerator: satisfaction, denominator: 100 },
  });

  /** Saves figures as the county's head, with the submission's current version. */
  const save = async (province: '33' | '44', satisfaction: number) => {
    const { code, head } = county[province];
    const current = await api.request('GET', `/submissions/${OPEN_PERIOD}/${code}`, {
      token: head,
    });
    return api.request('PUT', `/submissions/${OPEN_PERIOD}/${code}`, {
      token: head,
      body: {
        values: values(satisfaction),
        ...(current.status === 200 ? { version: current.body.version } : {}),
      },
    });
  };

  /** Uploads a submissions file as the county's head and waits for its import to end. */
  const importFigures = async (province: '33' | '44', satisfaction: number) => {
    const { code, head } = county[province];
    const form = new FormData();
    form.append('kind', 'submissions');
    const csv = `period,agency_code,indicator_code,numerator,denominator\n${OPEN_PERIOD},${code},satisfaction,${satisfaction},100\n`;
    form.append('file', new Blob([csv]), '月报.csv');
    const response = await fetch(`${api.baseUrl}/api/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${head}` },
      body: form,
    });
    expect(response.status).toBe(202);
    const { importId } = (await response.json()) as { importId: string };
    return waitFor(
      async () => {
        const seen = await api.request('GET', `/imports/${importId}`, { token: head });
        return seen.body.status === 'queued' ? undefined : seen.body;
      },
      { what: 'the import', timeoutMs: 60_000, intervalMs: 250 },
    );
  };

  const finished = (token: string, jobId: string) =>
    waitFor(
      async () => {
        const job = await api.request('GET', `/jobs/${jobId}`, { token });
        return job.body.state === 'completed' || job.body.state === 'failed' ? job.body : undefined;
      },
      { what: 'the publication', timeoutMs: 120_000, intervalMs: 250 },
    );

  const lock = (token: string, period: string, province?: string) =>
    api.request('POST', `/periods/${period}/lock`, {
      token,
      body: { force: true, reason: '部分机构免报', ...(province ? { province } : {}) },
    });

  const publish = async (token: string, period: string, body: Record<string, unknown> = {}) => {
    const accepted = await api.request('POST', `/periods/${period}/publish`, { token, body });
    expect(accepted).toEqual({ status: 202, body: { jobId: expect.any(String) } });
    return finished(token, accepted.body.jobId);
  };

  const monthRow = async (period: string) =>
    (
      await api.dataSource.query('SELECT status, published_version FROM period WHERE period = $1', [
        period,
      ])
    )[0];

  const partsOf = async (token: string, period: string) =>
    Object.fromEntries(
      (
        (await api.request('GET', `/periods/${period}/parts`, { token })).body as {
          province: string;
          status: string;
        }[]
      ).map((part) => [part.province, part.status]),
    );

  beforeAll(async () => {
    api = await startApiTestApp(
      { SCORECARD_DEMO: 'national', SCORECARD_DEMO_PROVINCES: '33,44,46' },
      { worker: true },
    );
    nation = await api.login('nation');
    zhejiang = await api.login('admin-330000');
    guangdong = await api.login('admin-440000');
    hainan = await api.login('admin-460000');
    for (const province of ['33', '44'] as const) {
      const [row] = await api.dataSource.query(
        `SELECT k.code, k.parent_code FROM agency k JOIN agency c ON c.code = k.parent_code
          WHERE k.level = 'county' AND c.parent_code = $1 ORDER BY k.code LIMIT 1`,
        [`${province}0000`],
      );
      county[province] = {
        code: row.code,
        parent: row.parent_code,
        head: await api.login(`head-${row.code}`),
      };
    }
  }, 300_000);
  afterAll(() => api?.close());

  it("refuses a province admin another province's part, in the caller's language", async () => {
    for (const [path, body] of [
      ['lock', { province: '440000', force: true, reason: '越权' }],
      ['publish', { province: '44' }],
      ['reopen', { province: '440000', reason: '越权重开' }],
    ] as const) {
      const zh = await api.request(
        'POST',
        `/periods/${path === 'reopen' ? PUBLISHED_PERIOD : OPEN_PERIOD}/${path}`,
        {
          token: zhejiang,
          body,
          language: 'zh-CN',
        },
      );
      expect({ path, status: zh.status, message: zh.body.message }).toEqual({
        path,
        status: 403,
        message: '只能管理本省的月份，不能操作 440000 的月份',
      });
      const en = await api.request(
        'POST',
        `/periods/${path === 'reopen' ? PUBLISHED_PERIOD : OPEN_PERIOD}/${path}`,
        {
          token: zhejiang,
          body,
          language: 'en',
        },
      );
      expect({ path, status: en.status, message: en.body.message }).toEqual({
        path,
        status: 403,
        message: "You may manage only your own province's part of the month, not that of 440000",
      });
    }
    expect(await monthRow(OPEN_PERIOD)).toEqual({ status: 'open', published_version: 0 });
    expect((await api.request('GET', `/periods?province=44`, { token: zhejiang })).status).toBe(
      403,
    );
    // The national admin names the province whose part it locks; a city is no province.
    const unnamed = await api.request('POST', `/periods/${OPEN_PERIOD}/lock`, {
      token: nation,
      body: {},
    });
    expect(unnamed.status).toBe(400);
    const city = await api.request('POST', `/periods/${OPEN_PERIOD}/lock`, {
      token: nation,
      body: { province: county['44'].parent },
    });
    expect(city.status).toBe(400);
  });

  it("locks Guangdong's part only: Zhejiang keeps saving, Guangdong's saves are refused", async () => {
    const locked = await lock(guangdong, OPEN_PERIOD);
    expect(locked.status).toBe(200);
    expect(locked.body).toMatchObject({
      period: OPEN_PERIOD,
      status: 'locked',
      province: '440000',
    });
    expect((await save('33', 91)).status).toBe(200);
    const refused = await save('44', 92);
    expect(refused.status).toBe(423);
    // The month is still open for the country: only Guangdong's part is locked.
    expect(await monthRow(OPEN_PERIOD)).toEqual({ status: 'open', published_version: 0 });
    // Waivers follow the part as well.
    const waive = (token: string, code: string) =>
      api.request('POST', `/submissions/${OPEN_PERIOD}/${code}/waive`, {
        token,
        body: { reason: '停业整顿' },
      });
    expect((await waive(guangdong, county['44'].code)).status).toBe(409);
    expect((await waive(zhejiang, county['33'].code)).status).toBe(204);
    // Files too: Guangdong's is refused for its locked month, Zhejiang's is not.
    const guangdongFile = await importFigures('44', 95);
    expect(guangdongFile).toMatchObject({ status: 'rejected', errors: [{ field: 'period' }] });
    const zhejiangFile = await importFigures('33', 96);
    expect(zhejiangFile.status).not.toBe('rejected');
    expect(zhejiangFile.errors).toEqual([]);
    // Locking it again is a conflict; Zhejiang's part is untouched.
    expect((await lock(guangdong, OPEN_PERIOD)).status).toBe(409);
    expect(await partsOf(nation, OPEN_PERIOD)).toEqual({
      '330000': 'open',
      '440000': 'locked',
      '460000': 'open',
    });
  });

  it("answers one province's months with GET /periods?province=", async () => {
    const of = async (province: string, token = nation) => {
      const { status, body } = await api.request('GET', `/periods?province=${province}`, { token });
      expect(status).toBe(200);
      return body.find((month: { period: string }) => month.period === OPEN_PERIOD);
    };
    const [counts] = await api.dataSource.query(
      `WITH RECURSIVE under AS (SELECT code FROM agency WHERE code = '440000'
         UNION ALL SELECT a.code FROM agency a JOIN under u ON a.parent_code = u.code)
       SELECT count(*)::int AS expected,
              (SELECT count(*) FROM submission s JOIN under u ON u.code = s.agency_code
                WHERE s.period = $1 AND s.status <> 'draft')::int AS reported
         FROM under`,
      [OPEN_PERIOD],
    );
    expect(await of('44')).toMatchObject({
      province: '440000',
      status: 'locked',
      expectedCount: counts.expected,
      reportedCount: counts.reported,
    });
    expect(await of('440000')).toMatchObject({ status: 'locked' });
    expect(await of('33')).toMatchObject({ province: '330000', status: 'open' });
    expect((await of('33')).expectedCount).not.toBe(counts.expected);
    // A province's users get their own part without naming it.
    const own = await api.request('GET', '/periods', { token: guangdong });
    expect(
      own.body.find((month: { period: string }) => month.period === OPEN_PERIOD),
    ).toMatchObject({
      province: '440000',
      status: 'locked',
    });
  });

  it("shows a province admin its own part's completeness only", async () => {
    const { status, body } = await api.request('GET', `/periods/${OPEN_PERIOD}/completeness`, {
      token: guangdong,
    });
    expect(status).toBe(200);
    expect(body.status).toBe('locked');
    expect(body.cities.length).toBeGreaterThan(0);
    expect(body.cities.every((city: { code: string }) => city.code.startsWith('44'))).toBe(true);
    expect(body.byCity.every((city: { code: string }) => city.code.startsWith('44'))).toBe(true);
    expect(body.missing.every((agency: { code: string }) => agency.code.startsWith('44'))).toBe(
      true,
    );
    const [counts] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM agency WHERE code LIKE '44%'`,
    );
    expect(body.province.expected).toBe(counts.n);
    const zhejiangView = await api.request('GET', `/periods/${OPEN_PERIOD}/completeness`, {
      token: zhejiang,
    });
    expect(zhejiangView.body.status).toBe('open');
    expect(
      zhejiangView.body.cities.every((city: { code: string }) => city.code.startsWith('33')),
    ).toBe(true);
  });

  it("publishes Guangdong's part: its head reads the published result while Zhejiang's stays draft", async () => {
    const job = await publish(guangdong, OPEN_PERIOD);
    expect(job).toMatchObject({ state: 'completed', result: { status: 'published', version: 1 } });
    // The national month waits for the other provinces.
    expect(await monthRow(OPEN_PERIOD)).toEqual({ status: 'open', published_version: 1 });
    expect(await partsOf(nation, OPEN_PERIOD)).toEqual({
      '330000': 'open',
      '440000': 'published',
      '460000': 'open',
    });

    const guangdongTable = await api.request(
      'GET',
      `/rankings?period=${OPEN_PERIOD}&level=county&parent=${county['44'].parent}`,
      { token: county['44'].head },
    );
    expect(guangdongTable.status).toBe(200);
    expect(guangdongTable.body).toMatchObject({ status: 'published', version: 1 });
    const card = await api.request(
      'GET',
      `/agencies/${county['44'].code}/scorecard?period=${OPEN_PERIOD}`,
      {
        token: county['44'].head,
      },
    );
    expect(card.status).toBe(200);
    expect(card.body.published).toBe(true);

    // Zhejiang's head sees no score of a month its province has not published.
    const zhejiangTable = await api.request(
      'GET',
      `/rankings?period=${OPEN_PERIOD}&level=county&parent=${county['33'].parent}`,
      { token: county['33'].head },
    );
    expect(zhejiangTable.status).toBe(403);
    const zhejiangCard = await api.request(
      'GET',
      `/agencies/${county['33'].code}/scorecard?period=${OPEN_PERIOD}`,
      {
        token: county['33'].head,
      },
    );
    expect(zhejiangCard.body).toMatchObject({ published: false, score: null });
    // Zhejiang's admin still reads its own draft, still open for figures.
    const draft = await api.request('GET', `/rankings?period=${OPEN_PERIOD}&level=county`, {
      token: zhejiang,
    });
    expect(draft.body).toMatchObject({ status: 'open', version: null });
    expect((await save('33', 93)).status).toBe(200);

    // A quarter counts a month for a province once that province's part is published.
    const quarter = `${OPEN_PERIOD.slice(0, 4)}-Q4`;
    const guangdongQuarter = await api.request(
      'GET',
      `/rankings?period=${quarter}&level=county&parent=${county['44'].parent}`,
      { token: county['44'].head },
    );
    expect(guangdongQuarter.body.window.months).toEqual([OPEN_PERIOD]);
    const zhejiangQuarter = await api.request(
      'GET',
      `/rankings?period=${quarter}&level=county&parent=${county['33'].parent}`,
      { token: county['33'].head },
    );
    expect(zhejiangQuarter.status).toBe(404);

    // Warnings read Guangdong's published part (the national month is not published yet).
    guangdongWarnings = (
      await api.request('GET', `/warnings?period=${OPEN_PERIOD}`, { token: guangdong })
    ).body;

    // The publication's follow-ups reach Guangdong's heads only.
    const [told] = await api.dataSource.query(
      `SELECT count(*) FILTER (WHERE u.agency_code LIKE '44%')::int AS guangdong,
              count(*) FILTER (WHERE u.agency_code NOT LIKE '44%')::int AS others
         FROM notification n JOIN app_user u ON u.username = n.username
        WHERE n.kind = 'feedback.published' AND n.params->>'period' = $1`,
      [OPEN_PERIOD],
    );
    expect(told.guangdong).toBeGreaterThan(0);
    expect(told.others).toBe(0);
  });

  it('publishes the national month only when forced with a reason, before every province has published', async () => {
    const withoutReason = await api.request('POST', `/periods/${OPEN_PERIOD}/publish`, {
      token: nation,
      body: { force: true },
    });
    expect(withoutReason.status).toBe(400);
    expect(
      (await api.request('POST', `/periods/${OPEN_PERIOD}/publish`, { token: nation, body: {} }))
        .status,
    ).toBe(400);
    expect(await monthRow(OPEN_PERIOD)).toEqual({ status: 'open', published_version: 1 });

    const job = await publish(nation, OPEN_PERIOD, {
      force: true,
      reason: '海南、浙江逾期未发布，按期通报',
    });
    expect(job).toMatchObject({ state: 'completed', result: { status: 'published', version: 2 } });
    expect(await monthRow(OPEN_PERIOD)).toEqual({ status: 'published', published_version: 2 });
    const history = await api.request('GET', `/periods/${OPEN_PERIOD}/history`, { token: nation });
    expect(history.body.at(-1)).toMatchObject({
      action: 'force_publish',
      reason: '海南、浙江逾期未发布，按期通报',
      province: null,
    });
    const [audit] = await api.dataSource.query(
      `SELECT username, after FROM audit_log WHERE action = 'period.force_publish' AND target = $1`,
      [`period/${OPEN_PERIOD}`],
    );
    expect(audit).toMatchObject({
      username: 'nation',
      after: { reason: '海南、浙江逾期未发布，按期通报' },
    });
    // Guangdong's warnings were already those of its published part: the national publication
    // adds nothing to them.
    const afterNation = (
      await api.request('GET', `/warnings?period=${OPEN_PERIOD}`, { token: guangdong })
    ).body;
    expect(afterNation.length).toBeGreaterThan(0);
    expect(guangdongWarnings).toEqual(afterNation);
    // Zhejiang's part is still its own: open, writable, and its head still sees no score.
    expect((await save('33', 94)).status).toBe(200);
    const zhejiangTable = await api.request(
      'GET',
      `/rankings?period=${OPEN_PERIOD}&level=county&parent=${county['33'].parent}`,
      { token: county['33'].head },
    );
    expect(zhejiangTable.status).toBe(403);
  });

  it("reopens Guangdong's part only; the national month is published again when its last part is", async () => {
    expect(await monthRow(PUBLISHED_PERIOD)).toMatchObject({ status: 'published' });
    const reopened = await api.request('POST', `/periods/${PUBLISHED_PERIOD}/reopen`, {
      token: guangdong,
      body: { reason: '广州市数据更正' },
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toEqual({ period: PUBLISHED_PERIOD, status: 'open', province: '440000' });
    expect(await partsOf(nation, PUBLISHED_PERIOD)).toEqual({
      '330000': 'published',
      '440000': 'open',
      '460000': 'published',
    });
    expect((await monthRow(PUBLISHED_PERIOD)).status).toBe('open');
    // Zhejiang's head keeps reading its published result.
    const zhejiangTable = await api.request(
      'GET',
      `/rankings?period=${PUBLISHED_PERIOD}&level=county&parent=${county['33'].parent}`,
      { token: county['33'].head },
    );
    expect(zhejiangTable.body).toMatchObject({ status: 'published' });

    expect((await lock(guangdong, PUBLISHED_PERIOD)).status).toBe(200);
    const before = (await monthRow(PUBLISHED_PERIOD)).published_version;
    // The national admin may act on a part it names.
    const job = await publish(nation, PUBLISHED_PERIOD, { province: '440000' });
    expect(job).toMatchObject({ state: 'completed', result: { version: before + 1 } });
    expect(await monthRow(PUBLISHED_PERIOD)).toEqual({
      status: 'published',
      published_version: before + 1,
    });
    const history = await api.request('GET', `/periods/${PUBLISHED_PERIOD}/history`, {
      token: nation,
    });
    expect(
      history.body
        .slice(-4)
        .map((event: { action: string; province: string | null }) => [
          event.action,
          event.province,
        ]),
    ).toEqual([
      ['reopen', '440000'],
      ['force_lock', '440000'],
      ['publish', '440000'],
      ['publish', null],
    ]);
    // Zhejiang's administrator reads the month's own steps and Zhejiang's, not Guangdong's.
    const seenInZhejiang = await api.request('GET', `/periods/${PUBLISHED_PERIOD}/history`, {
      token: zhejiang,
    });
    expect(
      seenInZhejiang.body.some((event: { province: string | null }) => event.province === '440000'),
    ).toBe(false);
    expect(seenInZhejiang.body.at(-1)).toMatchObject({ action: 'publish', province: null });
    // Every province's rows are in the new version, and the national ranks with them.
    const [rows] = await api.dataSource.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE agency_code LIKE '33%')::int AS zhejiang
         FROM published_result WHERE period = $1 AND version = $2`,
      [PUBLISHED_PERIOD, before + 1],
    );
    const [computed] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM agency_result WHERE period = $1`,
      [PUBLISHED_PERIOD],
    );
    expect(rows.n).toBe(computed.n);
    expect(rows.zhejiang).toBeGreaterThan(0);
    expect(hainan).toBeDefined();
  });
});
