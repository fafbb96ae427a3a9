import { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { createHttpClient } from '@scorecard/server-testing';
import { launchBrowser, screenshotPath } from '../support/browser';
import { type ExtraApi, startExtraApi } from '../support/extra-api';

const DATABASE = `national_e2e_${process.pid}`;

/**
 * The national demo in the browser: a second API on a database of its own, loaded with
 * SCORECARD_DEMO=national (浙江, 广东 and 海南, whose 460400 儋州 has no counties), and the national
 * administrator's league table of their counties ranked nationally. The times are printed, not
 * asserted (the machine is shared).
 */
describe('national league table in the browser', () => {
  let browser: Browser;
  let page: Page;
  let server: ExtraApi;
  let admin: Client;

  beforeAll(async () => {
    const adminUrl = process.env['E2E_DATABASE_URL'];
    if (!adminUrl) throw new Error('The suite did not say where PostgreSQL listens');
    admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${DATABASE}`);
    const url = new URL(adminUrl);
    url.pathname = `/${DATABASE}`;
    const startedAt = Date.now();
    server = await startExtraApi(
      'national',
      {
        DATABASE_URL: url.toString(),
        SCORECARD_DEMO: 'national',
        // Three provinces keep the suite quick; the whole country's table is timed by `npm run bench`.
        SCORECARD_DEMO_PROVINCES: '33,44,46',
        // Its jobs stay its own: the suite's worker serves the province demo's database.
        QUEUE_PREFIX: `national-e2e-${process.pid}`,
      },
      { readyTimeoutMs: 240_000 },
    );
    console.log(
      `API ready with the national demo: ${((Date.now() - startedAt) / 1000).toFixed(1)} s`,
    );
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await admin?.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`).catch(() => undefined);
    await admin?.end();
  });

  it('shows the national administrator the counties of every province, ranked nationally', async () => {
    const http = createHttpClient(() => server.url);
    const token = await http.login('nation');
    const periods = (await http.request('GET', '/periods', { token })).body as {
      period: string;
      status: string;
    }[];
    const published = periods.filter((month) => month.status === 'published').at(-1)
      ?.period as string;
    const ranking = (
      await http.request('GET', `/rankings?period=${published}&level=county`, { token })
    ).body;
    const first = ranking.rows[0];
    expect(
      new Set(ranking.rows.map((row: { agencyCode: string }) => row.agencyCode.slice(0, 2))),
    ).toEqual(new Set(['33', '44', '46']));
    expect(first.rank).toBe(1);

    await page.goto(`${server.url}/`);
    await page.getByTestId('login-username').fill('nation');
    await page.getByTestId('login-password').fill('demo');
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));

    const startedAt = Date.now();
    await page.goto(`${server.url}/rankings?period=${published}&level=county`);
    const rank = page.getByTestId(`rank-${first.agencyCode}`);
    await rank.waitFor();
    const renderedMs = Date.now() - startedAt;
    console.log(
      `national county league table (${ranking.rows.length} rows) shown in ${renderedMs} ms`,
    );
    expect(await rank.getAttribute('data-rank')).toBe('1');
    const count = await page.getByTestId('league-count').innerText();
    expect(count.replace(/,/g, '')).toContain(
      String(ranking.rows.filter((row: { reported: boolean }) => row.reported).length),
    );
    await page.screenshot({
      path: screenshotPath('national-league-table-counties'),
      fullPage: true,
    });

    // The overview's headline rates are the nation's own (全国), not those of the first province.
    const nationRow = (
      await http.request('GET', `/rankings?period=${published}&level=nation`, { token })
    ).body.rows[0];
    expect(nationRow.agencyCode).toBe('000000');
    const satisfaction = `${(nationRow.indicators.satisfaction.rate * 100).toFixed(2)} %`;
    await page.goto(`${server.url}/overview?period=${published}`);
    await page.getByTestId('kpi-satisfaction').filter({ hasText: satisfaction }).waitFor();

    // The first county's scorecard places it in the nation as well as in its province.
    const ranked = ranking.rows.filter((row: { rank: number | null }) => row.rank !== null).length;
    await page.goto(`${server.url}/agencies/${first.agencyCode}?period=${published}`);
    await page
      .getByTestId('rank-in-nation')
      .filter({ hasText: `第 1 / ${ranked} 名` })
      .waitFor();
    expect(await page.getByTestId('rank-in-nation').innerText()).toContain('在全国');
    await page.screenshot({ path: screenshotPath('national-scorecard-county'), fullPage: true });
  });
});
