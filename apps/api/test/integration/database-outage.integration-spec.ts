import type { INestApplication } from '@nestjs/common';
import { type HttpClient, createHttpClient, testConfig } from '@scorecard/server-testing';
import { createApiApplication } from '../../src/bootstrap';
import { DEMO_NOW, PUBLISHED_PERIOD } from '../support/api-test-app';
import { SeparatePostgres } from '../support/separate-postgres';

/**
 * With PostgreSQL down, calls answer 503 — never 401 (the web app would log people out) nor 500 —
 * and nothing hangs; once it is back, calls succeed again. The API runs on a PostgreSQL of its own,
 * which this file stops and starts.
 */
describe('the API while PostgreSQL is down', () => {
  let postgres: SeparatePostgres;
  let app: INestApplication;
  let http: HttpClient;
  let token: string;

  beforeAll(async () => {
    postgres = await SeparatePostgres.start('scorecard_outage');
    app = await createApiApplication(testConfig(postgres.url), { now: DEMO_NOW });
    await app.listen(0, '127.0.0.1');
    const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    http = createHttpClient(() => baseUrl);
    token = await http.login('admin');
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await postgres?.remove();
  }, 60_000);

  it('answers 503 with a clear message to authenticated calls and logins, reports the db down, and recovers', async () => {
    expect((await http.request('GET', '/periods', { token })).status).toBe(200);
    // A league table asked for twice is kept in memory, with the session that asked.
    const table = `/rankings?period=${PUBLISHED_PERIOD}&level=county`;
    const kept = await http.request('GET', table, { token });
    expect(kept.status).toBe(200);
    expect((await http.request('GET', table, { token })).status).toBe(200);

    await postgres.stop();

    const started = Date.now();
    const periods = await http.request('GET', '/periods', { token });
    expect(periods.status).toBe(503);
    expect(periods.body).toEqual({
      statusCode: 503,
      error: 'SERVICE_UNAVAILABLE',
      message: '服务暂时不可用，请稍后再试',
    });
    expect((await http.request('GET', '/periods', { token, language: 'en' })).body.message).toBe(
      'The database is not reachable; try again shortly',
    );

    const login = await http.request('POST', '/auth/login', {
      body: { username: 'admin', password: 'demo' },
    });
    expect(login.status).toBe(503);
    expect(login.body.message).toBe('服务暂时不可用，请稍后再试');

    // Nobody can tell whether the session or the table is still as kept: neither is served.
    const tableRefused = await http.request('GET', table, { token });
    expect(tableRefused.status).toBe(503);
    expect(tableRefused.body).toMatchObject({ statusCode: 503, error: 'SERVICE_UNAVAILABLE' });

    const health = await http.request('GET', '/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'error', db: 'down' });
    expect(Date.now() - started).toBeLessThan(20_000);

    // Back on the same port: the same token works again, and so does logging in.
    await postgres.resume();
    expect((await http.request('GET', '/periods', { token })).status).toBe(200);
    expect(await http.request('GET', table, { token })).toEqual(kept);
    expect(
      (await http.request('POST', '/auth/login', { body: { username: 'admin', password: 'demo' } }))
        .status,
    ).toBe(200);
    expect((await http.request('GET', '/health')).body).toMatchObject({ status: 'ok', db: 'up' });
  }, 120_000);
});
