import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';

describe('authentication: sessions, lock-out and rate limits', () => {
  let api: ApiTestApp;
  let admin: string;

  beforeAll(async () => {
    api = await startApiTestApp();
    admin = await api.login('admin');
  });
  afterAll(() => api.close());

  const login = (username: string, password: string) =>
    api.request('POST', '/auth/login', { body: { username, password } });
  const failureState = async (username: string) =>
    (await api.dataSource.query('SELECT failures, locked_until FROM login_failure WHERE username = $1', [username]))[0];
  const auditCount = async (username: string) =>
    Number((await api.dataSource.query('SELECT count(*) FROM audit_log WHERE username = $1', [username]))[0].count);

  it('locks a username after 10 consecutive failures; the 11th try is refused without checking the password', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await login('head-330105', `wrong-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 401, 401, 401, 429]);
    expect(await failureState('head-330105')).toMatchObject({ failures: 10 });
    const auditBefore = await auditCount('head-330105');

    const eleventh = await login('head-330105', 'demo');
    expect(eleventh.status).toBe(429);
    expect(eleventh.body.message).toMatch(/该账号已锁定至/);
    expect(new Date(eleventh.body.lockedUntil).getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    // Refused before the password was looked at: no failure counted, nothing audited.
    expect(await failureState('head-330105')).toMatchObject({ failures: 10 });
    expect(await auditCount('head-330105')).toBe(auditBefore);
  });

  it('lifts the lock when an administrator unlocks the user', async () => {
    expect((await api.request('POST', '/users/head-330105/unlock', { token: admin })).status).toBe(204);
    expect((await login('head-330105', 'demo')).status).toBe(200);
    expect(await failureState('head-330105')).toBeUndefined();
  });

  it('counts failures for unknown usernames too, and a success resets the count', async () => {
    for (let i = 0; i < 3; i++) expect((await login('nobody-at-all', 'x')).status).toBe(401);
    expect(await failureState('nobody-at-all')).toMatchObject({ failures: 3 });
    await login('head-330106', 'wrong');
    await login('head-330106', 'demo');
    expect(await failureState('head-330106')).toBeUndefined();
  });

  it('rotates refresh tokens: each works once', async () => {
    const first = await login('head-330108', 'demo');
    const refreshed = await api.request('POST', '/auth/refresh', { body: { refreshToken: first.body.refreshToken } });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).not.toBe(first.body.refreshToken);
    expect((await api.request('GET', '/periods', { token: refreshed.body.accessToken })).status).toBe(200);
    const replayed = await api.request('POST', '/auth/refresh', { body: { refreshToken: first.body.refreshToken } });
    expect(replayed.status).toBe(401);
  });

  it('logout revokes the session: its access and refresh tokens stop working at once', async () => {
    const session = await login('head-330109', 'demo');
    const token = session.body.accessToken;
    expect((await api.request('GET', '/periods', { token })).status).toBe(200);
    expect((await api.request('POST', '/auth/logout', { token })).status).toBe(204);
    expect((await api.request('GET', '/periods', { token })).status).toBe(401);
    expect((await api.request('POST', '/auth/refresh', { body: { refreshToken: session.body.refreshToken } })).status).toBe(401);
  });

  it('disabling a user ends its sessions; a reset password replaces the old one', async () => {
    const session = await login('staff-330110-1', 'demo');
    expect((await api.request('PATCH', '/users/staff-330110-1', { token: admin, body: { disabled: true } })).status).toBe(200);
    expect((await api.request('GET', '/periods', { token: session.body.accessToken })).status).toBe(401);
    expect((await login('staff-330110-1', 'demo')).status).toBe(401);

    await api.request('PATCH', '/users/staff-330110-1', { token: admin, body: { disabled: false } });
    expect((await api.request('POST', '/users/staff-330110-1/reset-password', { token: admin, body: { password: 'Fresh-Start-2026' } })).status).toBe(204);
    expect((await login('staff-330110-1', 'demo')).status).toBe(401);
    expect((await login('staff-330110-1', 'Fresh-Start-2026')).status).toBe(200);
  });

  it('enforces the password rules with a field error', async () => {
    for (const password of ['short1!', 'alllowercaseletters', 'staff-330110-2Aa1']) {
      const { status, body } = await api.request('POST', '/users/staff-330110-2/reset-password', { token: admin, body: { password } });
      expect(status).toBe(400);
      expect(body.errors).toEqual([expect.objectContaining({ field: 'password' })]);
    }
  });

  it('stores passwords only as bcrypt hashes', async () => {
    const [row] = await api.dataSource.query(`SELECT password_hash FROM app_user WHERE username = 'staff-330110-1'`);
    expect(row.password_hash).toMatch(/^\$2[aby]\$12\$/);
    expect(row.password_hash).not.toContain('Fresh-Start-2026');
  });

  it('rejects a token signed with another secret', async () => {
    const [header, payload] = admin.split('.');
    expect((await api.request('GET', '/periods', { token: `${header}.${payload}.forged` })).status).toBe(401);
  });
});

describe('rate limiting by client address', () => {
  let api: ApiTestApp;

  beforeAll(async () => {
    api = await startApiTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(() => api.close());

  it('refuses the 6th login attempt in a minute from one address, whatever the username', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await api.request('POST', '/auth/login', { body: { username: `user-${i}`, password: 'x' } })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });
});
