import ExcelJS from 'exceljs';
import { waitFor } from '@scorecard/server-testing';
import {
  type ApiTestApp,
  OPEN_PERIOD,
  PUBLISHED_PERIOD,
  startApiTestApp,
} from '../support/api-test-app';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers of every shape
type Json = any;

interface IndicatorBody {
  code: string;
  nameZh: string;
  nameEn: string;
  dimension: string;
  numeratorLabel: string;
  denominatorLabel: string;
  weight: number;
  target: number;
  floor: number;
  allowAbove: boolean;
  monetary: boolean;
}

const REMOTE_FILING: IndicatorBody = {
  code: 'remote_filing',
  nameZh: '异地就医备案办结率',
  nameEn: 'Out-of-area filing',
  dimension: '业务经办',
  numeratorLabel: '按时办结备案数',
  denominatorLabel: '受理备案数',
  weight: 10,
  target: 1,
  floor: 0.5,
  allowAbove: false,
  monetary: false,
};

/** Σ weight × score / Σ weight over the applicable ones, rounded half away from zero to 2 decimals. */
function byHand(items: { weight: number; score: number | null }[]): number | null {
  const applicable = items.filter((item) => item.score !== null);
  const weight = applicable.reduce((sum, item) => sum + item.weight, 0);
  if (weight === 0) return null;
  const exact =
    applicable.reduce((sum, item) => sum + item.weight * (item.score as number), 0) / weight;
  return Math.round((exact + Number.EPSILON) * 100) / 100;
}

describe('scheme editor (GET/PUT /schemes/:year, versions, preview)', () => {
  let api: ApiTestApp;
  let admin: string;

  beforeAll(async () => {
    api = await startApiTestApp({}, { worker: true });
    admin = await api.login('admin');
  });
  afterAll(() => api.close());

  const get = async (path: string, token = admin): Promise<Json> => {
    const answer = await api.request('GET', path, { token });
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const put = (body: unknown, options: { token?: string; language?: string; year?: number } = {}) =>
    api.request('PUT', `/schemes/${options.year ?? 2026}`, {
      token: options.token ?? admin,
      body,
      language: options.language,
    });
  /** What GET answers, less `year`: the body a PUT takes (with `version` naming the version edited). */
  const editable = async (changes: Record<string, unknown> = {}): Promise<Json> => {
    const body = await get('/schemes/2026');
    delete body.year;
    return { ...body, ...changes };
  };
  /** Waits until the relay has queued and the worker has computed the month's latest figures. */
  const computed = (period: string) =>
    waitFor(
      async () => {
        const [month] = await api.dataSource.query(
          'SELECT computed_revision >= data_revision AS done FROM period WHERE period = $1',
          [period],
        );
        return month?.done ? true : undefined;
      },
      { what: `the computation of ${period}`, timeoutMs: 60_000, intervalMs: 250 },
    );

  it('answers the year’s version 1 from January, and takes back what it answers', async () => {
    const scheme = await get('/schemes/2026');
    expect(scheme).toMatchObject({
      year: 2026,
      version: 1,
      effectiveFrom: '2026-01',
      dueDay: 5,
      dueOnWorkingDay: false,
      rectifyWorkingDays: 10,
      appealWorkingDays: 3,
      badReviewWorkingDays: 15,
      warnings: { failMonths: 2, lastMonths: 2, belowFloorMonths: 3, improvingMonths: 3 },
      grades: [
        { code: 'excellent', label: '优秀', min: 90 },
        { code: 'good', label: '良好', min: 80 },
        { code: 'pass', label: '合格', min: 70 },
        { code: 'basic', label: '基本合格', min: 60 },
        { code: 'fail', label: '不合格', min: 0 },
      ],
    });
    expect(
      scheme.indicators.map((indicator: IndicatorBody) => [indicator.code, indicator.dimension]),
    ).toEqual([
      ['enrollment_expansion', '业务经办'],
      ['collection', '业务经办'],
      ['annual_inspection', '业务经办'],
      ['first_inquiry', '服务质量'],
      ['ab_post', '服务质量'],
      ['online_reply', '服务质量'],
      ['satisfaction', '服务质量'],
    ]);
    expect(scheme.indicators[0]).toMatchObject({
      numeratorLabel: '新增参保人数',
      denominatorLabel: '月度扩面任务数',
      weight: 20,
      target: 1,
      floor: 0.6,
      allowAbove: true,
    });
    const versions = await get('/schemes/2026/versions');
    expect(versions).toEqual([
      {
        version: 1,
        effectiveFrom: '2026-01',
        reason: expect.any(String),
        createdBy: null,
        createdAt: expect.any(String),
      },
    ]);
    expect(await get(`/schemes/2026?period=${OPEN_PERIOD}`)).toEqual(scheme);
  });

  it('refuses anyone but the province: 403 for a city admin and an agency head', async () => {
    // The demo's admin of 杭州市.
    const cityAdmin = await api.login('city-330100');
    const head = await api.login('head-330102');
    const body = await editable({ effectiveFrom: '2026-11', reason: '调整' });
    for (const token of [cityAdmin, head]) {
      expect((await put(body, { token })).status).toBe(403);
      expect((await api.request('POST', '/schemes/2026/preview', { token, body })).status).toBe(
        403,
      );
    }
    expect((await get('/schemes/2026/versions')).length).toBe(1);
  });

  it.each<[string, (body: Json) => void, string, string, string]>([
    [
      'weights not summing to 100',
      (body) => (body.indicators[0].weight = 10),
      'indicators',
      '各指标权重合计应为 100，现为 90',
      'the weights must sum to 100, not 90',
    ],
    [
      'a fractional weight',
      (body) => (body.indicators[1].weight = 19.5),
      'indicators[1].weight',
      '权重应为正整数',
      'a weight must be a positive whole number',
    ],
    [
      'a floor at the target',
      (body) => (body.indicators[2].floor = 1),
      'indicators[2].floor',
      '底线值应低于目标值',
      'the floor must be below the target',
    ],
    [
      'a duplicated code',
      (body) => (body.indicators[3].code = 'collection'),
      'indicators[3].code',
      '编码 collection 重复（另见 indicators[1]）',
      'code collection is used twice (also indicators[1])',
    ],
    [
      'a code out of [a-z][a-z0-9_]*',
      (body) => (body.indicators[3].code = 'First-Inquiry'),
      'indicators[3].code',
      '编码应以小写字母开头，只含小写字母、数字和下划线',
      'a code starts with a lower-case letter and holds only a–z, 0–9 and _',
    ],
    [
      'grade bands not strictly descending',
      (body) => (body.grades[2].min = 80),
      'grades[2].min',
      '应低于上一档的起点 80',
      'must be below the band above (80)',
    ],
    [
      'a due day past the 28th',
      (body) => (body.dueDay = 29),
      'dueDay',
      '应为 1 至 28 之间的整数',
      'must be a whole number from 1 to 28',
    ],
    [
      'a warning threshold of 13 months',
      (body) => (body.warnings.lastMonths = 13),
      'warnings.lastMonths',
      '应为 1 至 12 之间的整数',
      'must be a whole number from 1 to 12',
    ],
    [
      'a month of another year',
      (body) => (body.effectiveFrom = '2027-01'),
      'effectiveFrom',
      '应为 2026 年内的月份（YYYY-MM）',
      'must be a month of 2026 (YYYY-MM)',
    ],
    [
      'an unknown field inside an indicator',
      (body) => (body.indicators[0].colour = 'red'),
      'indicators[0].colour',
      '不接受字段 indicators[0].colour',
      'property indicators[0].colour should not exist',
    ],
  ])(
    'refuses %s with 400 naming the field, in Chinese and in English',
    async (_name, change, field, zh, en) => {
      const body = await editable({ effectiveFrom: '2026-11', reason: '调整' });
      change(body);
      const chinese = await put(body, { language: 'zh-CN' });
      expect(chinese.status).toBe(400);
      expect(chinese.body.errors).toContainEqual({ field, message: zh });
      const english = await put(body, { language: 'en' });
      expect(english.status).toBe(400);
      expect(english.body.errors).toContainEqual({ field, message: en });
      expect((await get('/schemes/2026/versions')).length).toBe(1);
    },
  );

  it('answers 409 for a month already published or locked, or earlier in the year', async () => {
    for (const effectiveFrom of [PUBLISHED_PERIOD, '2026-01']) {
      const refused = await put(await editable({ effectiveFrom, reason: '改历史' }), {
        language: 'en',
      });
      expect(refused.status).toBe(409);
      expect(refused.body.message).toMatch(/published history never changes/);
    }
    const [{ status }] = await api.dataSource.query('SELECT status FROM period WHERE period = $1', [
      OPEN_PERIOD,
    ]);
    expect(status).toBe('open');
    await api.dataSource.query(`UPDATE period SET status = 'locked' WHERE period = $1`, [
      OPEN_PERIOD,
    ]);
    try {
      const locked = await put(
        await editable({ effectiveFrom: OPEN_PERIOD, reason: '锁定后修改' }),
      );
      expect(locked.status).toBe(409);
    } finally {
      await api.dataSource.query(`UPDATE period SET status = 'open' WHERE period = $1`, [
        OPEN_PERIOD,
      ]);
    }
    expect((await get('/schemes/2026/versions')).length).toBe(1);
  });

  it('saves a new version from an open month: that month is recomputed with the new weights and says v2, an earlier published month still says v1', async () => {
    const body = await editable({ effectiveFrom: OPEN_PERIOD, reason: '提高满意度权重' });
    // satisfaction 20 → 30, annual_inspection 10 → 0 is not allowed: collection 20 → 10 instead.
    body.indicators.find((indicator: IndicatorBody) => indicator.code === 'satisfaction').weight =
      30;
    body.indicators.find((indicator: IndicatorBody) => indicator.code === 'collection').weight = 10;
    body.grades[0].min = 95;
    body.dueDay = 10;
    const saved = await put(body);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      year: 2026,
      version: 2,
      effectiveFrom: OPEN_PERIOD,
      reason: '提高满意度权重',
    });
    expect(await get('/schemes/2026')).toEqual(saved.body);
    expect((await get(`/schemes/2026?period=${PUBLISHED_PERIOD}`)).version).toBe(1);
    expect(await get('/schemes/2026/versions')).toEqual([
      expect.objectContaining({ version: 1, effectiveFrom: '2026-01' }),
      {
        version: 2,
        effectiveFrom: OPEN_PERIOD,
        reason: '提高满意度权重',
        createdBy: 'admin',
        createdAt: expect.any(String),
      },
    ]);
    // Edited from version 1 while version 2 was saved: stale.
    const stale = await put({ ...body, version: 1 }, { language: 'en' });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toBe('the scheme has a newer version v2: reload it before editing');
    expect((await get('/schemes/2026/versions')).length).toBe(2);

    const audit = await get('/audit?username=admin');
    expect(audit[0]).toMatchObject({
      action: 'scheme.put',
      target: 'scheme/2026',
      before: { version: 1 },
      after: { version: 2, recomputed: [OPEN_PERIOD] },
    });

    // The open month is due by the new version's day; 10 November 2026 is a Tuesday.
    const months = await get('/periods');
    expect(months.find((month: Json) => month.period === OPEN_PERIOD).dueDate).toBe('2026-11-10');

    await computed(OPEN_PERIOD);
    const open = await get(`/rankings?period=${OPEN_PERIOD}&level=county`);
    expect(open.scheme).toEqual({ year: 2026, version: 2 });
    const published = await get(`/rankings?period=${PUBLISHED_PERIOD}&level=county`);
    expect(published.scheme).toEqual({ year: 2026, version: 1 });

    const weights = new Map<string, number>(
      body.indicators.map((indicator: IndicatorBody) => [indicator.code, indicator.weight]),
    );
    const scored = open.rows.filter((row: Json) => row.score !== null);
    expect(scored.length).toBeGreaterThan(0);
    for (const row of scored.slice(0, 5)) {
      const items = Object.entries(row.indicators as Record<string, { score: number | null }>).map(
        ([code, figures]) => ({ weight: weights.get(code) as number, score: figures.score }),
      );
      expect(row.score).toBe(byHand(items));
      const expectedGrade =
        row.score >= 95
          ? 'excellent'
          : row.score >= 80
            ? 'good'
            : row.score >= 70
              ? 'pass'
              : row.score >= 60
                ? 'basic'
                : 'fail';
      expect(row.grade).toBe(expectedGrade);
    }
  });

  it('answers the indicators in force for a month, with their dimension and labels', async () => {
    const before = await get(`/indicators?period=${PUBLISHED_PERIOD}`);
    const after = await get(`/indicators?period=${OPEN_PERIOD}`);
    expect(before.find((indicator: Json) => indicator.code === 'satisfaction').weight).toBe(20);
    expect(after.find((indicator: Json) => indicator.code === 'satisfaction')).toMatchObject({
      weight: 30,
      dimension: '服务质量',
      numeratorLabel: '满意及非常满意评价数',
      denominatorLabel: '评价总数',
    });
  });

  it('takes a province indicator added by PUT in data entry and in a submissions file, and computes, ranks, shows and exports it', async () => {
    const body = await editable({ effectiveFrom: OPEN_PERIOD, reason: '增设异地就医备案办结率' });
    body.indicators.find((indicator: IndicatorBody) => indicator.code === 'satisfaction').weight =
      20;
    body.indicators.push(REMOTE_FILING);
    const saved = await put(body);
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(3);

    const head = await api.login('head-330102');
    const current = await api.request('GET', `/submissions/${OPEN_PERIOD}/330102`, { token: head });
    const typed = await api.request('PUT', `/submissions/${OPEN_PERIOD}/330102`, {
      token: head,
      body: {
        values: { remote_filing: { numerator: 45, denominator: 60 } },
        version: current.status === 200 ? current.body.version : undefined,
      },
    });
    expect(typed.status).toBe(200);

    const form = new FormData();
    form.append('kind', 'submissions');
    form.append(
      'file',
      new Blob([
        `period,agency_code,indicator_code,numerator,denominator\n${OPEN_PERIOD},330105,remote_filing,30,40\n`,
      ]),
      'remote.csv',
    );
    const upload = await fetch(`${api.baseUrl}/api/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}` },
      body: form,
    });
    expect(upload.status).toBe(202);
    const { jobId } = (await upload.json()) as { jobId: string };
    const job = await waitFor(
      async () => {
        const answer = await api.request('GET', `/jobs/${jobId}`, { token: admin });
        return answer.body.state === 'completed' || answer.body.state === 'failed'
          ? answer.body
          : undefined;
      },
      { what: 'the submissions import', timeoutMs: 60_000, intervalMs: 250 },
    );
    expect(job.state).toBe('completed');
    expect(job.result.errors).toEqual([]);
    const imported = await api.request('GET', `/submissions/${OPEN_PERIOD}/330105`, {
      token: admin,
    });
    expect(imported.body.values.remote_filing).toEqual({ numerator: 30, denominator: 40 });

    await computed(OPEN_PERIOD);
    const ranking = await get(
      `/rankings?period=${OPEN_PERIOD}&level=county&parent=330100&scope=own`,
    );
    expect(ranking.scheme).toEqual({ year: 2026, version: 3 });
    const row = ranking.rows.find((candidate: Json) => candidate.agencyCode === '330102');
    expect(row.indicators.remote_filing).toMatchObject({
      numerator: 45,
      denominator: 60,
      rate: 0.75,
      score: 50,
    });
    expect(
      ranking.rows.find((candidate: Json) => candidate.agencyCode === '330105').indicators
        .remote_filing,
    ).toMatchObject({ rate: 0.75, score: 50 });

    const scorecard = await get(`/agencies/330102/scorecard?period=${OPEN_PERIOD}&scope=own`);
    expect(scorecard.scheme).toEqual({ year: 2026, version: 3 });
    expect(scorecard.indicators.map((indicator: Json) => indicator.code)).toContain(
      'remote_filing',
    );
    expect(
      scorecard.indicators.find((indicator: Json) => indicator.code === 'remote_filing'),
    ).toMatchObject({
      weight: 10,
      rate: 0.75,
      score: 50,
    });

    const exported = await fetch(
      `${api.baseUrl}/api/rankings/export.xlsx?period=${OPEN_PERIOD}&level=county&parent=330100&scope=own`,
      { headers: { authorization: `Bearer ${admin}` } },
    );
    expect(exported.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await exported.arrayBuffer());
    const text = workbook.worksheets[0]
      .getSheetValues()
      .flat()
      .map((value) => String(value));
    expect(text.some((value) => value.includes('异地就医备案办结率'))).toBe(true);
  });

  it('answers a subtotal per dimension on the scorecard', async () => {
    const indicators = await get(`/indicators?period=${OPEN_PERIOD}`);
    const dimensionOf = new Map<string, string>(
      indicators.map((indicator: Json) => [indicator.code, indicator.dimension]),
    );
    const scorecard = await get(`/agencies/330102/scorecard?period=${OPEN_PERIOD}&scope=own`);
    const expected = ['业务经办', '服务质量'].map((name) => {
      const members = scorecard.indicators.filter(
        (indicator: Json) => dimensionOf.get(indicator.code) === name,
      );
      return {
        name,
        weight: members.reduce((sum: number, indicator: Json) => sum + indicator.weight, 0),
        score: byHand(members),
      };
    });
    expect(scorecard.dimensions).toEqual(expected);
    expect(expected[0].weight + expected[1].weight).toBe(100);
    expect(expected[0].score).not.toBeNull();
  });

  it('previews a draft on the last published month, and the preview is what a save and a recompute then give', async () => {
    const body = await editable({ effectiveFrom: PUBLISHED_PERIOD, reason: '重新分配权重' });
    delete body.version;
    const weights: Record<string, number> = {
      enrollment_expansion: 10,
      collection: 10,
      annual_inspection: 10,
      first_inquiry: 10,
      ab_post: 10,
      online_reply: 10,
      satisfaction: 30,
      remote_filing: 10,
    };
    for (const indicator of body.indicators as IndicatorBody[])
      indicator.weight = weights[indicator.code];

    const preview = await api.request('POST', '/schemes/2026/preview', { token: admin, body });
    expect(preview.status).toBe(200);
    expect(preview.body.period).toBe(PUBLISHED_PERIOD);
    const published = await get(`/rankings?period=${PUBLISHED_PERIOD}&level=city`);
    const city = published.rows.find((row: Json) => row.score !== null);
    const previewed = preview.body.rows.find((row: Json) => row.agencyCode === city.agencyCode);
    expect(previewed).toMatchObject({ level: 'city', score: city.score, rank: city.rank });
    // By hand: the published month's indicator scores under the draft weights (remote_filing had no figures).
    const draftScore = byHand(
      Object.entries(city.indicators as Record<string, { score: number | null }>).map(
        ([code, figures]) => ({
          weight: weights[code],
          score: figures.score,
        }),
      ),
    );
    expect(previewed.draftScore).toBe(draftScore);
    // Nothing was written.
    expect((await get('/schemes/2026/versions')).length).toBe(3);

    // Reopen the month, save the same draft from it, and let it be recomputed: the same scores and ranks.
    const reopened = await api.request('POST', `/periods/${PUBLISHED_PERIOD}/reopen`, {
      token: admin,
      body: { reason: '按新方案重算' },
    });
    expect(reopened.status).toBe(200);
    const saved = await put(body);
    expect(saved.status).toBe(200);
    await computed(PUBLISHED_PERIOD);
    for (const level of ['city', 'county']) {
      const draft = await get(`/rankings?period=${PUBLISHED_PERIOD}&level=${level}`);
      expect(draft.scheme).toEqual({ year: 2026, version: 4 });
      const recomputed = new Map(
        draft.rows.map((row: Json) => [row.agencyCode, [row.score, row.rank]]),
      );
      const rows = preview.body.rows.filter((row: Json) => row.level === level);
      expect(rows.length).toBe(draft.rows.length);
      for (const row of rows)
        expect([row.draftScore, row.draftRank]).toEqual(recomputed.get(row.agencyCode));
    }
  });

  it('lets a new year keep the last year’s latest version until a version of its own is in force', async () => {
    const inherited = await get('/schemes/2027');
    expect(inherited).toMatchObject({ year: 2026, version: 4 });
    expect(await get('/schemes/2027/versions')).toEqual([]);

    const body = await editable({ effectiveFrom: '2027-03', reason: '2027 年方案' });
    delete body.version;
    const saved = await put(body, { year: 2027 });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ year: 2027, version: 1, effectiveFrom: '2027-03' });
    expect(await get('/schemes/2027?period=2027-02')).toMatchObject({ year: 2026, version: 4 });
    expect(await get('/schemes/2027?period=2027-03')).toMatchObject({ year: 2027, version: 1 });
    expect(await get('/schemes/2027')).toMatchObject({ year: 2027, version: 1 });
    const wrongYear = await api.request('GET', '/schemes/2027?period=2026-05', {
      token: admin,
      language: 'en',
    });
    expect(wrongYear.status).toBe(400);
    expect(wrongYear.body.errors).toEqual([{ field: 'period', message: '2026-05 is not in 2027' }]);
  });
});
