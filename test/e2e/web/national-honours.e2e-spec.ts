import type { Browser, Page } from 'playwright-core';
import { createHttpClient } from '@scorecard/server-testing';
import { launchBrowser, screenshotPath } from '../support/browser';
import { type ExtraApi, startExtraApi } from '../support/extra-api';
import { type OwnDatabase, createOwnDatabase } from '../support/own-database';
import { loginPage } from '../support/web';

const DATABASE = `national_honours_e2e_${process.pid}`;

interface Roll {
  agencies: { agencyCode: string; level: string }[];
  stars: unknown[];
}

/**
 * The honour roll of a national tree in the browser (national demo, three provinces): the national
 * administrator compares the provinces and picks one province's roll; a province's administrator
 * reads its own province's, with nothing to pick.
 */
describe('the honour roll per province in the browser', () => {
  let browser: Browser;
  let server: ExtraApi;
  let database: OwnDatabase;

  beforeAll(async () => {
    database = await createOwnDatabase(DATABASE);
    server = await startExtraApi(
      'national-honours',
      {
        DATABASE_URL: database.url,
        SCORECARD_DEMO: 'national',
        SCORECARD_DEMO_PROVINCES: '33,44,46',
        QUEUE_PREFIX: `national-honours-e2e-${process.pid}`,
      },
      { readyTimeoutMs: 240_000 },
    );
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
  });

  const loginAs = (username: string, width = 1440): Promise<Page> =>
    loginPage(browser, username, 'zh-CN', { url: server.url, width });

  it('lets the national admin pick a province, and shows a province admin its own roll', async () => {
    const http = createHttpClient(() => server.url);
    const rollOf = async (username: string, province?: string) =>
      (
        await http.request('GET', `/honours?year=2026${province ? `&province=${province}` : ''}`, {
          token: await http.login(username),
        })
      ).body as Roll;
    const guangdongRoll = await rollOf('admin-440000');
    const counties = guangdongRoll.agencies.filter((agency) => agency.level === 'county');
    expect(counties.length).toBeGreaterThan(0);

    // The nation: the provinces compared by default, then Guangdong's roll when picked.
    const nation = await loginAs('nation');
    await nation.goto(`${server.url}/honours?year=2026`);
    await nation.getByTestId('honours-provinces').waitFor();
    expect(await nation.getByTestId('honours-province').inputValue()).toBe('');
    expect(await nation.getByTestId('honours-counties').count()).toBe(0);
    const provincesRoll = await rollOf('nation');
    expect(
      await nation
        .locator('[data-testid^="honour-"][data-testid$="0000"]:not([data-testid^="honour-star-"])')
        .count(),
    ).toBe(provincesRoll.agencies.length);
    await nation.getByTestId('honours-province').selectOption('440000');
    await nation.waitForURL((address) => address.searchParams.get('province') === '440000');
    await nation.getByTestId(`honour-${counties[0].agencyCode}`).waitFor();
    expect(await nation.locator('[data-testid^="honour-4"]').count()).toBe(
      guangdongRoll.agencies.length,
    );
    expect(await nation.locator('[data-testid^="honour-3"]').count()).toBe(0);
    await nation.screenshot({ path: screenshotPath('honours-nation-guangdong'), fullPage: true });
    await nation.close();

    // Guangdong's administrator: its own roll, no province to pick, usable on a phone.
    const guangdong = await loginAs('admin-440000', 390);
    await guangdong.goto(`${server.url}/honours?year=2026`);
    await guangdong.getByTestId(`honour-${counties[0].agencyCode}`).waitFor();
    expect(await guangdong.getByTestId('honours-province').count()).toBe(0);
    expect(await guangdong.locator('[data-testid^="honour-4"]').count()).toBe(
      guangdongRoll.agencies.length,
    );
    expect(await guangdong.locator('[data-testid^="honour-3"]').count()).toBe(0);
    const width = await guangdong.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await guangdong.screenshot({
      path: screenshotPath('honours-guangdong-phone'),
      fullPage: false,
    });
    await guangdong.close();
  });
});
