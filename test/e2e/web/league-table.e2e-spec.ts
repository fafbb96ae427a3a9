import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../support/browser';
import { api, baseUrl, login } from '../support/http';

describe('province league table in the browser', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('logs in and shows the cities ranked, with the chart and each city’s rank as the API gives it', async () => {
    const startedAt = Date.now();
    await page.goto(`${baseUrl()}/`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('demo');
    await page.getByTestId('login-submit').click();
    // The province admin starts on the overview; the league table is one click away.
    await page.getByTestId('nav-rankings').click();

    await page.getByTestId('ranking-table').waitFor();
    await page.getByTestId('ranking-chart').locator('canvas').first().waitFor();
    console.log(`login to league table: ${Date.now() - startedAt} ms`);

    // The page opens on the newest published month; compare with the API's ranking of it.
    const token = await login('admin');
    const periods = (await api('GET', '/periods', { token })).body;
    const published = periods.find((period: { status: string }) => period.status === 'published').period;
    const ranking = (await api('GET', `/rankings?period=${published}&level=city&scope=aggregate`, { token })).body;
    const hangzhou = ranking.rows.find((row: { agencyCode: string }) => row.agencyCode === '330100');
    await expectRankShown(page, '330100', String(hangzhou.rank));
    await page.getByText('杭州市').first().waitFor();
    await page.screenshot({ path: screenshotPath('province-league-table-cities'), fullPage: true });
  });

  it('switches to counties and lists the unreported ones (未报送) of the open month below the ranked', async () => {
    await page.getByTestId('level-county').click();
    await page.getByText('上城区').first().waitFor();
    const token = await login('admin');
    const periods = (await api('GET', '/periods', { token })).body;
    const open = periods.find((period: { status: string }) => period.status === 'open');
    await choosePeriod(page, open.period);
    await page.getByText('未报送').first().waitFor();
    await page.screenshot({ path: screenshotPath('province-league-table-counties-open-month'), fullPage: true });
  });
});

async function expectRankShown(page: Page, agencyCode: string, rank: string): Promise<void> {
  const cell = page.getByTestId(`rank-${agencyCode}`);
  await cell.waitFor();
  expect((await cell.innerText()).replace(/\D+/g, '')).toBe(rank);
}

/** Picks a month in the month selector (an Element Plus select showing "YYYY-MM"). */
async function choosePeriod(page: Page, period: string): Promise<void> {
  await page.getByTestId('period-select').click();
  await page.locator('.el-select-dropdown__item').filter({ hasText: period }).first().click();
  await page.waitForLoadState('networkidle');
}
