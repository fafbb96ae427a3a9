import { isRectificationOverdue } from '@scorecard/scoring';
import { waitFor } from '@scorecard/server-testing';
import { type ApiTestApp, OPEN_PERIOD, startApiTestApp } from '../support/api-test-app';

interface Item {
  id: string;
  period: string;
  agencyCode: string;
  indicatorCode: string | null;
  source: 'auto' | 'manual';
  reason: string;
  deadline: string;
  status: string;
  stage: string;
  closedAs: string | null;
  workingDaysLeft: number;
  response: { cause: string; measures: string; by: string; at: string } | null;
  verification: { accepted: boolean | null; note: string; by: string; at: string } | null;
  version: number;
}

const INDICATORS = [
  'enrollment_expansion',
  'collection',
  'annual_inspection',
  'first_inquiry',
  'ab_post',
  'online_reply',
  'satisfaction',
];

/** Figures with every indicator at `rate` (numerator / 100), `satisfaction` apart. */
const figures = (rate: number, satisfaction = rate) =>
  Object.fromEntries(
    INDICATORS.map((code) => [
      code,
      { numerator: code === 'satisfaction' ? satisfaction : rate, denominator: 100 },
    ]),
  );

/** Today in Asia/Shanghai, counted here without the product's code. */
const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const isWeekend = (day: string) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());

describe('rectification items (整改事项): raised at publication, answered, verified', () => {
  let api: ApiTestApp;
  let admin: string;
  let cityAdmin: string;
  let otherCityAdmin: string;
  let head: string;
  let neighbourHead: string;
  /** A weekday after the publication day declared a holiday, and the deadline it moves. */
  let holiday: string;
  let expectedDeadline: string;

  const list = async (query: string, token = admin): Promise<Item[]> => {
    const answer = await api.request('GET', `/rectifications${query}`, { token });
    expect(answer.status).toBe(200);
    return answer.body;
  };

  const publish = async () => {
    const accepted = await api.request('POST', `/periods/${OPEN_PERIOD}/publish`, { token: admin });
    expect(accepted.status).toBe(202);
    const job = await waitFor(
      async () => {
        const answer = await api.request('GET', `/jobs/${accepted.body.jobId}`, { token: admin });
        return answer.body.state === 'completed' || answer.body.state === 'failed'
          ? answer.body
          : undefined;
      },
      { what: 'the publication', timeoutMs: 60_000, intervalMs: 200 },
    );
    expect(job).toMatchObject({ state: 'completed' });
    return job.result.version as number;
  };

  const submit = async (agencyCode: string, values: ReturnType<typeof figures>) => {
    const token = await api.login(`head-${agencyCode}`);
    const current = await api.request('GET', `/submissions/${OPEN_PERIOD}/${agencyCode}`, {
      token,
    });
    const version = current.status === 200 ? current.body.version : undefined;
    const saved = await api.request('PUT', `/submissions/${OPEN_PERIOD}/${agencyCode}`, {
      token,
      body: { values, version },
    });
    expect(saved.status).toBe(200);
    expect(
      (
        await api.request('POST', `/submissions/${OPEN_PERIOD}/${agencyCode}/approve`, {
          token: admin,
        })
      ).status,
    ).toBe(200);
  };

  const lock = async () => {
    const locked = await api.request('POST', `/periods/${OPEN_PERIOD}/lock`, {
      token: admin,
      body: { force: true, reason: '截止时间已到' },
    });
    expect(locked.status).toBe(200);
  };

  beforeAll(async () => {
    api = await startApiTestApp({}, { worker: true });
    // The demo's follow-up history is not what this file counts: it starts from no items.
    await api.dataSource.query('DELETE FROM rectification');
    admin = await api.login('admin');
    for (const [username, agencyCode] of [
      ['reviewer-330100', '330100'],
      ['reviewer-330200', '330200'],
    ]) {
      const created = await api.request('POST', '/users', {
        token: admin,
        body: {
          username,
          displayName: `${agencyCode} 审核员`,
          role: 'city_admin',
          agencyCode,
          password: 'Review-City-1',
        },
      });
      expect(created.status).toBe(201);
    }
    cityAdmin = await api.firstLogin('reviewer-330100', 'Review-City-1', 'Review-City-Own-1');
    otherCityAdmin = await api.firstLogin('reviewer-330200', 'Review-City-1', 'Review-City-Own-2');
    head = await api.login('head-330102');
    neighbourHead = await api.login('head-330105');

    // The third working day after today is a holiday: the ten working days end one day later.
    const today = shanghaiToday();
    const workingDays: string[] = [];
    for (let day = nextDay(today); workingDays.length < 12; day = nextDay(day))
      if (!isWeekend(day)) workingDays.push(day);
    holiday = workingDays[2];
    expectedDeadline = workingDays[10];
    const year = holiday.slice(0, 4);
    const calendar = await api.request('PUT', `/calendar/${year}`, {
      token: admin,
      body: { holidays: [holiday], workdays: [] },
    });
    expect(calendar.status).toBe(200);

    // 上城区 fails with every indicator at its floor; 拱墅区 is good but its satisfaction is at its floor.
    await submit('330102', figures(10));
    await submit('330105', figures(100, 50));
    await lock();
  });
  afterAll(() => api.close());

  it('raises an item for a failed result and for every indicator at its floor, due ten working days later over the holiday', async () => {
    expect(await publish()).toBe(1);

    const failing = await list(`?period=${OPEN_PERIOD}&agencyCode=330102`);
    expect(failing.map((item) => item.indicatorCode).sort()).toEqual([...INDICATORS, null].sort());
    for (const item of failing) {
      expect(item).toMatchObject({
        period: OPEN_PERIOD,
        source: 'auto',
        status: 'open',
        stage: 'open',
        deadline: expectedDeadline,
        response: null,
      });
      expect(item.reason).not.toBe('');
      expect(item.workingDaysLeft).toBe(10);
    }
    expect(expectedDeadline > holiday).toBe(true);

    const good = await list(`?period=${OPEN_PERIOD}&agencyCode=330105`);
    expect(good.map((item) => item.indicatorCode)).toEqual(['satisfaction']);

    // Every automatic item, and only those, answers to a failed result or an indicator at its floor.
    const [{ expected }] = await api.dataSource.query(
      `SELECT (SELECT count(*) FROM published_result WHERE period = $1 AND version = 1 AND scope = 'aggregate' AND reported AND grade = 'fail')
            + (SELECT count(*) FROM published_result p, jsonb_each(p.indicators) i
                WHERE p.period = $1 AND p.version = 1 AND p.scope = 'aggregate' AND p.reported
                  AND (i.value->>'score')::numeric = 0 AND (i.value->>'denominator')::numeric > 0) AS expected`,
      [OPEN_PERIOD],
    );
    expect(await list(`?period=${OPEN_PERIOD}`)).toHaveLength(Number(expected));

    const inbox = (await api.request('GET', '/notifications', { token: head })).body;
    expect(
      inbox.items.find((message: { kind: string }) => message.kind === 'rectification.raised'),
    ).toMatchObject({
      params: { period: OPEN_PERIOD, agencyCode: '330102', deadline: expectedDeadline, count: 8 },
    });
    const audit = (await api.request('GET', '/audit?username=admin', { token: admin })).body;
    expect(
      audit.some(
        (entry: { action: string; target: string }) =>
          entry.action === 'rectification.raise' &&
          entry.target === `rectification/${failing[0].id}`,
      ),
    ).toBe(true);
  });

  it('shows a county only its own items, and refuses other callers its list', async () => {
    const own = await list('', head);
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((item) => item.agencyCode === '330102')).toBe(true);
    expect(
      (await api.request('GET', '/rectifications?agencyCode=330105', { token: head })).status,
    ).toBe(403);
    expect(
      (await api.request('GET', '/rectifications', { token: await api.login('staff-330102-1') }))
        .status,
    ).toBe(403);
    const city = await list(`?period=${OPEN_PERIOD}`, cityAdmin);
    expect(city.some((item) => item.agencyCode === '330102')).toBe(true);
    expect(
      (await api.request('GET', '/rectifications?agencyCode=330102', { token: otherCityAdmin }))
        .status,
    ).toBe(403);
    // Nearest deadline first.
    const deadlines = city.map((item) => item.deadline);
    expect(deadlines).toEqual([...deadlines].sort());
  });

  it('takes the head’s answer once, the verdict of an admin above only, and sends an item back with a note', async () => {
    const [overall] = await list(`?period=${OPEN_PERIOD}&agencyCode=330102`).then((items) =>
      items.filter((item) => item.indicatorCode === null),
    );
    const answer = { cause: '征缴台账未及时核对', measures: '每周对账并补录' };

    expect(
      (
        await api.request('POST', `/rectifications/${overall.id}/verify`, {
          token: cityAdmin,
          body: { accepted: true, note: '' },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await api.request('POST', `/rectifications/${overall.id}/response`, {
          token: neighbourHead,
          body: answer,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await api.request('POST', `/rectifications/${overall.id}/response`, {
          token: cityAdmin,
          body: answer,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await api.request('POST', `/rectifications/${overall.id}/response`, {
          token: head,
          body: { cause: ' ', measures: '' },
        })
      ).status,
    ).toBe(400);
    const unknownField = await api.request('POST', `/rectifications/${overall.id}/response`, {
      token: head,
      body: { ...answer, status: 'closed' },
    });
    expect(unknownField.status).toBe(400);
    expect(
      (
        await api.request('POST', `/rectifications/${overall.id}/response`, {
          token: head,
          body: { ...answer, version: overall.version + 5 },
        })
      ).status,
    ).toBe(409);
    expect(
      (await api.request('POST', '/rectifications/999999/response', { token: head, body: answer }))
        .status,
    ).toBe(404);

    const responded = await api.request('POST', `/rectifications/${overall.id}/response`, {
      token: head,
      body: { ...answer, version: overall.version },
    });
    expect(responded.status).toBe(200);
    expect(responded.body).toMatchObject({
      status: 'responded',
      response: { ...answer, by: 'head-330102' },
    });
    const twice = await api.request('POST', `/rectifications/${overall.id}/response`, {
      token: head,
      body: answer,
      language: 'en',
    });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toMatch(/already been answered/);

    expect(
      (
        await api.request('POST', `/rectifications/${overall.id}/verify`, {
          token: otherCityAdmin,
          body: { accepted: true, note: '' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await api.request('POST', `/rectifications/${overall.id}/verify`, {
          token: head,
          body: { accepted: true, note: '' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await api.request('POST', `/rectifications/${overall.id}/verify`, {
          token: cityAdmin,
          body: { accepted: false, note: '' },
        })
      ).status,
    ).toBe(400);

    const sentBack = await api.request('POST', `/rectifications/${overall.id}/verify`, {
      token: cityAdmin,
      body: { accepted: false, note: '措施不具体，请补充时间表' },
    });
    expect(sentBack.status).toBe(200);
    expect(sentBack.body).toMatchObject({
      status: 'open',
      verification: { accepted: false, note: '措施不具体，请补充时间表', by: 'reviewer-330100' },
    });
    const inbox = (await api.request('GET', '/notifications', { token: head })).body;
    expect(
      inbox.items.find((message: { kind: string }) => message.kind === 'rectification.returned'),
    ).toMatchObject({
      params: { agencyCode: '330102', reason: '措施不具体，请补充时间表', by: 'reviewer-330100' },
    });

    expect(
      (
        await api.request('POST', `/rectifications/${overall.id}/response`, {
          token: head,
          body: { cause: answer.cause, measures: '12 月 15 日前完成对账' },
        })
      ).status,
    ).toBe(200);
    const accepted = await api.request('POST', `/rectifications/${overall.id}/verify`, {
      token: cityAdmin,
      body: { accepted: true, note: '已核实' },
    });
    expect(accepted.body).toMatchObject({
      status: 'closed',
      closedAs: 'accepted',
      verification: { accepted: true, by: 'reviewer-330100' },
    });
    expect(
      (
        await api.request('POST', `/rectifications/${overall.id}/verify`, {
          token: cityAdmin,
          body: { accepted: true, note: '' },
        })
      ).status,
    ).toBe(409);

    const history = (await api.request('GET', '/audit?agencyCode=330000', { token: admin })).body
      .filter((entry: { target: string }) => entry.target === `rectification/${overall.id}`)
      .map(
        (entry: {
          action: string;
          before: { status: string } | null;
          after: { status: string };
        }) => [entry.action, entry.before?.status ?? null, entry.after.status],
      );
    expect(history.reverse()).toEqual([
      ['rectification.raise', null, 'open'],
      ['rectification.respond', 'open', 'responded'],
      ['rectification.send_back', 'responded', 'open'],
      ['rectification.respond', 'open', 'responded'],
      ['rectification.accept', 'responded', 'closed'],
    ]);
  });

  it('lets an admin above raise an item by hand on a published month, and nobody else', async () => {
    const body = {
      period: OPEN_PERIOD,
      agencyCode: '330102',
      indicatorCode: 'first_inquiry',
      reason: '抽查发现首问登记缺失',
    };
    const raised = await api.request('POST', '/rectifications', { token: admin, body });
    expect(raised).toEqual({ status: 201, body: { id: expect.any(String) } });
    const [item] = (await list(`?agencyCode=330102`)).filter(
      (entry) => entry.id === raised.body.id,
    );
    expect(item).toMatchObject({
      source: 'manual',
      status: 'open',
      reason: body.reason,
      indicatorCode: 'first_inquiry',
    });

    expect(
      (
        await api.request('POST', '/rectifications', {
          token: cityAdmin,
          body: { ...body, indicatorCode: undefined },
        })
      ).status,
    ).toBe(201);
    expect(
      (await api.request('POST', '/rectifications', { token: otherCityAdmin, body })).status,
    ).toBe(403);
    expect((await api.request('POST', '/rectifications', { token: head, body })).status).toBe(403);
    expect(
      (
        await api.request('POST', '/rectifications', {
          token: cityAdmin,
          body: { ...body, agencyCode: '330100' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await api.request('POST', '/rectifications', {
          token: admin,
          body: { ...body, reason: '很'.repeat(501) },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await api.request('POST', '/rectifications', {
          token: admin,
          body: { ...body, indicatorCode: 'no_such' },
        })
      ).status,
    ).toBe(400);
    expect(
      (await api.request('POST', '/rectifications', { token: admin, body: { ...body, extra: 1 } }))
        .status,
    ).toBe(400);
  });

  it('derives overdue from the deadline, filters on it and counts it beside the league table and the scorecard', async () => {
    const [item] = (await list(`?period=${OPEN_PERIOD}&agencyCode=330105`)).filter(
      (entry) => entry.indicatorCode === 'satisfaction',
    );
    await api.dataSource.query(`UPDATE rectification SET deadline = '2026-01-05' WHERE id = $1`, [
      item.id,
    ]);

    const overdue = await list('?status=overdue');
    expect(overdue.map((entry) => entry.id)).toEqual([item.id]);
    expect(overdue[0]).toMatchObject({ status: 'overdue', stage: 'open' });
    expect(overdue[0].workingDaysLeft).toBeLessThan(0);
    expect((await list('?status=open')).some((entry) => entry.id === item.id)).toBe(false);
    const [stored] = await api.dataSource.query('SELECT status FROM rectification WHERE id = $1', [
      item.id,
    ]);
    expect(stored.status).toBe('open');

    const ranking = await api.request(
      'GET',
      `/rankings?period=${OPEN_PERIOD}&level=county&parent=330100`,
      { token: head },
    );
    const row = (code: string) =>
      ranking.body.rows.find((entry: { agencyCode: string }) => entry.agencyCode === code);
    const outstanding = async (code: string) =>
      (await list(`?agencyCode=${code}`)).filter((entry) => entry.stage !== 'closed');
    expect(row('330105').rectifications).toEqual({
      open: (await outstanding('330105')).length,
      overdue: 1,
    });
    expect(row('330102').rectifications).toEqual({
      open: (await outstanding('330102')).length,
      overdue: 0,
    });
    expect(row('330102').rectifications.open).toBeGreaterThan(0);

    const scorecard = await api.request('GET', `/agencies/330105/scorecard?period=${OPEN_PERIOD}`, {
      token: neighbourHead,
    });
    expect(scorecard.body.rectifications).toEqual({ open: 1, overdue: 1 });
  });

  it('counts an item overdue in the database exactly when the scoring rule says so: from the day after its deadline', async () => {
    const [item] = (await list(`?period=${OPEN_PERIOD}&agencyCode=330102`)).filter(
      (entry) => entry.indicatorCode === 'collection',
    );
    const today = shanghaiToday();
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000)
      .toISOString()
      .slice(0, 10);
    for (const deadline of [nextDay(today), today, yesterday]) {
      await api.dataSource.query('UPDATE rectification SET deadline = $2 WHERE id = $1', [
        item.id,
        deadline,
      ]);
      const [seen] = (await list(`?agencyCode=330102`)).filter((entry) => entry.id === item.id);
      const overdue = isRectificationOverdue({ status: 'open', deadline, today });
      expect([deadline, seen.status]).toEqual([deadline, overdue ? 'overdue' : 'open']);
      expect(
        (await list('?status=overdue&agencyCode=330102')).some((entry) => entry.id === item.id),
      ).toBe(overdue);
      if (deadline === today) expect(seen.workingDaysLeft).toBe(0);
    }
    expect(isRectificationOverdue({ status: 'open', deadline: yesterday, today })).toBe(true);
    expect(isRectificationOverdue({ status: 'open', deadline: today, today })).toBe(false);
  });

  it('keeps the items of a republished month without duplicating them, and withdraws those whose cause is gone', async () => {
    const before = await list(`?period=${OPEN_PERIOD}`);
    const reopened = await api.request('POST', `/periods/${OPEN_PERIOD}/reopen`, {
      token: admin,
      body: { reason: '拱墅区满意度数据更正' },
    });
    expect(reopened.status).toBe(200);
    const refused = await api.request('POST', '/rectifications', {
      token: admin,
      body: { period: OPEN_PERIOD, agencyCode: '330102', reason: '月份已重新开放' },
    });
    expect(refused.status).toBe(409);

    await submit('330105', figures(100, 95));
    await lock();
    expect(await publish()).toBe(2);

    const after = await list(`?period=${OPEN_PERIOD}`);
    const auto = (items: Item[], code: string) =>
      items
        .filter((item) => item.source === 'auto' && item.agencyCode === code)
        .map((item) => [item.id, item.indicatorCode]);
    expect(auto(after, '330102')).toEqual(auto(before, '330102'));
    const keptOverall = after.find(
      (item) =>
        item.agencyCode === '330102' && item.indicatorCode === null && item.source === 'auto',
    );
    expect(keptOverall).toMatchObject({ status: 'closed', closedAs: 'accepted' });

    const [withdrawn] = after.filter((item) => item.agencyCode === '330105');
    expect(withdrawn).toMatchObject({
      indicatorCode: 'satisfaction',
      status: 'closed',
      closedAs: 'withdrawn',
      verification: { by: 'system' },
    });
    const [{ count }] = await api.dataSource.query(
      `SELECT count(*)::int AS count FROM rectification WHERE period = $1 AND source = 'auto'
        GROUP BY agency_code, coalesce(indicator_code, '') ORDER BY count DESC LIMIT 1`,
      [OPEN_PERIOD],
    );
    expect(count).toBe(1);
  });
});
