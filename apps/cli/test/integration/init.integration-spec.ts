import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { periodOf, shiftPeriod } from '@scorecard/scoring';
import { createTestDatabase } from '@scorecard/server-testing';

const ROOT = resolve(__dirname, '../../../..');
const CLI = join(ROOT, 'dist/apps/cli/apps/cli/src/main.js');
const PASSWORD = 'Zhejiang-2026!';

/** `scorecard init` as an operator runs it: the built command, in production mode. */
describe('scorecard init', () => {
  let database: { url: string; drop(): Promise<void> };
  let client: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new Client({ connectionString: database.url });
  });
  afterAll(async () => {
    await client.end().catch(() => undefined);
    await database.drop();
  });

  async function init(args: string[], env: Record<string, string> = {}) {
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], {
        cwd: ROOT,
        env: {
          PATH: process.env['PATH'] ?? '',
          NODE_ENV: 'production',
          DATABASE_URL: database.url,
          REDIS_URL: process.env['SCORECARD_TEST_REDIS_URL'] ?? '',
          JWT_SECRET: 'an-operator-secret-of-more-than-32-characters',
          SCORECARD_ADMIN_PASSWORD: PASSWORD,
          ...env,
        },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  it('refuses a weak administrator password in one sentence, writing nothing', async () => {
    const run = await init(['init', '--province', '330000', '--admin', 'zj-admin'], {
      SCORECARD_ADMIN_PASSWORD: 'short',
    });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('SCORECARD_ADMIN_PASSWORD must be at least 10 characters');
    await client.connect();
    expect((await client.query('SELECT count(*)::int AS n FROM agency')).rows[0].n).toBe(0);
  });

  it("sets up the province's agencies, scheme, administrator and the months of the year that have ended", async () => {
    const run = await init(['init', '--province', '330000', '--admin', 'zj-admin']);
    expect(run).toMatchObject({ code: 0 });
    expect(run.stdout).toContain('浙江省 (330000) is ready.');
    const levels = await client.query(
      'SELECT level, count(*)::int AS n FROM agency GROUP BY level ORDER BY level',
    );
    expect(Object.fromEntries(levels.rows.map((row) => [row.level, row.n]))).toEqual({
      province: 1,
      city: 11,
      county: 90,
    });
    const admin = await client.query('SELECT role, agency_code, is_demo, disabled FROM app_user');
    expect(admin.rows).toEqual([
      { role: 'province_admin', agency_code: '330000', is_demo: false, disabled: false },
    ]);
    expect((await client.query('SELECT count(*)::int AS n FROM scheme_indicator')).rows[0].n).toBe(
      7,
    );
    // Every month of the year that has ended, open for its figures.
    const last = shiftPeriod(periodOf(new Date()), -1);
    const expected = Array.from(
      { length: Number(last.slice(5)) },
      (_, i) => `${last.slice(0, 4)}-${String(i + 1).padStart(2, '0')}`,
    );
    const months = await client.query(`SELECT period, status FROM period ORDER BY period`);
    expect(months.rows).toEqual(expected.map((period) => ({ period, status: 'open' })));
    expect(run.stdout).toContain(`months opened: ${expected.join(', ')}`);
    const audit = await client.query(
      `SELECT action, username FROM audit_log WHERE action = 'province.init'`,
    );
    expect(audit.rows).toEqual([{ action: 'province.init', username: 'system' }]);
  });

  it("changes nothing when run again, and keeps the administrator's password", async () => {
    const hashBefore = (await client.query('SELECT password_hash FROM app_user')).rows[0]
      .password_hash;
    const run = await init(['init', '--province', '33', '--admin', 'zj-admin'], {
      SCORECARD_ADMIN_PASSWORD: 'Another-Password-9',
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('agencies added: 0');
    expect(run.stdout).toContain('already there (password unchanged)');
    expect((await client.query('SELECT count(*)::int AS n FROM agency')).rows[0].n).toBe(102);
    expect((await client.query('SELECT password_hash FROM app_user')).rows[0].password_hash).toBe(
      hashBefore,
    );
    expect(
      (
        await client.query(
          `SELECT count(*)::int AS n FROM audit_log WHERE action = 'province.init'`,
        )
      ).rows[0].n,
    ).toBe(1);
  });

  it('refuses a second province, an unknown code and a missing option', async () => {
    const other = await init(['init', '--province', '320000', '--admin', 'js-admin']);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('already serves 浙江省 (330000)');
    const unknown = await init(['init', '--province', '990000', '--admin', 'x-admin']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe('No province has the code 990000');
    const missing = await init(['init', '--province', '330000']);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe('init needs --province <code> and --admin <username>');
    expect((await client.query('SELECT count(*)::int AS n FROM app_user')).rows[0].n).toBe(1);
  });
});
