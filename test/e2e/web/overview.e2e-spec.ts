import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../support/browser';
import { api, baseUrl } from '../support/http';
import { loginPage, newest, tokenFor } from '../support/web';

describe('province overview in the browser (province admin)', () => {
  let browser: Browser;
  let page: Page;
  let published: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const token = await tokenFor('admin');
    published = newest((await api('GET', '/periods', { token })).body, 'published').period;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('starts the province admin on the overview: KPI tiles, league table, heatmap and distribution', async () => {
    page = await loginPage(browser, 'admin');
    await page.waitForURL(/\/overview/);
    await page.getByTestId('league-table').waitFor();
    await page.getByTestId('kpi-satisfaction').waitFor();
    await page.getByTestId('score-heatmap').locator('canvas').first().waitFor();
    await page.getByTestId('score-distribution').locator('canvas').first().waitFor();

    // The KPI tile shows the province rate the API gives, as a percentage with 2 decimals.
    const token = await tokenFor('admin');
    const province = (
      await api('GET', `/rankings?period=${published}&level=province&scope=aggregate`, { token })
    ).body;
    const rate = province.rows[0].indicators.satisfaction.rate as number;
    const expected = `${(Math.round(rate * 10000) / 100).toFixed(2)} %`;
    expect(await page.getByTestId('kpi-satisfaction').innerText()).toContain(expected);

    const cities = (
      await api('GET', `/rankings?period=${published}&level=city&scope=aggregate`, { token })
    ).body;
    const hangzhou = cities.rows.find((row: { agencyCode: string }) => row.agencyCode === '330100');
    expect(await page.getByTestId('league-rank-330100').innerText()).toBe(String(hangzhou.rank));
    // Traffic-light cells carry a symbol as well as a colour.
    const cell = page.getByTestId('cell-330100-satisfaction');
    expect(await cell.getAttribute('aria-label')).toMatch(/达标|未达标|低于底线/);
    await page.screenshot({ path: screenshotPath('province-overview'), fullPage: true });
  });

  it('searches, shows the top N, and sorts by a column from the keyboard', async () => {
    await page.getByTestId('overview-search').fill('宁波');
    await page.waitForURL(/q=/);
    await page.getByTestId('agency-330200').waitFor();
    expect(await page.getByTestId('agency-330100').count()).toBe(0);
    await page.getByTestId('overview-search').fill('');
    await page.getByTestId('agency-330100').waitFor();

    await page.getByTestId('overview-show').click();
    await page.locator('.el-select-dropdown__item').filter({ hasText: '前 10 名' }).first().click();
    await page.waitForURL(/show=top/);
    const scoreHeader = page.getByRole('button', { name: /按“综合得分”排序/ });
    await scoreHeader.focus();
    await page.keyboard.press('Enter');
    expect(await scoreHeader.getAttribute('aria-pressed')).toBe('true');
  });

  it('drills from a city to its counties, opens the figures behind a cell, and goes back by the breadcrumb', async () => {
    await page.goto(page.url().replace(/\?.*$/, `?period=${published}`));
    await page.getByTestId('agency-330100').click();
    await page.waitForURL(/parent=330100/);
    await page.getByTestId('crumb-city').waitFor();
    await page.getByTestId('agency-330102').waitFor();

    await page.getByTestId('cell-330102-satisfaction').click();
    const drawer = page.locator('.el-drawer');
    await drawer.getByTestId('inputs-submitted-by').waitFor();
    const token = await tokenFor('admin');
    const submission = (await api('GET', `/submissions/${published}/330102`, { token })).body;
    expect(await drawer.getByTestId('inputs-submitted-by').innerText()).toBe(
      submission.submittedBy,
    );
    expect(await drawer.getByTestId('inputs-version').innerText()).toBe(String(submission.version));
    expect(await drawer.getByTestId('inputs-formula').innerText()).toContain('权重 20');
    await page.screenshot({ path: screenshotPath('overview-cell-inputs'), fullPage: false });
    await page.keyboard.press('Escape');

    await page.getByTestId('crumb-province').click();
    await page.waitForURL((url) => !url.search.includes('parent='));
    await page.getByTestId('agency-330200').waitFor();
  });

  it('approves a county’s figures of the open month from the cell (city review)', async () => {
    const token = await tokenFor('admin');
    const open = newest((await api('GET', '/periods', { token })).body, 'open').period;
    const counties = (
      await api('GET', `/rankings?period=${open}&level=county&parent=330100&scope=aggregate`, {
        token,
      })
    ).body;
    const county = counties.rows.find((row: { reported: boolean }) => row.reported).agencyCode;
    await page.goto(`${baseUrl()}/overview?period=${open}&parent=330100`);
    await page.getByTestId(`cell-${county}-collection`).click();
    const drawer = page.locator('.el-drawer');
    await drawer.getByTestId('inputs-approve').click();
    await page.locator('.el-message--success').waitFor();
    const submission = (await api('GET', `/submissions/${open}/${county}`, { token })).body;
    expect(submission.status).toBe('approved');
    expect(await drawer.getByTestId('inputs-origin').innerText()).toBe('表单填报');
    await page.keyboard.press('Escape');
  });

  it('opens an agency scorecard from the table and switches the page to English', async () => {
    await page.goto(`${baseUrl()}/overview?period=${published}`);
    await page.getByTestId('scorecard-330100').click();
    await page.waitForURL(/\/agencies\/330100/);
    await page.getByTestId('rank-in-level').waitFor();
    await page.getByTestId('lang-en').click();
    await page.getByText('Composite score').first().waitFor();
    await page.getByTestId('lang-zh').click();
  });
});
