import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../support/browser';
import { api } from '../support/http';
import { loginPage, newest, tokenFor } from '../support/web';

interface Row {
  agencyCode: string;
  name: string;
  rank: number | null;
  reported: boolean;
}

/** The 90 counties of the province as a province admin sees them, on the rankings page. */
describe('the county league table of the rankings page, in the browser', () => {
  let browser: Browser;
  let page: Page;
  let period: string;
  let counties: Row[];

  beforeAll(async () => {
    browser = await launchBrowser();
    const token = await tokenFor('admin');
    period = newest((await api('GET', '/periods', { token })).body, 'published').period;
    counties = (await api('GET', `/rankings?period=${period}&level=county`, { token })).body.rows;
    page = await loginPage(browser, 'admin');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('keeps the chart and the page a readable height, a page of rows at a time', async () => {
    await page.getByTestId('nav-rankings').click();
    await page.getByTestId('level-county').click();
    await page.getByTestId('ranking-table').waitFor();
    const chart = page.getByTestId('ranking-chart');
    await chart.locator('canvas').first().waitFor();
    const chartBox = await chart.boundingBox();
    expect(chartBox?.height).toBeLessThanOrEqual(700);
    const ranked = counties.filter((row) => row.reported).length;
    expect(await page.locator('tr.ranking-row').count()).toBe(Math.min(50, ranked));
    const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(pageHeight).toBeLessThan(3000);
    await page.screenshot({ path: screenshotPath('rankings-counties'), fullPage: true });
  });

  it('keeps the header in view while the rows scroll', async () => {
    const table = page.getByTestId('ranking-table');
    await table.scrollIntoViewIfNeeded();
    await table.locator('.el-table__body-wrapper .el-scrollbar__wrap').evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    const header = table.locator('.el-table__header-wrapper th').first();
    const lastRow = table.locator('tr.ranking-row').last();
    const viewport = page.viewportSize();
    const headerBox = await header.boundingBox();
    const rowBox = await lastRow.boundingBox();
    if (!headerBox || !rowBox || !viewport) throw new Error('table not laid out');
    expect(headerBox.y).toBeGreaterThanOrEqual(0);
    expect(rowBox.y + rowBox.height).toBeLessThanOrEqual(viewport.height + 1);
    expect(headerBox.y).toBeLessThan(rowBox.y);
  });

  it('lists the unreported apart, below the ranked, as 未报送 (n)', async () => {
    const unreported = counties.filter((row) => !row.reported);
    if (unreported.length === 0) return;
    const group = page.getByTestId('unreported-group');
    expect(await group.innerText()).toContain(`未报送 (${unreported.length})`);
    for (const row of unreported) {
      expect(await page.getByTestId(`rank-${row.agencyCode}`).count()).toBe(0);
    }
    expect(await page.getByTestId('league-count').innerText()).toContain(
      `${counties.length - unreported.length} 个机构参与排名`,
    );
  });

  it('pages and searches by name or code, keeping both in the URL so Back returns to them', async () => {
    await page.getByTestId('league-pagination').locator('.el-pager li', { hasText: '2' }).click();
    await page.waitForURL(/[?&]page=2/);
    const byRank = counties
      .filter((row) => row.reported)
      .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0) || a.agencyCode.localeCompare(b.agencyCode));
    const fiftyFirst = byRank[50];
    if (fiftyFirst) await page.getByTestId(`rank-${fiftyFirst.agencyCode}`).waitFor();

    await page.getByTestId('ranking-search').fill('3301');
    await page.waitForURL(/[?&]q=3301/);
    const hangzhou = counties.filter((row) => row.reported && row.agencyCode.startsWith('3301'));
    await expectRows(page, hangzhou.length);
    await page.getByTestId('ranking-search').fill('上城');
    await page.waitForURL(/[?&]q=/);
    await expectRows(page, 1);
    const link = page.getByTestId('agency-link-330102');
    expect(await link.getAttribute('href')).toContain(`/agencies/330102?period=${period}`);

    await link.click();
    await page.waitForURL(/\/agencies\/330102/);
    await page.getByTestId('scorecard-score').waitFor();
    await page.goBack();
    await page.waitForURL(/\/rankings/);
    await page.getByTestId('rank-330102').waitFor();
    expect(await page.getByTestId('ranking-search').inputValue()).toBe('上城');
    await expectRows(page, 1);
    expect(new URL(page.url()).searchParams.get('level')).toBe('county');
  });
});

async function expectRows(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n) => document.querySelectorAll('tr.ranking-row').length === n,
    count,
    { timeout: 10_000 },
  );
}
