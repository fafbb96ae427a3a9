import { type ApiTestApp, OPEN_PERIOD, startApiTestApp } from '../support/api-test-app';

describe('audit log', () => {
  let api: ApiTestApp;
  let admin: string;

  beforeAll(async () => {
    api = await startApiTestApp();
    admin = await api.login('admin');
  });
  afterAll(() => api.close());

  const auditRows = async () =>
    api.dataSource.query('SELECT id, username, role, agency_code, action, target, before, after, request_id FROM audit_log ORDER BY id');

  /** Runs one write and returns the audit rows it added. */
  const added = async (write: () => Promise<{ status: number }>, expectedStatus: number) => {
    const before = await auditRows();
    const { status } = await write();
    expect(status).toBe(expectedStatus);
    return (await auditRows()).slice(before.length);
  };

  it('records a new submission and its update with the figures before and after', async () => {
    const head = await api.login('head-330127');
    const created = await added(
      () =>
        api.request('PUT', `/submissions/${OPEN_PERIOD}/330127`, {
          token: head,
          body: { values: { satisfaction: { numerator: 90, denominator: 100 } } },
        }),
      200,
    );
    const version = (await api.request('GET', `/submissions/${OPEN_PERIOD}/330127`, { token: head })).body.version;
    expect(created).toEqual([
      expect.objectContaining({
        username: 'head-330127',
        role: 'agency_head',
        agency_code: '330127',
        action: 'submission.put',
        target: `submission/${OPEN_PERIOD}/330127`,
        before: version === 1 ? null : expect.anything(),
        after: { version, values: { satisfaction: { numerator: '90.00', denominator: '100.00' } } },
      }),
    ]);
    expect(created[0].request_id).toEqual(expect.any(String));

    const updated = await added(
      () =>
        api.request('PUT', `/submissions/${OPEN_PERIOD}/330127`, {
          token: head,
          body: { version, values: { satisfaction: { numerator: 95, denominator: 100 } } },
        }),
      200,
    );
    expect(updated).toEqual([
      expect.objectContaining({
        action: 'submission.put',
        before: { version, values: { satisfaction: { numerator: '90.00', denominator: '100.00' } } },
        after: { version: version + 1, values: { satisfaction: { numerator: '95.00', denominator: '100.00' } } },
      }),
    ]);
  });

  it('records nothing for a refused write', async () => {
    const head = await api.login('head-330127');
    const rows = await added(
      () => api.request('PUT', `/submissions/${OPEN_PERIOD}/330127`, { token: head, body: { values: { satisfaction: { numerator: -1, denominator: 1 } } } }),
      400,
    );
    expect(rows).toEqual([]);
  });

  it('records each user administration write once', async () => {
    const create = await added(
      () =>
        api.request('POST', '/users', {
          token: admin,
          body: { username: 'li.na', displayName: '李娜', role: 'staff', agencyCode: '330102', password: 'Li-Na-Works-7' },
        }),
      201,
    );
    const user = { username: 'li.na', displayName: '李娜', role: 'staff', agencyCode: '330102', post: null, disabled: false, mustChangePassword: true };
    expect(create).toEqual([expect.objectContaining({ action: 'user.create', target: 'user/li.na', before: null, after: user })]);

    const update = await added(() => api.request('PATCH', '/users/li.na', { token: admin, body: { disabled: true } }), 200);
    expect(update).toEqual([
      expect.objectContaining({ action: 'user.update', before: user, after: { ...user, disabled: true } }),
    ]);

    const reset = await added(
      () => api.request('POST', '/users/li.na/reset-password', { token: admin, body: { password: 'Li-Na-Again-8' } }),
      204,
    );
    expect(reset).toEqual([
      expect.objectContaining({
        action: 'user.reset_password',
        before: { passwordChangedAt: expect.any(String) },
        after: { passwordChangedAt: expect.any(String), mustChangePassword: true },
      }),
    ]);
    expect(JSON.stringify(reset)).not.toContain('Li-Na-Again-8');

    const unlock = await added(() => api.request('POST', '/users/li.na/unlock', { token: admin }), 204);
    expect(unlock).toEqual([expect.objectContaining({ action: 'user.unlock', after: { failures: 0, lockedUntil: null } })]);
  });

  it('records logins, failed logins, refreshes, logouts and computations', async () => {
    const failed = await added(() => api.request('POST', '/auth/login', { body: { username: 'head-330182', password: 'no' } }), 401);
    expect(failed).toEqual([expect.objectContaining({ action: 'auth.login_failed', username: 'head-330182', after: { failures: 1, lockedUntil: null } })]);

    let session: { accessToken: string; refreshToken: string } = { accessToken: '', refreshToken: '' };
    const login = await added(async () => {
      const answer = await api.request('POST', '/auth/login', { body: { username: 'head-330182', password: 'demo' } });
      session = answer.body;
      return answer;
    }, 200);
    expect(login).toEqual([expect.objectContaining({ action: 'auth.login', role: 'agency_head', agency_code: '330182' })]);

    const refresh = await added(async () => {
      const answer = await api.request('POST', '/auth/refresh', { body: { refreshToken: session.refreshToken } });
      session = answer.body;
      return answer;
    }, 200);
    expect(refresh).toEqual([expect.objectContaining({ action: 'auth.refresh' })]);

    const logout = await added(() => api.request('POST', '/auth/logout', { token: session.accessToken }), 204);
    expect(logout).toEqual([expect.objectContaining({ action: 'auth.logout', after: null })]);

    const compute = await added(() => api.request('POST', `/periods/${OPEN_PERIOD}/compute`, { token: admin }), 202);
    expect(compute).toEqual([
      expect.objectContaining({ action: 'period.compute', target: `period/${OPEN_PERIOD}`, after: { jobId: expect.stringMatching(/^compute-/) } }),
    ]);
  });

  it('is queryable by the province only, newest first, by agency, username and time', async () => {
    const all = await api.request('GET', '/audit', { token: admin });
    expect(all.status).toBe(200);
    const times = all.body.map((entry: { at: string }) => Date.parse(entry.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(all.body.some((entry: { action: string }) => entry.action === 'user.create')).toBe(true);

    const byUser = await api.request('GET', '/audit?username=head-330127', { token: admin });
    expect(byUser.body.length).toBeGreaterThan(0);
    expect(byUser.body.every((entry: { username: string }) => entry.username === 'head-330127')).toBe(true);

    const byAgency = await api.request('GET', '/audit?agencyCode=330100', { token: admin });
    expect(byAgency.body.every((entry: { agencyCode: string }) => entry.agencyCode.startsWith('3301'))).toBe(true);

    const future = await api.request('GET', `/audit?from=${encodeURIComponent('2099-01-01T00:00:00Z')}`, { token: admin });
    expect(future.body).toEqual([]);
    expect((await api.request('GET', '/audit?from=yesterday', { token: admin })).status).toBe(400);

    const head = await api.login('head-330102');
    expect((await api.request('GET', '/audit', { token: head })).status).toBe(403);
  });

  it('is append-only: no route deletes it and the database refuses updates and deletes', async () => {
    expect((await api.request('DELETE', '/audit', { token: admin })).status).toBe(404);
    await expect(api.dataSource.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(api.dataSource.query(`UPDATE audit_log SET username = 'someone else'`)).rejects.toThrow(/append-only/);
    await expect(api.dataSource.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
  });
});
