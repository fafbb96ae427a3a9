import { isBadReviewOverdue } from '@scorecard/scoring';
import { type ApiTestApp, OPEN_PERIOD, startApiTestApp } from '../support/api-test-app';

interface Case {
  id: string;
  agencyCode: string;
  ratingId: string | null;
  level: number;
  comment: string | null;
  deadline: string;
  status: string;
  stage: string;
  outcome: string | null;
  voidedAs: string | null;
  workingDaysLeft: number;
  verifyNote: string | null;
  resolveNote: string | null;
  appealReason: string | null;
  rulingNote: string | null;
  version: number;
}

/** Days in Asia/Shanghai, counted here without the product's code. */
const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('bad reviews (差评): listed in scope, verified, resolved, appealed and ruled on', () => {
  let api: ApiTestApp;
  let admin: string;
  let head: string;
  let neighbourHead: string;
  let cityAdmin: string;
  const today = shanghaiToday();
  const ids: Record<string, string> = {};

  /** A case as the ratings import makes it: of 上城区 unless said otherwise. */
  const seed = async (ratingId: string, deadline: string, agencyCode = '330102') => {
    const [{ id }] = await api.dataSource.query(
      `INSERT INTO bad_review (period, agency_code, rating_id, rated_at, channel, level, service_item, comment, deadline)
       VALUES ($1, $2, $3, '2026-10-03T09:00:00+08:00', 'window', 1, '医保关系转移', '等了两个小时', $4)
       RETURNING id::text AS id`,
      [OPEN_PERIOD, agencyCode, ratingId, deadline],
    );
    ids[ratingId] = id;
  };

  const list = async (query: string, token = admin) => {
    const answer = await api.request('GET', `/bad-reviews${query}`, { token });
    expect(answer.status).toBe(200);
    return answer.body as {
      items: Case[];
      total: number;
      page: number;
      pageSize: number;
      counts: { open: number; overdue: number };
    };
  };
  const post = (id: string, step: string, token: string, body: object, language?: string) =>
    api.request('POST', `/bad-reviews/${id}/${step}`, { token, body, language });

  beforeAll(async () => {
    api = await startApiTestApp();
    // The demo's follow-up history is not what this file counts: it starts from no cases.
    await api.dataSource.query('DELETE FROM bad_review');
    admin = await api.login('admin');
    head = await api.login('head-330102');
    neighbourHead = await api.login('head-330105');
    const created = await api.request('POST', '/users', {
      token: admin,
      body: {
        username: 'reviewer-330100',
        displayName: '330100 审核员',
        role: 'city_admin',
        agencyCode: '330100',
        password: 'Review-City-1',
      },
    });
    expect(created.status).toBe(201);
    cityAdmin = await api.firstLogin('reviewer-330100', 'Review-City-1', 'Review-City-Own-1');
    await seed('HC-LATE', addDays(today, -1));
    await seed('HC-1', addDays(today, 20));
    await seed('HC-2', addDays(today, 21));
    await seed('HC-3', addDays(today, 22));
    await seed('HC-N', addDays(today, 20), '330105');
  });
  afterAll(() => api.close());

  it('lists the cases in scope nearest deadline first, a page at a time, with overdue derived', async () => {
    const own = await list('', head);
    expect(own.items.map((item) => item.ratingId)).toEqual(['HC-LATE', 'HC-1', 'HC-2', 'HC-3']);
    expect(own.total).toBe(4);
    expect(own.counts).toEqual({ open: 4, overdue: 1 });
    expect(own.items[0]).toMatchObject({ status: 'overdue', stage: 'open', level: 1 });
    expect(own.items[0].workingDaysLeft).toBeLessThan(0);
    expect(own.items[1]).toMatchObject({ status: 'open', comment: '等了两个小时' });
    expect(own.items[1].workingDaysLeft).toBeGreaterThan(0);
    // The database's overdue is the scoring rule's.
    for (const item of own.items)
      expect(item.status === 'overdue').toBe(
        isBadReviewOverdue({ status: item.stage as 'open', deadline: item.deadline, today }),
      );

    expect((await list('?status=overdue', head)).items.map((item) => item.ratingId)).toEqual([
      'HC-LATE',
    ]);
    expect((await list('?status=open', head)).items.map((item) => item.ratingId)).toEqual([
      'HC-1',
      'HC-2',
      'HC-3',
    ]);
    const second = await list('?page=2&pageSize=3', head);
    expect(second).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(second.items.map((item) => item.ratingId)).toEqual(['HC-3']);

    const city = await list(`?period=${OPEN_PERIOD}`, cityAdmin);
    expect(city.items.map((item) => item.ratingId).sort()).toEqual(
      ['HC-1', 'HC-2', 'HC-3', 'HC-LATE', 'HC-N'].sort(),
    );
    expect((await list('?period=2026-09', head)).total).toBe(0);
  });

  it('refuses another agency’s list and staff (403), and bad queries (400) in the caller’s language', async () => {
    expect(
      (await api.request('GET', '/bad-reviews?agencyCode=330105', { token: head })).status,
    ).toBe(403);
    expect(
      (await api.request('GET', '/bad-reviews', { token: await api.login('staff-330102-1') }))
        .status,
    ).toBe(403);
    const bad = await api.request('GET', '/bad-reviews?status=late&period=2026-13', {
      token: head,
      language: 'en',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'period',
      'status',
    ]);
  });

  it('the head verifies an open case and resolves it as rectified: closed, each step audited', async () => {
    const id = ids['HC-1'];
    const verified = await post(id, 'verify', head, { note: '已核实：窗口排队过长', version: 1 });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({
      status: 'verified',
      verifyNote: '已核实：窗口排队过长',
      version: 2,
    });
    const resolved = await post(id, 'resolve', head, {
      outcome: 'rectified',
      note: '增开窗口两个',
      version: 2,
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({
      status: 'closed',
      outcome: 'rectified',
      resolveNote: '增开窗口两个',
      version: 3,
    });
    const audit = (await api.request('GET', '/audit?username=head-330102', { token: admin })).body;
    const steps = audit
      .filter((entry: { target: string }) => entry.target === `bad-review/${id}`)
      .map((entry: { action: string }) => entry.action)
      .sort();
    expect(steps).toEqual(['badReview.resolve', 'badReview.verify']);
    // A closed case is never overdue, whatever its deadline.
    await api.dataSource.query(`UPDATE bad_review SET deadline = $2 WHERE id = $1`, [
      id,
      addDays(today, -5),
    ]);
    expect((await list('?status=overdue', head)).items.map((item) => item.ratingId)).toEqual([
      'HC-LATE',
    ]);
    expect((await list('', head)).counts).toEqual({ open: 3, overdue: 1 });
  });

  it('refuses steps from the wrong state and stale versions (409), out of scope (403), and bad fields (400)', async () => {
    const id = ids['HC-2'];
    const early = await post(id, 'resolve', head, { outcome: 'explained', note: '情况说明' }, 'en');
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/is not verified/);
    const zh = await post(id, 'resolve', head, { outcome: 'explained', note: '情况说明' });
    expect(zh.body.message).toMatch(/尚未核实/);
    expect((await post(id, 'ruling', admin, { void: true, note: '无申诉' })).status).toBe(409);
    expect((await post(id, 'verify', neighbourHead, { note: '不是我的' })).status).toBe(403);
    expect((await post(id, 'verify', admin, { note: '省里代办' })).status).toBe(403);
    expect((await post(id, 'verify', cityAdmin, { note: '市里代办' })).status).toBe(403);
    const stale = await post(id, 'verify', head, { note: '已核实', version: 7 }, 'en');
    expect(stale.status).toBe(409);
    expect(stale.body.message).toMatch(/current version is 1/);
    const fields = await post(id, 'resolve', head, { outcome: 'ignored', note: '' }, 'en');
    expect(fields.status).toBe(400);
    expect(fields.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'note',
      'outcome',
    ]);
    const zhFields = await post(id, 'appeal', head, {});
    expect(zhFields.status).toBe(400);
    expect(zhFields.body.errors[0]).toMatchObject({ field: 'reason' });
    expect((await post(ids['HC-1'], 'verify', head, { note: '再核实' })).status).toBe(409);
    expect((await post(ids['HC-1'], 'appeal', head, { reason: '已办结' })).status).toBe(409);
    expect((await post('999999', 'verify', head, { note: '不存在' })).status).toBe(404);
  });

  it('an appeal goes to the province: dismissed, the case is back where it was; upheld, it is voided', async () => {
    const id = ids['HC-2'];
    expect((await post(id, 'verify', head, { note: '已核实' })).status).toBe(200);
    expect((await post(id, 'verify', head, { note: '再核实一次' })).status).toBe(409);
    const appealed = await post(id, 'appeal', head, { reason: '评价人并未到窗口办理，系误评' });
    expect(appealed.status).toBe(200);
    expect(appealed.body).toMatchObject({
      status: 'appealed',
      appealReason: '评价人并未到窗口办理，系误评',
    });
    expect((await post(id, 'appeal', head, { reason: '再次申诉' })).status).toBe(409);
    expect((await post(id, 'verify', head, { note: '已核实' })).status).toBe(409);
    // Only the province rules, and never the agency or its city.
    expect((await post(id, 'ruling', head, { void: true, note: '自己裁定' })).status).toBe(403);
    expect((await post(id, 'ruling', cityAdmin, { void: true, note: '市里裁定' })).status).toBe(
      403,
    );
    const dismissed = await post(id, 'ruling', admin, { void: false, note: '证据不足，维持差评' });
    expect(dismissed.status).toBe(200);
    expect(dismissed.body).toMatchObject({ status: 'verified', rulingNote: '证据不足，维持差评' });

    const other = ids['HC-3'];
    expect(
      (await post(other, 'appeal', head, { reason: '恶意差评，同一号码连续评价' })).status,
    ).toBe(200);
    const voided = await post(other, 'ruling', admin, { void: true, note: '经查属恶意评价' });
    expect(voided.status).toBe(200);
    expect(voided.body).toMatchObject({ status: 'voided', voidedAs: 'ruling' });
    expect((await post(other, 'ruling', admin, { void: false, note: '再裁定' })).status).toBe(409);
    expect((await list('?status=voided', head)).items.map((item) => item.ratingId)).toEqual([
      'HC-3',
    ]);
    const audit = (await api.request('GET', '/audit?username=admin', { token: admin })).body;
    expect(
      audit
        .filter((entry: { target: string }) =>
          [`bad-review/${id}`, `bad-review/${other}`].includes(entry.target),
        )
        .map((entry: { action: string }) => entry.action)
        .sort(),
    ).toEqual(['badReview.dismiss_appeal', 'badReview.void']);
    const headAudit = (await api.request('GET', '/audit?username=head-330102', { token: admin }))
      .body;
    expect(
      headAudit
        .filter((entry: { target: string }) =>
          [`bad-review/${id}`, `bad-review/${other}`].includes(entry.target),
        )
        .map((entry: { action: string }) => entry.action)
        .sort(),
    ).toEqual(['badReview.appeal', 'badReview.appeal', 'badReview.verify']);
  });
});
