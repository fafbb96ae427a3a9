import { waitFor } from '@scorecard/server-testing';
import { type ApiTestApp, OPEN_PERIOD, startApiTestApp } from '../support/api-test-app';

describe('month lifecycle: review → lock → publish → reopen → republish', () => {
  let api: ApiTestApp;
  let admin: string;
  let cityAdmin: string;

  const values = (satisfaction: number) => ({ satisfaction: { numerator: satisfaction, denominator: 100 } });

  /** Publishing is a job: 202 {jobId}, then the job runs in the worker. */
  const publish = async () => {
    const accepted = await api.request('POST', `/periods/${OPEN_PERIOD}/publish`, { token: admin });
    expect(accepted).toEqual({ status: 202, body: { jobId: expect.any(String) } });
    return waitFor(
      async () => {
        const job = await api.request('GET', `/jobs/${accepted.body.jobId}`, { token: admin });
        return job.body.state === 'completed' || job.body.state === 'failed' ? job.body : undefined;
      },
      { what: 'the publication', timeoutMs: 60_000, intervalMs: 200 },
    );
  };

  beforeAll(async () => {
    api = await startApiTestApp({}, { worker: true });
    admin = await api.login('admin');
    cityAdmin = await api.login('city-330100');
  });
  afterAll(() => api.close());

  it('lets a city admin approve or return (with a reason) its counties, but not itself or other cities', async () => {
    const head = await api.login('head-330102');
    const current = await api.request('GET', `/submissions/${OPEN_PERIOD}/330102`, { token: head });
    const version = current.status === 200 ? current.body.version : undefined;
    expect((await api.request('PUT', `/submissions/${OPEN_PERIOD}/330102`, { token: head, body: { values: values(90), version } })).status).toBe(200);

    const returned = await api.request('POST', `/submissions/${OPEN_PERIOD}/330102/return`, {
      token: cityAdmin,
      body: { reason: '满意度样本量偏低，请核实' },
    });
    expect(returned).toEqual({ status: 200, body: { status: 'returned' } });
    const seen = await api.request('GET', `/submissions/${OPEN_PERIOD}/330102`, { token: head });
    expect(seen.body.status).toBe('returned');

    expect((await api.request('POST', `/submissions/${OPEN_PERIOD}/330102/return`, { token: cityAdmin, body: {} })).status).toBe(400);
    expect((await api.request('POST', `/submissions/${OPEN_PERIOD}/330102/approve`, { token: cityAdmin })).body).toEqual({ status: 'approved' });
    expect((await api.request('POST', `/submissions/${OPEN_PERIOD}/330100/approve`, { token: cityAdmin })).status).toBe(403);
    expect((await api.request('POST', `/submissions/${OPEN_PERIOD}/330203/approve`, { token: cityAdmin })).status).toBe(403);
    expect((await api.request('POST', `/submissions/${OPEN_PERIOD}/330102/approve`, { token: head })).status).toBe(403);
  });

  it('carries the reason and who returned a submission, messages its head, and waits for a new decision once corrected', async () => {
    const head = await api.login('head-330105');
    const current = await api.request('GET', `/submissions/${OPEN_PERIOD}/330105`, { token: head });
    const version = current.status === 200 ? current.body.version : undefined;
    const sent = await api.request('PUT', `/submissions/${OPEN_PERIOD}/330105`, { token: head, body: { values: values(91), version } });
    expect(sent.status).toBe(200);
    expect((await api.request('GET', `/submissions/${OPEN_PERIOD}/330105`, { token: head })).body.review).toEqual({
      state: 'pending',
      reason: null,
      by: null,
      at: null,
    });

    const before = Date.now();
    expect(
      (await api.request('POST', `/submissions/${OPEN_PERIOD}/330105/return`, { token: cityAdmin, body: { reason: '投诉件数与台账不符，请核对' } })).status,
    ).toBe(200);
    const returned = (await api.request('GET', `/submissions/${OPEN_PERIOD}/330105`, { token: head })).body;
    expect(returned.status).toBe('returned');
    expect(returned.review).toEqual({ state: 'returned', reason: '投诉件数与台账不符，请核对', by: 'city-330100', at: expect.any(String) });
    expect(Date.parse(returned.review.at)).toBeGreaterThanOrEqual(before - 1000);

    const inbox = (await api.request('GET', '/notifications', { token: head })).body;
    const message = inbox.items.find((item: { kind: string }) => item.kind === 'submission.returned');
    expect(message).toMatchObject({
      kind: 'submission.returned',
      params: { period: OPEN_PERIOD, agencyCode: '330105', reason: '投诉件数与台账不符，请核对', by: 'city-330100' },
      readAt: null,
    });
    expect(message.params.agencyName).toEqual(expect.any(String));
    const staffInbox = (await api.request('GET', '/notifications', { token: await api.login('staff-330105-1') })).body;
    expect(staffInbox.items.some((item: { kind: string }) => item.kind === 'submission.returned')).toBe(false);

    const corrected = await api.request('PUT', `/submissions/${OPEN_PERIOD}/330105`, {
      token: head,
      body: { values: values(88), version: returned.version },
    });
    expect(corrected.status).toBe(200);
    const resent = (await api.request('GET', `/submissions/${OPEN_PERIOD}/330105`, { token: head })).body;
    expect(resent.status).toBe('submitted');
    expect(resent.review).toEqual({ state: 'pending', reason: null, by: null, at: null });
  });

  it('shows completeness and timeliness per city and for the province', async () => {
    const { status, body } = await api.request('GET', `/periods/${OPEN_PERIOD}/completeness`, { token: admin });
    expect(status).toBe(200);
    expect(body.province.expected).toBe(102);
    expect(body.cities).toHaveLength(11);
    const hangzhou = body.cities.find((city: { code: string }) => city.code === '330100');
    expect(hangzhou.expected).toBe(14);
    expect(hangzhou.completeness).toBeCloseTo(hangzhou.reported / 14, 12);
    expect(body.province.reported).toBe(body.cities.reduce((sum: number, city: { reported: number }) => sum + city.reported, 0) + 1);
    expect(body.missing.length).toBe(body.province.expected - body.province.reported - body.province.waived);
    expect((await api.request('GET', `/periods/${OPEN_PERIOD}/completeness`, { token: cityAdmin })).status).toBe(403);
  });

  it("counts per city how many of its counties are reviewed (approved or waived), the city's own row apart", async () => {
    expect((await api.request('POST', `/submissions/${OPEN_PERIOD}/330203/waive`, { token: admin, body: { reason: '系统停机，本月免报' } })).status).toBe(204);
    const { body } = await api.request('GET', `/periods/${OPEN_PERIOD}/completeness`, { token: admin });
    const counted: { code: string; counties: number; reviewed: number; returned: number }[] = await api.dataSource.query(
      `SELECT c.code,
              (SELECT count(*)::int FROM agency k WHERE k.parent_code = c.code) AS counties,
              (SELECT count(*)::int FROM agency k WHERE k.parent_code = c.code AND (
                 EXISTS (SELECT 1 FROM submission s WHERE s.period = $1 AND s.agency_code = k.code AND s.status = 'approved')
                 OR EXISTS (SELECT 1 FROM submission_waiver w WHERE w.period = $1 AND w.agency_code = k.code))) AS reviewed,
              (SELECT count(*)::int FROM agency k JOIN submission s ON s.agency_code = k.code AND s.period = $1
                WHERE k.parent_code = c.code AND s.status = 'returned'
                  AND NOT EXISTS (SELECT 1 FROM submission_waiver w WHERE w.period = $1 AND w.agency_code = k.code)) AS returned
         FROM agency c WHERE c.level = 'city' ORDER BY c.code`,
      [OPEN_PERIOD],
    );
    expect(body.byCity).toHaveLength(11);
    expect(body.byCity.map(({ code, counties, reviewed, returned }: (typeof counted)[number]) => ({ code, counties, reviewed, returned }))).toEqual(counted);
    const hangzhou = body.byCity.find((city: { code: string }) => city.code === '330100');
    expect(hangzhou).toMatchObject({ name: '杭州市', counties: 13 });
    expect(hangzhou.reviewed).toBeGreaterThanOrEqual(1);
    expect(body.byCity.find((city: { code: string }) => city.code === '330200').reviewed).toBeGreaterThanOrEqual(1);
    for (const city of body.byCity) {
      expect(city.reviewed + city.awaiting + city.returned + city.notReported).toBe(city.counties);
    }
    expect(body.cities).toHaveLength(11);
  });

  it("lists a city's counties with where each stands in the review, to that city's admin and the province", async () => {
    const reviews = (city: string, token: string) => api.request('GET', `/periods/${OPEN_PERIOD}/reviews/${city}`, { token });
    const own = await reviews('330100', cityAdmin);
    expect(own.status).toBe(200);
    expect(own.body).toHaveLength(13);
    const byCode = new Map(own.body.map((row: { agencyCode: string }) => [row.agencyCode, row]));
    expect(byCode.get('330102')).toEqual({ agencyCode: '330102', name: expect.any(String), state: 'approved', reason: null, by: 'city-330100', at: expect.any(String) });
    // Corrected after its return: waiting for a new decision.
    expect(byCode.get('330105')).toMatchObject({ state: 'pending', reason: null });
    const states: { code: string; status: string | null }[] = await api.dataSource.query(
      `SELECT a.code, s.status FROM agency a LEFT JOIN submission s ON s.agency_code = a.code AND s.period = $1 WHERE a.parent_code = '330100' ORDER BY a.code`,
      [OPEN_PERIOD],
    );
    expect(own.body.map((row: { state: string }) => row.state)).toEqual(
      states.map(({ status }) => (status === null || status === 'draft' ? 'not_reported' : status === 'submitted' ? 'pending' : status)),
    );

    const ningbo = await reviews('330200', admin);
    expect(ningbo.body.find((row: { agencyCode: string }) => row.agencyCode === '330203')).toMatchObject({
      state: 'waived',
      reason: '系统停机，本月免报',
      by: 'admin',
    });
    expect((await reviews('330200', cityAdmin)).status).toBe(403);
    expect((await reviews('330100', await api.login('head-330100'))).status).toBe(403);
    expect((await reviews('330100', await api.login('staff-330100-1'))).status).toBe(403);
  });

  it('refuses to lock while agencies are neither approved nor waived, naming them', async () => {
    const { status, body } = await api.request('POST', `/periods/${OPEN_PERIOD}/lock`, { token: admin, body: {} });
    expect(status).toBe(409);
    expect(body.message).toMatch(/^有 \d+ 个机构尚未审核通过或免报（/);
    // Named as people know them, in the caller's language: no division codes, no English.
    const pending: { name: string }[] = await api.dataSource.query(
      `SELECT a.name FROM agency a
        WHERE NOT EXISTS (SELECT 1 FROM submission s WHERE s.period = $1 AND s.agency_code = a.code AND s.status = 'approved')
          AND NOT EXISTS (SELECT 1 FROM submission_waiver w WHERE w.period = $1 AND w.agency_code = a.code)`,
      [OPEN_PERIOD],
    );
    expect(pending.some(({ name }) => body.message.includes(name))).toBe(true);
    expect(body.message).not.toMatch(/\d{6}|[A-Za-z]/);
    // It names the cities whose counties are still to review, with how many.
    const completeness = (await api.request('GET', `/periods/${OPEN_PERIOD}/completeness`, { token: admin })).body;
    const waiting = completeness.byCity.filter((city: { counties: number; reviewed: number }) => city.reviewed < city.counties);
    expect(waiting.length).toBeGreaterThan(0);
    expect(body.message).toContain('有待审区县的地市：');
    for (const city of waiting) expect(body.message).toContain(`${city.name}（${city.counties - city.reviewed}）`);
    const english = await api.request('POST', `/periods/${OPEN_PERIOD}/lock`, { token: admin, body: {}, language: 'en' });
    expect(english.body.message).toMatch(/^\d+ agencies are neither approved nor waived \(/);
    expect(english.body.message).not.toMatch(/\d{6}/);
    expect((await api.request('POST', `/periods/${OPEN_PERIOD}/lock`, { token: admin, body: { force: true } })).status).toBe(400);
  });

  it('locks once every agency is approved or waived, and then refuses writes with 423', async () => {
    const completeness = (await api.request('GET', `/periods/${OPEN_PERIOD}/completeness`, { token: admin })).body;
    for (const agency of completeness.missing) {
      expect((await api.request('POST', `/submissions/${OPEN_PERIOD}/${agency.code}/waive`, { token: admin, body: { reason: '系统停机，本月免报' } })).status).toBe(204);
    }
    const submitted: { agency_code: string }[] = await api.dataSource.query(
      `SELECT agency_code FROM submission WHERE period = $1 AND status <> 'approved'`,
      [OPEN_PERIOD],
    );
    for (const { agency_code: code } of submitted) {
      expect((await api.request('POST', `/submissions/${OPEN_PERIOD}/${code}/approve`, { token: admin })).status).toBe(200);
    }
    const locked = await api.request('POST', `/periods/${OPEN_PERIOD}/lock`, { token: admin, body: {} });
    expect(locked).toEqual({ status: 200, body: { period: OPEN_PERIOD, status: 'locked', jobId: expect.any(String) } });

    const head = await api.login('head-330102');
    const write = await api.request('PUT', `/submissions/${OPEN_PERIOD}/330102`, { token: head, body: { values: values(50), version: 99 } });
    expect(write.status).toBe(423);
    expect(write.body.message).toContain('已锁定');
  });

  it('publishes a frozen version 1 that everyone can read', async () => {
    const job = await publish();
    expect(job).toMatchObject({ state: 'completed', progress: 100, result: { period: OPEN_PERIOD, status: 'published', version: 1 } });
    const [month] = await api.dataSource.query('SELECT status, published_version FROM period WHERE period = $1', [OPEN_PERIOD]);
    expect(month).toEqual({ status: 'published', published_version: 1 });
    const head = await api.login('head-330102');
    const ranking = await api.request('GET', `/rankings?period=${OPEN_PERIOD}&level=county&parent=330100`, { token: head });
    expect(ranking.status).toBe(200);
    expect(ranking.body).toMatchObject({ status: 'published', version: 1 });
    expect(ranking.body.rows.find((row: { agencyCode: string }) => row.agencyCode === '330102').indicators.satisfaction.rate).toBeCloseTo(0.9, 12);
  });

  it('reopens only with a written reason; corrections are audited and republishing makes version 2 while version 1 stays', async () => {
    expect((await api.request('POST', `/periods/${OPEN_PERIOD}/reopen`, { token: admin, body: {} })).status).toBe(400);
    const reopened = await api.request('POST', `/periods/${OPEN_PERIOD}/reopen`, { token: admin, body: { reason: '上城区满意度数据更正' } });
    expect(reopened.body).toEqual({ period: OPEN_PERIOD, status: 'open' });

    const head = await api.login('head-330102');
    // While the month is corrected, everyone but the province still sees version 1.
    const during = await api.request('GET', `/rankings?period=${OPEN_PERIOD}&level=county&parent=330100`, { token: head });
    expect(during.body.version).toBe(1);

    const current = await api.request('GET', `/submissions/${OPEN_PERIOD}/330102`, { token: head });
    expect((await api.request('PUT', `/submissions/${OPEN_PERIOD}/330102`, { token: head, body: { values: values(60), version: current.body.version } })).status).toBe(200);
    const audit = await api.request('GET', `/audit?username=head-330102`, { token: admin });
    expect(audit.body[0]).toMatchObject({ action: 'submission.put', target: `submission/${OPEN_PERIOD}/330102` });

    await api.request('POST', `/submissions/${OPEN_PERIOD}/330102/approve`, { token: admin });
    expect((await api.request('POST', `/periods/${OPEN_PERIOD}/lock`, { token: admin, body: {} })).status).toBe(200);
    expect((await publish()).result.version).toBe(2);

    const rate = async (version?: number) => {
      const query = `/rankings?period=${OPEN_PERIOD}&level=county&parent=330100${version ? `&version=${version}` : ''}`;
      const { body } = await api.request('GET', query, { token: head });
      return body.rows.find((row: { agencyCode: string }) => row.agencyCode === '330102').indicators.satisfaction.rate;
    };
    expect(await rate()).toBeCloseTo(0.6, 12);
    expect(await rate(2)).toBeCloseTo(0.6, 12);
    expect(await rate(1)).toBeCloseTo(0.9, 12);
    expect((await api.request('GET', `/rankings?period=${OPEN_PERIOD}&level=county&version=3`, { token: head })).status).toBe(404);

    const history = await api.request('GET', `/periods/${OPEN_PERIOD}/history`, { token: admin });
    expect(history.body.map((event: { action: string; version: number | null }) => [event.action, event.version])).toEqual([
      ['lock', null],
      ['publish', 1],
      ['reopen', 1],
      ['lock', null],
      ['publish', 2],
    ]);
    expect(history.body[2].reason).toBe('上城区满意度数据更正');
  });

  it('forces a lock with a reason when agencies are still pending', async () => {
    await api.request('POST', `/periods/${OPEN_PERIOD}/reopen`, { token: admin, body: { reason: '再次更正' } });
    // A county whose approved figures are changed again: pending review when the lock comes.
    const [{ agency_code: county }] = await api.dataSource.query(
      `SELECT s.agency_code FROM submission s JOIN agency a ON a.code = s.agency_code
        WHERE s.period = $1 AND s.status = 'approved' AND a.level = 'county' AND s.agency_code <> '330102'
          AND NOT EXISTS (SELECT 1 FROM submission_waiver w WHERE w.period = s.period AND w.agency_code = s.agency_code)
        ORDER BY s.agency_code LIMIT 1`,
      [OPEN_PERIOD],
    );
    const head = await api.login(`head-${county}`);
    const current = await api.request('GET', `/submissions/${OPEN_PERIOD}/${county}`, { token: head });
    const changed = await api.request('PUT', `/submissions/${OPEN_PERIOD}/${county}`, {
      token: head,
      body: { values: values(70), version: current.body.version },
    });
    expect(changed.status).toBe(200);
    const forced = await api.request('POST', `/periods/${OPEN_PERIOD}/lock`, { token: admin, body: { force: true, reason: '截止时间已到' } });
    expect(forced.status).toBe(200);
    const history = await api.request('GET', `/periods/${OPEN_PERIOD}/history`, { token: admin });
    expect(history.body.at(-1)).toMatchObject({ action: 'force_lock', reason: '截止时间已到' });
    const audit = await api.request('GET', '/audit?username=admin&limit=1', { token: admin });
    expect(audit.body[0]).toMatchObject({ action: 'period.force_lock', after: { status: 'locked', reason: '截止时间已到', pending: 1 } });
    expect((await api.request('POST', `/periods/${OPEN_PERIOD}/lock`, { token: head, body: {} })).status).toBe(403);
  });

  it('computes the month when it is locked: its results are those of the locked figures', async () => {
    expect((await publish()).state).toBe('completed');
    const reopened = await api.request('POST', `/periods/${OPEN_PERIOD}/reopen`, { token: admin, body: { reason: '再次更正上城区' } });
    expect(reopened.status).toBe(200);
    const head = await api.login('head-330102');
    const current = await api.request('GET', `/submissions/${OPEN_PERIOD}/330102`, { token: head });
    const saved = await api.request('PUT', `/submissions/${OPEN_PERIOD}/330102`, {
      token: head,
      body: { values: values(45), version: current.body.version },
    });
    expect(saved.status).toBe(200);
    const locked = await api.request('POST', `/periods/${OPEN_PERIOD}/lock`, { token: admin, body: { force: true, reason: '截止时间已到' } });
    expect(locked.body).toMatchObject({ status: 'locked', jobId: expect.any(String) });
    const [{ data_revision: revision }] = await api.dataSource.query('SELECT data_revision FROM period WHERE period = $1', [OPEN_PERIOD]);
    expect(locked.body.jobId).toBe(`compute-${OPEN_PERIOD}-r${revision}`);
    const job = await waitFor(
      async () => {
        const answer = await api.request('GET', `/jobs/${locked.body.jobId}`, { token: admin });
        return answer.body.state === 'completed' ? answer.body : undefined;
      },
      { what: 'the computation of the locked month', timeoutMs: 60_000, intervalMs: 200 },
    );
    expect(job.result).toMatchObject({ period: OPEN_PERIOD });
    const [month] = await api.dataSource.query('SELECT computed_revision FROM period WHERE period = $1', [OPEN_PERIOD]);
    expect(month.computed_revision).toBe(revision);
    const [own] = await api.dataSource.query(
      `SELECT indicators->'satisfaction'->>'numerator' AS numerator FROM agency_result
        WHERE period = $1 AND agency_code = '330102' AND scope = 'own'`,
      [OPEN_PERIOD],
    );
    expect(own).toEqual({ numerator: '45.00' });
  });
});
