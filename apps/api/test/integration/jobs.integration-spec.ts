import { type ApiTestApp, OPEN_PERIOD, startApiTestApp } from '../support/api-test-app';

/** A job tells what was imported or computed: only its owner and the admins above may read it. */
describe('GET /jobs/:id', () => {
  let api: ApiTestApp;
  const tokens = new Map<string, string>();
  let importJob: string;
  let computeJob: string;

  const read = async (username: string, jobId: string) =>
    (await api.request('GET', `/jobs/${jobId}`, { token: tokens.get(username) })).status;

  beforeAll(async () => {
    api = await startApiTestApp();
    const admin = await api.login('admin');
    const created = await api.request('POST', '/users', {
      token: admin,
      body: {
        username: 'cityadmin-330100',
        displayName: '杭州市管理员',
        role: 'city_admin',
        agencyCode: '330100',
        password: 'Correct-Horse-9',
      },
    });
    expect(created.status).toBe(201);
    tokens.set('admin', admin);
    tokens.set(
      'cityadmin-330100',
      await api.firstLogin('cityadmin-330100', 'Correct-Horse-9', 'Correct-Horse-Own-9'),
    );
    for (const username of [
      'head-330102',
      'head-330105',
      'head-330100',
      'head-330200',
      'staff-330102-1',
    ]) {
      tokens.set(username, await api.login(username));
    }

    const form = new FormData();
    form.append('kind', 'ratings');
    form.append(
      'file',
      new Blob(['agency_code,rated_at,channel,level\n330102,2026-10-02T10:00:00+08:00,window,5\n']),
      '评价.csv',
    );
    const upload = await fetch(`${api.baseUrl}/api/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.get('head-330102')}` },
      body: form,
    });
    expect(upload.status).toBe(202);
    importJob = ((await upload.json()) as { jobId: string }).jobId;

    const compute = await api.request('POST', `/periods/${OPEN_PERIOD}/compute`, { token: admin });
    expect(compute.status).toBe(202);
    computeJob = compute.body.jobId;
  });
  afterAll(() => api.close());

  it.each([
    ['head-330102', 200], // who uploaded it
    ['admin', 200], // the province above
    ['cityadmin-330100', 200], // the city above
    ['head-330100', 404], // the city's head is no administrator
    ['head-330105', 404], // a sibling county
    ['head-330200', 404], // another city
    ['staff-330102-1', 404], // staff of the same county
  ])('an import job: %s → %i', async (username, status) => {
    expect(await read(username, importJob)).toBe(status);
  });

  it('a month computation: the province only', async () => {
    expect(await read('admin', computeJob)).toBe(200);
    for (const username of ['cityadmin-330100', 'head-330102', 'staff-330102-1']) {
      expect({ username, status: await read(username, computeJob) }).toEqual({
        username,
        status: 404,
      });
    }
  });

  it('answers an unknown job with 404 and a job read by someone else with the same body', async () => {
    const unknown = await api.request('GET', '/jobs/import-999999', {
      token: tokens.get('staff-330102-1'),
    });
    const hidden = await api.request('GET', `/jobs/${importJob}`, {
      token: tokens.get('staff-330102-1'),
    });
    expect(unknown.status).toBe(404);
    expect(hidden.status).toBe(404);
    expect(hidden.body.message).not.toContain('评价.csv');
  });
});
