import { type ApiTestApp, OPEN_PERIOD, PUBLISHED_PERIOD, startApiTestApp } from '../support/api-test-app';

const FULL_VALUES = {
  enrollment_expansion: { numerator: 10001, denominator: 10000 },
  collection: { numerator: '1234567.89', denominator: '1300000.00' },
  annual_inspection: { numerator: 95, denominator: 100 },
  first_inquiry: { numerator: 30, denominator: 30 },
  ab_post: { numerator: 0, denominator: 0 },
  online_reply: { numerator: 980, denominator: 1000 },
  satisfaction: { numerator: 7624, denominator: 8682 },
};

describe('PUT /submissions', () => {
  let api: ApiTestApp;
  let head: string;
  let admin: string;
  // A county that has not reported the open month in the demo data.
  let county: string;

  const storedState = async (period: string, agencyCode: string) => ({
    submission: await api.dataSource.query(
      'SELECT version, status, submitted_by FROM submission WHERE period = $1 AND agency_code = $2',
      [period, agencyCode],
    ),
    values: await api.dataSource.query(
      `SELECT indicator_code, numerator::text, denominator::text FROM submission_value
        WHERE period = $1 AND agency_code = $2 ORDER BY indicator_code`,
      [period, agencyCode],
    ),
    revision: (await api.dataSource.query('SELECT data_revision FROM period WHERE period = $1', [period]))[0],
  });

  beforeAll(async () => {
    api = await startApiTestApp();
    admin = await api.login('admin');
    const ranking = await api.request('GET', `/rankings?period=${OPEN_PERIOD}&level=county&parent=330100`, {
      token: admin,
    });
    county = ranking.body.rows.find((row: { reported: boolean }) => !row.reported).agencyCode;
    head = await api.login(`head-${county}`);
  });
  afterAll(() => api.close());

  it('answers 404 before the first submission, then creates it at version 1', async () => {
    expect((await api.request('GET', `/submissions/${OPEN_PERIOD}/${county}`, { token: head })).status).toBe(404);
    const created = await api.request('PUT', `/submissions/${OPEN_PERIOD}/${county}`, {
      token: head,
      body: { values: FULL_VALUES },
    });
    expect(created).toEqual({ status: 200, body: { version: 1 } });
    const { status, body } = await api.request('GET', `/submissions/${OPEN_PERIOD}/${county}`, { token: head });
    expect(status).toBe(200);
    expect(body).toMatchObject({ period: OPEN_PERIOD, agencyCode: county, version: 1, status: 'submitted', submittedBy: `head-${county}` });
    expect(body.values.collection).toEqual({ numerator: 1234567.89, denominator: 1300000 });
    expect(body.values.enrollment_expansion).toEqual({ numerator: 10001, denominator: 10000 });
    const [stored] = await api.dataSource.query(
      `SELECT numerator::text FROM submission_value WHERE period = $1 AND agency_code = $2 AND indicator_code = 'collection'`,
      [OPEN_PERIOD, county],
    );
    expect(stored.numerator).toBe('1234567.89');
  });

  it('marks the month stale so the rankings show they are being recomputed', async () => {
    const { body } = await api.request('GET', '/periods', { token: admin });
    expect(body.find((period: { period: string }) => period.period === OPEN_PERIOD).stale).toBe(true);
  });

  it('updates with the version read and refuses a stale version with 409, changing nothing', async () => {
    const updated = await api.request('PUT', `/submissions/${OPEN_PERIOD}/${county}`, {
      token: head,
      body: { version: 1, values: { ...FULL_VALUES, satisfaction: { numerator: 8000, denominator: 8682 } } },
    });
    expect(updated).toEqual({ status: 200, body: { version: 2 } });
    const before = await storedState(OPEN_PERIOD, county);
    const stale = await api.request('PUT', `/submissions/${OPEN_PERIOD}/${county}`, {
      token: head,
      body: { version: 1, values: FULL_VALUES },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ statusCode: 409, currentVersion: 2 });
    const missingVersion = await api.request('PUT', `/submissions/${OPEN_PERIOD}/${county}`, {
      token: head,
      body: { values: FULL_VALUES },
    });
    expect(missingVersion.status).toBe(409);
    expect(await storedState(OPEN_PERIOD, county)).toEqual(before);
  });

  it('lets only one of two concurrent writers of the same version win', async () => {
    const { body } = await api.request('GET', `/submissions/${OPEN_PERIOD}/${county}`, { token: head });
    const attempts = await Promise.all(
      [1, 2].map((n) =>
        api.request('PUT', `/submissions/${OPEN_PERIOD}/${county}`, {
          token: head,
          body: { version: body.version, values: { ...FULL_VALUES, first_inquiry: { numerator: 20 + n, denominator: 30 } } },
        }),
      ),
    );
    expect(attempts.map((attempt) => attempt.status).sort()).toEqual([200, 409]);
  });

  const badInputs: [string, unknown, string][] = [
    ['a negative figure', { satisfaction: { numerator: -1, denominator: 10 } }, 'values.satisfaction.numerator'],
    ['a non-numeric figure', { satisfaction: { numerator: 'many', denominator: 10 } }, 'values.satisfaction.numerator'],
    ['more than 2 decimals', { collection: { numerator: '10.001', denominator: '20' } }, 'values.collection.numerator'],
    ['a numerator above the denominator', { satisfaction: { numerator: 11, denominator: 10 } }, 'values.satisfaction.numerator'],
    ['a missing denominator', { satisfaction: { numerator: 1 } }, 'values.satisfaction.denominator'],
    ['an unknown indicator', { happiness: { numerator: 1, denominator: 2 } }, 'values.happiness'],
    ['an unknown figure field', { satisfaction: { numerator: 1, denominator: 2, note: 'x' } }, 'values.satisfaction.note'],
    ['values that are not an object', 'all good', 'values'],
  ];

  it.each(badInputs)('answers 400 naming the field for %s and stores nothing', async (_label, values, field) => {
    const before = await storedState(OPEN_PERIOD, county);
    const { body: current } = await api.request('GET', `/submissions/${OPEN_PERIOD}/${county}`, { token: head });
    const { status, body } = await api.request('PUT', `/submissions/${OPEN_PERIOD}/${county}`, {
      token: head,
      body: { version: current.version, values: { ...FULL_VALUES, ...(typeof values === 'object' ? values : {}) }, ...(typeof values === 'object' ? {} : { values }) },
    });
    expect(status).toBe(400);
    expect(body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(await storedState(OPEN_PERIOD, county)).toEqual(before);
  });

  it('reports every bad field at once', async () => {
    const { body } = await api.request('PUT', `/submissions/${OPEN_PERIOD}/${county}`, {
      token: head,
      body: {
        values: {
          satisfaction: { numerator: -1, denominator: 'x' },
          collection: { numerator: '1.234', denominator: '2' },
        },
      },
    });
    expect(body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'values.collection.numerator',
      'values.satisfaction.denominator',
      'values.satisfaction.numerator',
    ]);
  });

  it('rejects unknown top-level fields', async () => {
    const { status, body } = await api.request('PUT', `/submissions/${OPEN_PERIOD}/${county}`, {
      token: head,
      body: { values: FULL_VALUES, approved: true },
    });
    expect(status).toBe(400);
    expect(body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'approved' })]));
  });

  it('answers 423 for a month that is not open, naming its state', async () => {
    const { status, body } = await api.request('PUT', `/submissions/${PUBLISHED_PERIOD}/${county}`, {
      token: head,
      body: { values: FULL_VALUES },
    });
    expect(status).toBe(423);
    expect(body.message).toContain('已发布');
  });

  it('answers 403 when a county head writes another county, and 401 without a token', async () => {
    const other = county === '330102' ? '330105' : '330102';
    const { status } = await api.request('PUT', `/submissions/${OPEN_PERIOD}/${other}`, {
      token: head,
      body: { values: FULL_VALUES },
    });
    expect(status).toBe(403);
    expect((await api.request('PUT', `/submissions/${OPEN_PERIOD}/${county}`, { body: { values: FULL_VALUES } })).status).toBe(401);
  });

  it('answers 400 for a malformed period or agency code and 404 for an unknown agency', async () => {
    expect((await api.request('PUT', `/submissions/2026-1/${county}`, { token: admin, body: { values: {} } })).status).toBe(400);
    expect((await api.request('PUT', `/submissions/${OPEN_PERIOD}/33010`, { token: admin, body: { values: {} } })).status).toBe(400);
    expect((await api.request('PUT', `/submissions/${OPEN_PERIOD}/999999`, { token: admin, body: { values: {} } })).status).toBe(404);
  });

  it('answers 423 for a month not opened yet, like any month that is not open', async () => {
    for (const period of ['2026-11', '2031-01']) {
      const answer = await api.request('PUT', `/submissions/${period}/${county}`, {
        token: head,
        body: { values: { satisfaction: { numerator: 1, denominator: 2 } } },
      });
      expect({ period, status: answer.status }).toEqual({ period, status: 423 });
      expect(answer.body.message).toContain('尚未开放');
    }
  });

  it('queues one recomputation per data revision, collapsing repeated requests', async () => {
    const first = await api.request('POST', `/periods/${OPEN_PERIOD}/compute`, { token: admin });
    const second = await api.request('POST', `/periods/${OPEN_PERIOD}/compute`, { token: admin });
    expect(first.status).toBe(202);
    expect(second.body.jobId).toBe(first.body.jobId);
    const job = await api.request('GET', `/jobs/${first.body.jobId}`, { token: admin });
    expect(job.status).toBe(200);
    expect(job.body).toMatchObject({ id: first.body.jobId, name: 'compute-period' });
    expect(['waiting', 'active', 'completed']).toContain(job.body.state);
    expect((await api.request('GET', '/jobs/no-such-job', { token: admin })).status).toBe(404);
    expect((await api.request('POST', `/periods/${OPEN_PERIOD}/compute`, { token: head })).status).toBe(403);
  });
});
