import { request as httpRequest } from 'node:http';
import { performance } from 'node:perf_hooks';
import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';

/** Logs in over HTTP from a chosen loopback source address, as a client elsewhere would. */
function loginFrom(api: ApiTestApp, localAddress: string, username: string, password: string) {
  const url = new URL(`${api.baseUrl}/api/auth/login`);
  const body = JSON.stringify({ username, password });
  return new Promise<number>((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

describe('login abuse', () => {
  let api: ApiTestApp;

  beforeAll(async () => {
    api = await startApiTestApp();
  });
  afterAll(() => api.close());

  it('does not let a stranger elsewhere lock the administrator out', async () => {
    const strangerStatuses: number[] = [];
    for (let i = 0; i < 11; i++)
      strangerStatuses.push(await loginFrom(api, '127.0.0.2', 'admin', `guess-${i}`));
    expect(strangerStatuses.slice(-2)).toEqual([429, 429]);
    // The stranger stays locked out, even with the right password …
    expect(await loginFrom(api, '127.0.0.2', 'admin', 'demo')).toBe(429);
    // … while the administrator, from its own address, logs in.
    expect(await loginFrom(api, '127.0.0.1', 'admin', 'demo')).toBe(200);
  });

  it('lifts every lock of a username when an administrator unlocks it', async () => {
    for (let i = 0; i < 10; i++) await loginFrom(api, '127.0.0.3', 'head-330105', `guess-${i}`);
    expect(await loginFrom(api, '127.0.0.3', 'head-330105', 'demo')).toBe(429);
    const admin = await api.login('admin');
    expect((await api.request('POST', '/users/head-330105/unlock', { token: admin })).status).toBe(
      204,
    );
    expect(await loginFrom(api, '127.0.0.3', 'head-330105', 'demo')).toBe(200);
  });

  it('checks passwords off the event loop that serves everyone else', async () => {
    const before = performance.eventLoopUtilization();
    const statuses = await Promise.all(
      Array.from({ length: 24 }, (_, index) =>
        loginFrom(api, '127.0.0.4', `head-3301${String(index).padStart(2, '0')}`, 'wrong'),
      ),
    );
    const busy = performance.eventLoopUtilization(before);
    expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
    // Hashing on the loop keeps it busy nearly all the time (above 0.95); off it, the loop mostly
    // waits, though a busy machine's scheduling noise can take it well above half (0.83 seen while
    // the whole suite ran on two cores).
    expect(busy.utilization).toBeLessThan(0.9);
  });

  it('ends the whole login session when a spent refresh token comes back', async () => {
    const login = await api.request('POST', '/auth/login', {
      body: { username: 'head-330108', password: 'demo' },
    });
    const spent = login.body.refreshToken as string;
    const refreshed = await api.request('POST', '/auth/refresh', { body: { refreshToken: spent } });
    expect(refreshed.status).toBe(200);
    // Whoever holds the newest pair is cut off as soon as the spent token is presented again.
    expect(
      (await api.request('POST', '/auth/refresh', { body: { refreshToken: spent } })).status,
    ).toBe(401);
    expect(
      (
        await api.request('POST', '/auth/refresh', {
          body: { refreshToken: refreshed.body.refreshToken },
        })
      ).status,
    ).toBe(401);
    expect(
      (await api.request('GET', '/periods', { token: refreshed.body.accessToken })).status,
    ).toBe(401);
    const [audit] = await api.dataSource.query(
      `SELECT action FROM audit_log WHERE username = 'head-330108' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit.action).toBe('auth.refresh_reused');
  });
});
