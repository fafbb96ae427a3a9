import { type ApiTestApp, OPEN_PERIOD, startApiTestApp } from '../support/api-test-app';

describe('health, login and reference data', () => {
  let api: ApiTestApp;
  let token: string;

  beforeAll(async () => {
    api = await startApiTestApp();
    token = await api.login('admin');
  });
  afterAll(() => api.close());

  it('reports PostgreSQL and Redis up without a token', async () => {
    const { status, body } = await api.request('GET', '/health');
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'ok', db: 'up', redis: 'up' });
  });

  it('sets security headers', async () => {
    const response = await fetch(`${api.baseUrl}/api/health`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('answers 401 without a token and with a forged one', async () => {
    expect((await api.request('GET', '/agencies')).status).toBe(401);
    expect((await api.request('GET', '/agencies', { token: `${token}x` })).status).toBe(401);
  });

  it('logs in the demo admin and refuses a wrong password', async () => {
    const ok = await api.request('POST', '/auth/login', { body: { username: 'admin', password: 'demo' } });
    expect(ok.status).toBe(200);
    expect(ok.body.user).toMatchObject({ username: 'admin', role: 'province_admin', agencyCode: '330000' });
    expect(typeof ok.body.accessToken).toBe('string');
    const wrong = await api.request('POST', '/auth/login', { body: { username: 'admin', password: 'nope' } });
    expect(wrong.status).toBe(401);
    const unknown = await api.request('POST', '/auth/login', { body: { username: 'nobody', password: 'demo' } });
    expect(unknown.status).toBe(401);
  });

  it('rejects unknown body fields', async () => {
    const { status, body } = await api.request('POST', '/auth/login', {
      body: { username: 'admin', password: 'demo', role: 'province_admin' },
    });
    expect(status).toBe(400);
    expect(body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'role' })]));
  });

  it('lists the real Zhejiang hierarchy: 1 province, 11 cities, 90 county-level units', async () => {
    const { body } = await api.request('GET', '/agencies', { token });
    const byLevel = (level: string) => body.filter((agency: { level: string }) => agency.level === level);
    expect(byLevel('province')).toEqual([{ code: '330000', name: '浙江省', level: 'province', parentCode: null }]);
    expect(byLevel('city')).toHaveLength(11);
    expect(byLevel('county')).toHaveLength(90);
    expect(body).toContainEqual({ code: '330102', name: '上城区', level: 'county', parentCode: '330100' });
    expect(body).toContainEqual({ code: '330100', name: '杭州市', level: 'city', parentCode: '330000' });
  });

  it('serves the default indicator scheme with weights summing to 100', async () => {
    const { status, body } = await api.request('GET', '/indicators?year=2026', { token });
    expect(status).toBe(200);
    expect(body.map((indicator: { code: string }) => indicator.code)).toEqual([
      'enrollment_expansion',
      'collection',
      'annual_inspection',
      'first_inquiry',
      'ab_post',
      'online_reply',
      'satisfaction',
    ]);
    expect(body.reduce((sum: number, indicator: { weight: number }) => sum + indicator.weight, 0)).toBe(100);
    expect(body[1]).toMatchObject({ nameZh: '医保费征缴率', weight: 20, target: 0.98, floor: 0.8 });
    expect((await api.request('GET', '/indicators?year=1999', { token })).status).toBe(400);
  });

  it('serves the indicators in force for a month', async () => {
    const byYear = await api.request('GET', '/indicators?year=2026', { token });
    const byMonth = await api.request('GET', `/indicators?period=${OPEN_PERIOD}`, { token });
    expect(byMonth.status).toBe(200);
    expect(byMonth.body).toEqual(byYear.body);
    expect((await api.request('GET', '/indicators?period=2026-13', { token })).status).toBe(400);
    expect((await api.request('GET', `/indicators?period=${OPEN_PERIOD}&year=2026`, { token })).status).toBe(400);
  });

  it('lists 12 months, the newest open and the rest published', async () => {
    const { body } = await api.request('GET', '/periods', { token });
    expect(body).toHaveLength(12);
    expect(body[0]).toMatchObject({ period: OPEN_PERIOD, status: 'open', dueDate: '2026-11-05', stale: false });
    expect(body.slice(1).every((period: { status: string }) => period.status === 'published')).toBe(true);
    expect(body[11].period).toBe('2025-11');
    expect(body[0].reportedCount).toBeLessThan(body[0].expectedCount);
    expect(body[0].expectedCount).toBe(102);
  });

  it('serves the OpenAPI document', async () => {
    const response = await fetch(`${api.baseUrl}/api/docs-json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/rankings', '/api/submissions/{period}/{agencyCode}', '/api/health']),
    );
  });
});
