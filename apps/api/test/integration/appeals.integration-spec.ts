import { type ApiTestApp, PUBLISHED_PERIOD, startApiTestApp } from '../support/api-test-app';

/** Days counted here without the product's code: today in Asia/Shanghai, weekdays before it. */
const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const previousDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const isWeekend = (day: string) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());

describe('appeals (异议): raised by a head within the window, upheld or dismissed by the province', () => {
  let api: ApiTestApp;
  let admin: string;
  let cityAdmin: string;
  let head: string;
  let neighbourHead: string;
  /** Weekdays before today, nearest first: weekdays[0] is the last one before today. */
  const weekdays: string[] = [];

  /** Says the month was published at noon (Shanghai) of `day`. */
  const publishedOn = async (day: string) => {
    await api.dataSource.query(
      `UPDATE period SET published_at = $2::timestamptz WHERE period = $1`,
      [PUBLISHED_PERIOD, `${day}T12:00:00+08:00`],
    );
  };
  const setHolidays = async (holidays: string[]) => {
    const years = new Set([...holidays, ...weekdays].map((day) => day.slice(0, 4)));
    for (const year of years) {
      const answer = await api.request('PUT', `/calendar/${year}`, {
        token: admin,
        body: { holidays: holidays.filter((day) => day.startsWith(year)), workdays: [] },
      });
      expect(answer.status).toBe(200);
    }
  };
  const raise = (
    token: string,
    agencyCode = '330102',
    reason = '满意度样本含他县评价',
    extra = {},
  ) =>
    api.request('POST', '/appeals', {
      token,
      body: { period: PUBLISHED_PERIOD, agencyCode, reason, ...extra },
    });
  const inbox = async (token: string) =>
    (await api.request('GET', '/notifications', { token })).body.items as {
      kind: string;
      params: Record<string, unknown>;
    }[];

  beforeAll(async () => {
    api = await startApiTestApp();
    // The demo's follow-up history is not what this file counts: it starts from no appeals.
    await api.dataSource.query('DELETE FROM appeal');
    admin = await api.login('admin');
    const created = await api.request('POST', '/users', {
      token: admin,
      body: {
        username: 'reviewer-330100',
        displayName: '上城审核员',
        role: 'city_admin',
        agencyCode: '330100',
        password: 'Review-City-1',
      },
    });
    expect(created.status).toBe(201);
    cityAdmin = await api.firstLogin('reviewer-330100', 'Review-City-1', 'Review-City-Own-1');
    head = await api.login('head-330102');
    neighbourHead = await api.login('head-330105');
    for (let day = previousDay(shanghaiToday()); weekdays.length < 5; day = previousDay(day))
      if (!isWeekend(day)) weekdays.push(day);
  });
  afterAll(() => api.close());

  it('refuses an appeal after the third working day, and takes it when a holiday moves the deadline', async () => {
    // Published four weekdays ago: three working days end on the last weekday before today.
    await publishedOn(weekdays[3]);
    await setHolidays([]);
    const late = await raise(head);
    expect(late.status).toBe(409);
    expect(late.body.message).toContain(weekdays[0]);
    expect(
      (await api.request('GET', `/appeals/window?period=${PUBLISHED_PERIOD}`, { token: head }))
        .body,
    ).toMatchObject({
      published: true,
      deadline: weekdays[0],
      open: false,
    });

    // A holiday inside the window moves the deadline to the next working day: today or later.
    await setHolidays([weekdays[1]]);
    const window = (
      await api.request('GET', `/appeals/window?period=${PUBLISHED_PERIOD}`, { token: head })
    ).body;
    expect(window.open).toBe(true);
    expect(window.deadline > weekdays[0]).toBe(true);
    const raised = await raise(head);
    expect(raised.status).toBe(201);
    expect(raised.body.id).toMatch(/^[0-9]+$/);

    // Published one weekday earlier, the holiday is not enough: late again.
    await publishedOn(weekdays[4]);
    const neighbourLate = await raise(neighbourHead, '330105');
    expect(neighbourLate.status).toBe(409);
    expect(neighbourLate.body.message).toContain(weekdays[0]);
    await publishedOn(weekdays[3]);
  });

  it('refuses a second open appeal, bad fields, and everyone but the agency’s head', async () => {
    expect((await raise(head)).status).toBe(409);
    expect((await raise(head, '330102', ' ')).status).toBe(400);
    const unknown = await raise(head, '330102', '指标有误', { indicatorCode: 'nonexistent' });
    expect(unknown.status).toBe(400);
    expect((await raise(neighbourHead, '330102')).status).toBe(403);
    expect((await raise(await api.login('staff-330102-1'), '330102')).status).toBe(403);
    expect((await raise(cityAdmin, '330102')).status).toBe(403);
    expect((await raise(admin, '330102')).status).toBe(403);
  });

  it('lists the appeals in scope: the province all, a city its subtree, a head its own', async () => {
    const byNeighbour = await raise(neighbourHead, '330105', '网上咨询回复时间统计口径有误', {
      indicatorCode: 'online_reply',
    });
    expect(byNeighbour.status).toBe(201);
    const codes = async (token: string) =>
      (
        (await api.request('GET', `/appeals?period=${PUBLISHED_PERIOD}`, { token })).body as {
          agencyCode: string;
        }[]
      )
        .map((appeal) => appeal.agencyCode)
        .sort();
    expect(await codes(admin)).toEqual(['330102', '330105']);
    expect(await codes(cityAdmin)).toEqual(['330102', '330105']);
    expect(await codes(head)).toEqual(['330102']);
    expect(await codes(neighbourHead)).toEqual(['330105']);
    expect(
      (await api.request('GET', '/appeals', { token: await api.login('staff-330102-1') })).status,
    ).toBe(403);
    const other = await api.login('head-330203');
    expect(await codes(other)).toEqual([]);
  });

  it('dismisses an appeal with a note, only by the province and only once, and tells the head', async () => {
    const [appeal] = (
      await api.request('GET', `/appeals?period=${PUBLISHED_PERIOD}`, { token: neighbourHead })
    ).body as { id: string }[];
    const dismiss = (token: string, note = '统计口径符合方案') =>
      api.request('POST', `/appeals/${appeal.id}/resolve`, {
        token,
        body: { upheld: false, note },
      });
    expect((await dismiss(cityAdmin)).status).toBe(403);
    expect((await dismiss(neighbourHead)).status).toBe(403);
    expect((await dismiss(admin, '')).status).toBe(400);
    const dismissed = await dismiss(admin);
    expect(dismissed.status).toBe(200);
    expect(dismissed.body).toMatchObject({
      status: 'dismissed',
      resolution: { upheld: false, note: '统计口径符合方案', by: 'admin' },
    });
    expect((await dismiss(admin)).status).toBe(409);
    expect(
      (await api.request('GET', `/periods/${PUBLISHED_PERIOD}/history`, { token: admin })).body.at(
        -1,
      ).action,
    ).not.toBe('reopen');
    expect(
      (await inbox(neighbourHead)).find((message) => message.kind === 'appeal.dismissed'),
    ).toMatchObject({
      params: {
        period: PUBLISHED_PERIOD,
        agencyCode: '330105',
        reason: '统计口径符合方案',
        by: 'admin',
      },
    });
    const audit = (await api.request('GET', '/audit?username=admin', { token: admin })).body as {
      action: string;
      target: string;
      before: unknown;
      after: unknown;
    }[];
    expect(audit.find((entry) => entry.target === `appeal/${appeal.id}`)).toMatchObject({
      action: 'appeal.dismiss',
      before: { status: 'open' },
      after: { status: 'dismissed', note: '统计口径符合方案' },
    });
  });

  it('upholds an appeal: the month is reopened with the appeal as its reason, linked in its history, and the head is told', async () => {
    const [appeal] = (
      await api.request('GET', `/appeals?period=${PUBLISHED_PERIOD}`, { token: head })
    ).body as {
      id: string;
      reason: string;
    }[];
    const upheld = await api.request('POST', `/appeals/${appeal.id}/resolve`, {
      token: admin,
      body: { upheld: true, note: '核实后重新计算' },
    });
    expect(upheld.status).toBe(200);
    expect(upheld.body).toMatchObject({
      status: 'upheld',
      resolution: { upheld: true, by: 'admin' },
    });

    const months = (await api.request('GET', '/periods', { token: admin })).body as {
      period: string;
      status: string;
    }[];
    expect(months.find((month) => month.period === PUBLISHED_PERIOD)?.status).toBe('open');
    const history = (
      await api.request('GET', `/periods/${PUBLISHED_PERIOD}/history`, { token: admin })
    ).body;
    const reopened = history.at(-1);
    expect(reopened).toMatchObject({ action: 'reopen', actor: 'admin', appealId: appeal.id });
    expect(reopened.reason).toContain(appeal.reason);
    expect(
      history.filter((event: { appealId: string | null }) => event.appealId !== null),
    ).toHaveLength(1);

    expect((await inbox(head)).find((message) => message.kind === 'appeal.upheld')).toMatchObject({
      params: {
        period: PUBLISHED_PERIOD,
        agencyCode: '330102',
        reason: '核实后重新计算',
        by: 'admin',
      },
    });
    const actions = (
      (await api.request('GET', '/audit?username=admin', { token: admin })).body as {
        action: string;
        target: string;
        after: Record<string, unknown>;
      }[]
    ).filter(
      (entry) =>
        entry.target === `appeal/${appeal.id}` || entry.target === `period/${PUBLISHED_PERIOD}`,
    );
    expect(
      actions
        .map((entry) => entry.action)
        .slice(0, 2)
        .sort(),
    ).toEqual(['appeal.uphold', 'period.reopen']);
    expect(actions.find((entry) => entry.action === 'period.reopen')?.after).toMatchObject({
      appealId: appeal.id,
    });
    const raisedBy = (
      (await api.request('GET', '/audit?username=head-330102', { token: admin })).body as {
        action: string;
        target: string;
      }[]
    ).find((entry) => entry.action === 'appeal.raise');
    expect(raisedBy?.target).toBe(`appeal/${appeal.id}`);

    // The month is open again: nothing left to appeal until it is republished.
    expect((await raise(head)).status).toBe(409);
  });
});
