import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { createTestDatabase } from '@scorecard/server-testing';
import { knownProvinces, loadProvinceDivisions } from '@scorecard/server-provisioning';

const ROOT = resolve(__dirname, '../../../..');
const CLI = join(ROOT, 'dist/apps/cli/apps/cli/src/main.js');
const PASSWORD = 'Nation-2026-admin!';

/** `scorecard init --nation` as an operator runs it: the built command, in production mode. */
describe('scorecard init --nation', () => {
  let database: { url: string; drop(): Promise<void> };
  let client: Client;
  // What the package gives for each province once its traps are handled.
  const expected = knownProvinces().flatMap((province) => loadProvinceDivisions(province.code));
  const countOf = (level: string) => expected.filter((agency) => agency.level === level).length;

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new Client({ connectionString: database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end().catch(() => undefined);
    await database.drop();
  });

  async function init(args: string[]) {
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
        },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  async function levelCounts(): Promise<Record<string, number>> {
    const levels = await client.query(
      'SELECT level::text AS level, count(*)::int AS n FROM agency GROUP BY level',
    );
    return Object.fromEntries(levels.rows.map((row) => [row.level, row.n]));
  }

  it('loads every province, city and county of the package under 000000 全国, with the national administrator', async () => {
    const run = await init(['init', '--nation', '--admin', 'nation-admin']);
    expect(run).toMatchObject({ code: 0 });
    expect(run.stdout).toContain('全国 (000000) is ready.');
    expect(run.stdout).toContain(`agencies added: ${expected.length + 1}`);
    expect(countOf('province')).toBe(31);
    expect(await levelCounts()).toEqual({
      nation: 1,
      province: 31,
      city: countOf('city'),
      county: countOf('county'),
    });
    const root = await client.query(
      `SELECT code, name, parent_code FROM agency WHERE level = 'nation'`,
    );
    expect(root.rows).toEqual([{ code: '000000', name: '全国', parent_code: null }]);
    const provinceParents = await client.query(
      `SELECT DISTINCT parent_code FROM agency WHERE level = 'province'`,
    );
    expect(provinceParents.rows).toEqual([{ parent_code: '000000' }]);
    // The cities without counties appear once, as cities.
    const once = await client.query(
      `SELECT code, level::text AS level FROM agency WHERE code IN ('441900', '442000', '460400') ORDER BY code`,
    );
    expect(once.rows).toEqual([
      { code: '441900', level: 'city' },
      { code: '442000', level: 'city' },
      { code: '460400', level: 'city' },
    ]);
    const groupings = await client.query(
      `SELECT count(*)::int AS n FROM agency
        WHERE level = 'city' AND name IN ('市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划')`,
    );
    expect(groupings.rows[0].n).toBe(0);
    const admin = await client.query('SELECT username, role, agency_code, is_demo FROM app_user');
    expect(admin.rows).toEqual([
      { username: 'nation-admin', role: 'national_admin', agency_code: '000000', is_demo: false },
    ]);
    expect((await client.query('SELECT count(*)::int AS n FROM scheme_indicator')).rows[0].n).toBe(
      7,
    );
    expect((await client.query(`SELECT count(*)::int AS n FROM period`)).rows[0].n).toBeGreaterThan(
      0,
    );
  });

  it('changes nothing when run again', async () => {
    const before = await client.query(
      `SELECT (SELECT count(*) FROM agency)::int AS agencies, (SELECT count(*) FROM period)::int AS periods,
              (SELECT password_hash FROM app_user) AS hash`,
    );
    const run = await init(['init', '--nation', '--admin', 'nation-admin']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('agencies added: 0');
    expect(run.stdout).toContain('already there (password unchanged)');
    const after = await client.query(
      `SELECT (SELECT count(*) FROM agency)::int AS agencies, (SELECT count(*) FROM period)::int AS periods,
              (SELECT password_hash FROM app_user) AS hash`,
    );
    expect(after.rows).toEqual(before.rows);
    const audit = await client.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'nation.init'`,
    );
    expect(audit.rows[0].n).toBe(1);
  });

  it('refuses to set up one province in a national database, and both options at once', async () => {
    const province = await init(['init', '--province', '330000', '--admin', 'zj-admin']);
    expect(province.code).toBe(1);
    expect(province.stderr.trim()).toBe(
      'This database already serves 全国 (000000); it cannot also be set up for 浙江省',
    );
    const both = await init(['init', '--nation', '--province', '33', '--admin', 'x-admin']);
    expect(both.code).toBe(1);
    expect(both.stderr.trim()).toBe('init takes either --province <code> or --nation, not both');
    expect((await client.query('SELECT count(*)::int AS n FROM app_user')).rows[0].n).toBe(1);
  });
});
