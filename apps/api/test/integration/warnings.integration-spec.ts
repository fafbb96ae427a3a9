import { type MonthStanding, warningsOf } from '@scorecard/scoring';
import { waitFor } from '@scorecard/server-testing';
import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';

const INDICATORS = [
  'enrollment_expansion',
  'collection',
  'annual_inspection',
  'first_inquiry',
  'ab_post',
  'online_reply',
  'satisfaction',
];
/** Every indicator at `rate` (numerator / 100). */
const figures = (rate: number) =>
  Object.fromEntries(INDICATORS.map((code) => [code, { numerator: rate, denominator: 100 }]));
const FAIL = figures(10);
const GOOD = figures(100);
/** The defaults of DESIGN.md ("Warnings"), written out here. */
const THRESHOLDS = { failMonths: 2, lastMonths: 2, belowFloorMonths: 3, improvingMonths: 3 };

interface Warning {
  agencyCode: string;
  rule: string;
  indicatorCode: string | null;
  months: number;
  since: string;
  talk: { heldOn: string; note: string; by: string } | null;
}

describe('warnings (预警 → 约谈) from the published months', () => {
  let api: ApiTestApp;
  let admin: string;

  const warnings = async (period: string, token = admin): Promise<Warning[]> => {
    const answer = await api.request('GET', `/warnings?period=${period}`, { token });
    expect(answer.status).toBe(200);
    return answer.body;
  };

  /** What the scoring rule says on the published results as stored, read here without the product's query. */
  const expected = async (period: string) => {
    const rows: MonthStanding[] = await api.dataSource.query(
      `SELECT p.period, p.agency_code AS "agencyCode", p.grade, p.rank_in_parent AS "rankInParent",
              p.parent_size AS "rankedInParent", p.rank_change_in_parent AS "rankChange",
              ARRAY(SELECT i.key FROM jsonb_each(p.indicators) i
                     WHERE (i.value->>'score')::numeric = 0 AND (i.value->>'denominator')::numeric > 0) AS "belowFloor"
         FROM published_result p JOIN period m USING (period)
        WHERE m.status = 'published' AND p.version = m.published_version AND p.scope = 'aggregate'
          AND p.reported AND p.period <= $1`,
      [period],
    );
    return warningsOf(period, rows, THRESHOLDS);
  };

  const submit = async (period: string, agencyCode: string, values: ReturnType<typeof figures>) => {
    const token = await api.login(`head-${agencyCode}`);
    const current = await api.request('GET', `/submissions/${period}/${agencyCode}`, { token });
    const version = current.status === 200 ? current.body.version : undefined;
    const saved = await api.request('PUT', `/submissions/${period}/${agencyCode}`, {
      token,
      body: { values, version },
    });
    expect(saved.status).toBe(200);
  };

  const reopen = async (period: string) => {
    const answer = await api.request('POST', `/periods/${period}/reopen`, {
      token: admin,
      body: { reason: '核对数据' },
    });
    expect(answer.status).toBe(200);
  };

  const lockAndPublish = async (period: string) => {
    const locked = await api.request('POST', `/periods/${period}/lock`, {
      token: admin,
      body: { force: true, reason: '截止时间已到' },
    });
    expect(locked.status).toBe(200);
    const accepted = await api.request('POST', `/periods/${period}/publish`, { token: admin });
    expect(accepted.status).toBe(202);
    const job = await waitFor(
      async () => {
        const answer = await api.request('GET', `/jobs/${accepted.body.jobId}`, { token: admin });
        return answer.body.state === 'completed' || answer.body.state === 'failed'
          ? answer.body
          : undefined;
      },
      { what: `the publication of ${period}`, timeoutMs: 60_000, intervalMs: 200 },
    );
    expect(job).toMatchObject({ state: 'completed' });
  };

  const failOf = (list: Warning[], agencyCode: string) =>
    list.find((warning) => warning.agencyCode === agencyCode && warning.rule === 'fail_streak');

  beforeAll(async () => {
    api = await startApiTestApp({}, { worker: true });
    admin = await api.login('admin');
    // 上城区 fails 2026-07 and 2026-08; 拱墅区 fails 2026-08 and 2026-10 while 2026-09 is reopened.
    await reopen('2026-07');
    await submit('2026-07', '330102', FAIL);
    await submit('2026-07', '330105', GOOD);
    await lockAndPublish('2026-07');
    await reopen('2026-08');
    await submit('2026-08', '330102', FAIL);
    await submit('2026-08', '330105', FAIL);
    await lockAndPublish('2026-08');
    await reopen('2026-09');
    await submit('2026-09', '330105', FAIL);
    await submit('2026-10', '330105', FAIL);
    await lockAndPublish('2026-10');
  }, 240_000);
  afterAll(() => api.close());

  it('warns an agency graded fail two months running, as the scoring rule says', async () => {
    const august = await warnings('2026-08');
    expect(failOf(august, '330102')).toMatchObject({ months: 2, since: '2026-07', talk: null });
    expect(failOf(august, '330105')).toBeUndefined();
    expect(august.map(({ talk: _talk, ...warning }) => warning)).toEqual(
      (await expected('2026-08')).map((warning) => expect.objectContaining(warning)),
    );
    expect(august).toHaveLength((await expected('2026-08')).length);
  });

  it('ends a run at an unpublished month, and counts it again once the month is republished', async () => {
    const october = await warnings('2026-10');
    expect(failOf(october, '330105')).toBeUndefined();
    expect(october.map(({ talk: _talk, ...warning }) => warning)).toEqual(
      (await expected('2026-10')).map((warning) => expect.objectContaining(warning)),
    );

    await lockAndPublish('2026-09');
    const again = await warnings('2026-10');
    expect(failOf(again, '330105')).toMatchObject({ months: 3, since: '2026-08' });
    expect(again).toHaveLength((await expected('2026-10')).length);
  });

  it('shows each caller the warnings of its scope only', async () => {
    const own = await warnings('2026-08', await api.login('head-330102'));
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((warning) => warning.agencyCode === '330102')).toBe(true);
    expect(
      (
        await api.request('GET', '/warnings?period=2026-08', {
          token: await api.login('staff-330102-1'),
        })
      ).status,
    ).toBe(403);
    expect((await api.request('GET', '/warnings?period=2026-8', { token: admin })).status).toBe(
      400,
    );
  });

  it('records a talk (约谈) by the province only, audited, shown with the warnings', async () => {
    const talk = {
      period: '2026-08',
      agencyCode: '330102',
      note: '约谈主要负责人，限期整改',
      heldOn: '2026-09-20',
    };
    expect(
      (
        await api.request('POST', '/warnings/talks', {
          token: await api.login('head-330102'),
          body: talk,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await api.request('POST', '/warnings/talks', {
          token: admin,
          body: { ...talk, heldOn: '2026-9-20' },
        })
      ).status,
    ).toBe(400);
    expect(
      (await api.request('POST', '/warnings/talks', { token: admin, body: talk })).status,
    ).toBe(201);
    expect(failOf(await warnings('2026-08'), '330102')?.talk).toEqual({
      heldOn: '2026-09-20',
      note: talk.note,
      by: 'admin',
    });
    const audit = (await api.request('GET', '/audit?username=admin', { token: admin })).body as {
      action: string;
      target: string;
      after: unknown;
    }[];
    expect(audit.find((entry) => entry.action === 'warning.talk')).toMatchObject({
      target: 'warning-talk/2026-08/330102',
      after: { heldOn: '2026-09-20', note: talk.note },
    });
  });
});
