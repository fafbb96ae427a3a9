import { type ApiTestApp, OPEN_PERIOD, startApiTestApp } from '../support/api-test-app';

interface FollowUp {
  kind: string;
  id: string;
  agencyCode: string;
  summary: string;
  status: string;
  deadline: string;
  workingDaysLeft: number | null;
}

/** Days in Asia/Shanghai, counted here without the product's code. */
const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('GET /follow-ups/mine: what waits on the caller’s agency, in one list by deadline', () => {
  let api: ApiTestApp;
  const today = shanghaiToday();

  const item = async (reason: string, deadline: string, status = 'open', agencyCode = '330102') => {
    const [{ id }] = await api.dataSource.query(
      `INSERT INTO rectification (period, agency_code, indicator_code, source, reason, deadline, status, created_by)
       VALUES ($1, $2, NULL, 'manual', $3, $4, $5, 'admin') RETURNING id::text AS id`,
      [OPEN_PERIOD, agencyCode, reason, deadline, status],
    );
    return id as string;
  };
  const badReview = async (serviceItem: string, deadline: string, status = 'open') => {
    const [{ id }] = await api.dataSource.query(
      `INSERT INTO bad_review (period, agency_code, rating_id, rated_at, channel, level, service_item, comment, deadline, status, outcome)
       VALUES ($1, '330102', $2, '2026-10-03T09:00:00+08:00', 'window', 1, $2, '等了两个小时', $3, $4, $5)
       RETURNING id::text AS id`,
      [OPEN_PERIOD, serviceItem, deadline, status, status === 'closed' ? 'rectified' : null],
    );
    return id as string;
  };

  beforeAll(async () => {
    api = await startApiTestApp();
    // The demo's follow-up history is not what this file lists: it starts from none.
    await api.dataSource.query('DELETE FROM rectification');
    await api.dataSource.query('DELETE FROM bad_review');
    await api.dataSource.query('DELETE FROM appeal');
  });
  afterAll(() => api.close());

  it('lists the head’s open items, its cases to handle and its pending appeal, overdue first, and nothing of others', async () => {
    const late = await item('逾期未答复的整改', addDays(today, -3));
    const soon = await badReview('医保关系转移', addDays(today, 5));
    const later = await item('稍后到期的整改', addDays(today, 12));
    const verified = await badReview('异地就医备案', addDays(today, 8), 'verified');
    await item('已答复待验收', addDays(today, 1), 'responded');
    await badReview('已办结的差评', addDays(today, 2), 'closed');
    await item('别的区县的整改', addDays(today, 1), 'open', '330105');
    const [{ id: appeal }] = await api.dataSource.query(
      `INSERT INTO appeal (period, agency_code, indicator_code, reason, deadline, created_by)
       VALUES ($1, '330102', NULL, '满意度数据有误', $2, 'head-330102') RETURNING id::text AS id`,
      [OPEN_PERIOD, addDays(today, 6)],
    );

    const head = await api.login('head-330102');
    const answer = await api.request('GET', '/follow-ups/mine', { token: head });
    expect(answer.status).toBe(200);
    const mine = answer.body as FollowUp[];
    expect(mine.map((entry) => [entry.kind, entry.id])).toEqual([
      ['rectification', late],
      ['badReview', soon],
      ['appeal', appeal],
      ['badReview', verified],
      ['rectification', later],
    ]);
    expect(mine[0]).toMatchObject({ status: 'overdue', summary: '逾期未答复的整改' });
    expect(mine[0].workingDaysLeft).toBeLessThan(0);
    expect(mine[1]).toMatchObject({ status: 'open', summary: '医保关系转移' });
    expect(mine[1].workingDaysLeft).toBeGreaterThan(0);
    expect(mine[2]).toMatchObject({ status: 'open', workingDaysLeft: null });
    expect(mine.every((entry) => entry.agencyCode === '330102')).toBe(true);

    // The province answers none of them itself; a neighbour sees only its own.
    const province = await api.request('GET', '/follow-ups/mine', {
      token: await api.login('admin'),
    });
    expect(province.status).toBe(200);
    expect(province.body).toEqual([]);
    const neighbour = await api.request('GET', '/follow-ups/mine', {
      token: await api.login('head-330105'),
    });
    expect((neighbour.body as FollowUp[]).map((entry) => entry.summary)).toEqual([
      '别的区县的整改',
    ]);
    expect((await api.request('GET', '/follow-ups/mine')).status).toBe(401);
  });
});
