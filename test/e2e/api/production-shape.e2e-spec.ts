import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { createHttpClient, type HttpClient } from '@scorecard/server-testing';
import { waitUntil } from '../support/http';
import {
  productionEnv,
  runCli,
  type ServerProcess,
  startServerProcess,
} from '../support/production';

const ADMIN_PASSWORD = 'Hangzhou-West-Lake-2026';
const PASSWORD = 'Service-Desk-2026';
const INITIAL_PASSWORD = 'Given-By-Centre-2026';

/**
 * The production path, not the demo: `scorecard init` on an empty database, then one API and two
 * workers as separate processes that share nothing but PostgreSQL and Redis (each has its own
 * working folder and IMPORT_DIR, as on separate hosts), driven as the centre would use them.
 */
describe('production shape: init, one API, two workers', () => {
  const databaseName = `production_${process.pid}`;
  let databaseUrl: string;
  let processes: ServerProcess[] = [];
  let client: HttpClient;
  let period: string;

  beforeAll(async () => {
    const serverUrl = process.env['E2E_DATABASE_URL'];
    if (!serverUrl) throw new Error('The suite did not say where PostgreSQL listens');
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${databaseName}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${databaseName}`;
    databaseUrl = url.toString();

    const env = productionEnv(databaseUrl, `production${process.pid}`);
    const init = await runCli(['init', '--province', '330000', '--admin', 'centre-admin'], {
      ...env,
      SCORECARD_ADMIN_PASSWORD: ADMIN_PASSWORD,
    });
    expect(init.stdout).toContain('浙江省 (330000) is ready.');

    processes = await Promise.all([
      startServerProcess('api', 'api', env),
      startServerProcess('worker-1', 'worker', env),
      startServerProcess('worker-2', 'worker', env),
    ]);
    const apiUrl = processes[0].url as string;
    client = createHttpClient(() => apiUrl);
  }, 180_000);

  afterAll(async () => {
    await Promise.all(processes.map((server) => server.stop()));
    const serverUrl = process.env['E2E_DATABASE_URL'];
    if (!serverUrl) return;
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    await admin.end();
  });

  it('serves no demo: no demo logins, no API documents', async () => {
    expect(
      (
        await client.request('POST', '/auth/login', {
          body: { username: 'admin', password: 'demo' },
        })
      ).status,
    ).toBe(401);
    expect((await client.request('GET', '/docs')).status).toBe(404);
    expect((await client.request('GET', '/health')).body).toMatchObject({ status: 'ok' });
  });

  it('lets the init administrator give the city and the county their accounts', async () => {
    const admin = await client.login('centre-admin', ADMIN_PASSWORD);
    const accounts = [
      {
        username: 'hz-review',
        displayName: '杭州市医保中心审核员',
        role: 'city_admin',
        agencyCode: '330100',
      },
      {
        username: 'sc-head',
        displayName: '上城区医保经办负责人',
        role: 'agency_head',
        agencyCode: '330102',
      },
    ];
    for (const account of accounts) {
      const created = await client.request('POST', '/users', {
        token: admin,
        body: { ...account, password: INITIAL_PASSWORD },
      });
      expect(created.status).toBe(201);
      // The owner sets their own password at first login; it is what they log in with from then on.
      await client.firstLogin(account.username, INITIAL_PASSWORD, PASSWORD);
    }
    const periods = (await client.request('GET', '/periods', { token: admin })).body as {
      period: string;
      status: string;
    }[];
    // The months of this year that have ended, newest first, all open.
    expect(periods.length).toBeGreaterThanOrEqual(1);
    expect(periods.every((month) => month.status === 'open')).toBe(true);
    expect(periods.at(-1)?.period.endsWith('-01')).toBe(true);
    period = periods[0].period;
  });

  it("takes a county head's figures and computes them on a worker", async () => {
    const head = await client.login('sc-head', PASSWORD);
    const indicators = (
      await client.request('GET', `/indicators?period=${period}`, { token: head })
    ).body as { code: string }[];
    const values = Object.fromEntries(
      indicators.map((indicator, i) => [indicator.code, { numerator: 90 + i, denominator: 100 }]),
    );
    const saved = await client.request('PUT', `/submissions/${period}/330102`, {
      token: head,
      body: { values },
    });
    expect(saved.status).toBe(200);

    const admin = await client.login('centre-admin', ADMIN_PASSWORD);
    const row = await waitUntil(
      async () => {
        const { body } = await client.request('GET', `/rankings?period=${period}&level=county`, {
          token: admin,
        });
        const found = body.rows.find(
          (candidate: { agencyCode: string }) => candidate.agencyCode === '330102',
        );
        return !body.stale && found?.reported ? found : undefined;
      },
      'the month computed by a worker',
      60_000,
    );
    expect(row.rank).toBe(1);
  });

  it('imports a file uploaded to the API on a worker that shares no disk with it', async () => {
    const [api, ...workers] = processes;
    // Each its own IMPORT_DIR, none inside another's folder: as on separate hosts.
    const folders = processes.map((server) => join(server.workDir, 'imports'));
    expect(new Set(folders).size).toBe(processes.length);
    const head = await client.login('sc-head', PASSWORD);
    const lines = ['机构编码,评价时间,渠道,评价等级'];
    for (let i = 0; i < 40; i++)
      lines.push(
        `330102,${period}-${String((i % 27) + 1).padStart(2, '0')}T10:00:00+08:00,window,${i % 4 === 0 ? 3 : 5}`,
      );
    const form = new FormData();
    form.append('kind', 'ratings');
    // The head typed satisfaction in above and means the file to replace it.
    form.append('replaceTyped', 'true');
    form.append('file', new Blob([`${lines.join('\r\n')}\r\n`]), 'ratings.csv');
    // No worker may take the job before whatever the API kept on its own disk is gone.
    for (const worker of workers) worker.signal('SIGSTOP');
    let jobId: string;
    let importId: string;
    try {
      const response = await fetch(`${api.url}/api/imports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${head}` },
        body: form,
      });
      expect(response.status).toBe(202);
      ({ jobId, importId } = (await response.json()) as { jobId: string; importId: string });
      rmSync(join(api.workDir, 'imports'), { recursive: true, force: true });
    } finally {
      for (const worker of workers) worker.signal('SIGCONT');
    }
    const job = await waitUntil(
      async () => {
        const { body } = await client.request('GET', `/jobs/${jobId}`, { token: head });
        return body.state === 'completed' || body.state === 'failed' ? body : undefined;
      },
      `import job ${jobId}`,
      90_000,
    );
    expect(job).toMatchObject({ state: 'completed', result: { status: 'applied', rows: 40 } });
    // Nothing of the upload is left: not in PostgreSQL, not on the worker that read it.
    const database = new Client({ connectionString: databaseUrl });
    await database.connect();
    try {
      const { rows } = await database.query(
        'SELECT count(*)::int AS count FROM import_upload_chunk WHERE import_id = $1',
        [importId],
      );
      expect(rows[0].count).toBe(0);
    } finally {
      await database.end();
    }
    for (const folder of folders.slice(1))
      expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
    const submission = await client.request('GET', `/submissions/${period}/330102`, {
      token: head,
    });
    expect(submission.body.values.satisfaction).toEqual({ numerator: 30, denominator: 40 });
  });

  it("lets the city review its county's submission", async () => {
    const reviewer = await client.login('hz-review', PASSWORD);
    const approved = await client.request('POST', `/submissions/${period}/330102/approve`, {
      token: reviewer,
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved' });
    const elsewhere = await client.request('POST', `/submissions/${period}/330200/approve`, {
      token: reviewer,
    });
    expect(elsewhere.status).toBe(403);
  });
});
