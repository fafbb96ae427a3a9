import type { INestApplication } from '@nestjs/common';
import { SessionRepository } from '@scorecard/server-database';
import { createHttpClient, testConfig, waitFor } from '@scorecard/server-testing';
import { createApiApplication } from '../../src/bootstrap';
import { SessionChangeListener } from '../../src/app/auth/session-change-listener';
import { type ApiTestApp, DEMO_NOW, startApiTestApp } from '../support/api-test-app';

/**
 * An authenticated call costs no database round trip for its session, yet a session ended
 * anywhere — in this process, in another API process, or straight in the database — stops
 * working at once.
 */
describe('live sessions kept in memory', () => {
  let api: ApiTestApp;
  let other: INestApplication;
  let otherUrl: string;

  beforeAll(async () => {
    api = await startApiTestApp();
    // A second API process on the same database, as behind a load balancer.
    const url = (api.dataSource.options as { url: string }).url;
    other = await createApiApplication(testConfig(url), { now: DEMO_NOW });
    await other.listen(0, '127.0.0.1');
    otherUrl = (await other.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(async () => {
    await other?.close();
    await api.close();
  });

  const sessionReads = () => {
    const repository = api.app.get(SessionRepository);
    return jest.spyOn(repository, 'findActive');
  };

  it('reads a session from the database once, not on every call', async () => {
    const token = await api.login('head-330102');
    const reads = sessionReads();
    try {
      for (let i = 0; i < 20; i++) expect((await api.request('GET', '/agencies', { token })).status).toBe(200);
      expect(reads).toHaveBeenCalledTimes(1);
    } finally {
      reads.mockRestore();
    }
  });

  it('refuses a session at once when it is ended in the database by anyone', async () => {
    const token = await api.login('head-330108');
    expect((await api.request('GET', '/agencies', { token })).status).toBe(200);
    await api.dataSource.query(
      `UPDATE user_session SET revoked_at = now()
        WHERE revoked_at IS NULL AND user_id = (SELECT id FROM app_user WHERE username = 'head-330108')`,
    );
    // The notice travels on commit; it is here before any client could send the next call.
    await waitFor(async () => ((await api.request('GET', '/agencies', { token })).status === 401 ? true : undefined), {
      what: 'the ended session to be refused',
      timeoutMs: 1_000,
      intervalMs: 20,
    });
  });

  it('ends the sessions of a user disabled through another API process', async () => {
    const token = await api.login('head-330109');
    expect((await api.request('GET', '/agencies', { token })).status).toBe(200);
    const elsewhere = createHttpClient(() => otherUrl);
    const admin = await elsewhere.login('admin');
    const disabled = await elsewhere.request('PATCH', '/users/head-330109', { token: admin, body: { disabled: true } });
    expect(disabled.status).toBe(200);
    await waitFor(async () => ((await api.request('GET', '/agencies', { token })).status === 401 ? true : undefined), {
      what: 'the disabled user to be refused here',
      timeoutMs: 1_000,
      intervalMs: 20,
    });
  });

  it('follows a change of role made elsewhere on the next call', async () => {
    const token = await api.login('head-330105');
    expect((await api.request('GET', '/audit', { token })).status).toBe(403);
    await api.dataSource.query(`UPDATE app_user SET role = 'province_admin', agency_code = '330000' WHERE username = 'head-330105'`);
    await waitFor(async () => ((await api.request('GET', '/audit', { token })).status === 200 ? true : undefined), {
      what: 'the new role to apply',
      timeoutMs: 1_000,
      intervalMs: 20,
    });
  });

  it('asks the database on every call while it cannot hear the notices', async () => {
    const token = await api.login('head-330106');
    expect((await api.request('GET', '/agencies', { token })).status).toBe(200);
    const listener = api.app.get(SessionChangeListener);
    await api.dataSource.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = 'scorecard-session-notices' AND datname = current_database()`,
    );
    await waitFor(async () => (listener.isListening ? undefined : true), {
      what: 'the listener to notice its connection is gone',
      timeoutMs: 5_000,
      intervalMs: 10,
    });
    // Ended while nobody listens: no notice will come, and the call is still refused.
    await api.dataSource.query(
      `UPDATE user_session SET revoked_at = now()
        WHERE revoked_at IS NULL AND user_id = (SELECT id FROM app_user WHERE username = 'head-330106')`,
    );
    expect((await api.request('GET', '/agencies', { token })).status).toBe(401);

    // It listens again by itself, and keeps sessions in memory again.
    await waitFor(async () => (listener.isListening ? true : undefined), {
      what: 'the listener to be back',
      timeoutMs: 10_000,
      intervalMs: 50,
    });
    const fresh = await api.login('head-330106');
    const reads = sessionReads();
    try {
      for (let i = 0; i < 5; i++) expect((await api.request('GET', '/agencies', { token: fresh })).status).toBe(200);
      expect(reads).toHaveBeenCalledTimes(1);
    } finally {
      reads.mockRestore();
    }
  });
});
