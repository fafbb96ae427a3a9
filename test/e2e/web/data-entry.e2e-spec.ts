import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../support/browser';
import { api, baseUrl } from '../support/http';
import { loginPage, newest, tokenFor } from '../support/web';

const INDICATORS = [
  'enrollment_expansion',
  'collection',
  'annual_inspection',
  'first_inquiry',
  'ab_post',
  'online_reply',
  'satisfaction',
];

describe('data entry in the browser (county head)', () => {
  let browser: Browser;
  let page: Page;
  let open: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const token = await tokenFor('head-330102');
    open = newest((await api('GET', '/periods', { token })).body, 'open').period;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('checks figures as they are typed and saves them', async () => {
    page = await loginPage(browser, 'head-330102');
    await page.goto(`${baseUrl()}/entry?period=${open}`);
    await page.getByTestId('entry-form').waitFor();
    for (const code of INDICATORS) {
      await page.getByTestId(`entry-${code}-numerator`).fill('80');
      await page.getByTestId(`entry-${code}-denominator`).fill('100');
    }
    // The rules of the API, inline: decimals, negatives, numerator above denominator.
    await page.getByTestId('entry-collection-numerator').fill('12.345');
    expect(await page.getByTestId('entry-error-collection-numerator').innerText()).toBe(
      '最多保留 2 位小数',
    );
    await page.getByTestId('entry-annual_inspection-denominator').fill('-3');
    expect(await page.getByTestId('entry-error-annual_inspection-denominator').innerText()).toBe(
      '不能为负数',
    );
    await page.getByTestId('entry-satisfaction-numerator').fill('101');
    expect(await page.getByTestId('entry-error-satisfaction-numerator').innerText()).toBe(
      '分子不能大于分母',
    );
    // Enrollment expansion may exceed its task.
    await page.getByTestId('entry-enrollment_expansion-numerator').fill('10001');
    await page.getByTestId('entry-enrollment_expansion-denominator').fill('10000');
    expect(await page.getByTestId('entry-error-enrollment_expansion-numerator').innerText()).toBe(
      '',
    );
    await page.screenshot({ path: screenshotPath('data-entry-inline-errors'), fullPage: true });

    await page.getByTestId('entry-collection-numerator').fill('98765.43');
    await page.getByTestId('entry-collection-denominator').fill('100000');
    await page.getByTestId('entry-annual_inspection-denominator').fill('100');
    await page.getByTestId('entry-satisfaction-numerator').fill('90');
    await page.getByTestId('entry-save').click();
    await page.locator('.el-message--success').waitFor();

    const token = await tokenFor('head-330102');
    const saved = (await api('GET', `/submissions/${open}/330102`, { token })).body;
    expect(saved.values.collection).toEqual({ numerator: 98765.43, denominator: 100000 });
    expect(saved.values.enrollment_expansion).toEqual({ numerator: 10001, denominator: 10000 });
    await page.getByTestId('entry-status').getByText(`版本 ${saved.version}`).waitFor();
  });

  it('tells the user when someone else saved in between (409) and reloads on request', async () => {
    const token = await tokenFor('head-330102');
    const current = (await api('GET', `/submissions/${open}/330102`, { token })).body;
    const values = { ...current.values, first_inquiry: { numerator: 7, denominator: 10 } };
    const put = await api('PUT', `/submissions/${open}/330102`, {
      token,
      body: { values, version: current.version },
    });
    expect(put.status).toBe(200);

    await page.getByTestId('entry-ab_post-numerator').fill('5');
    await page.getByTestId('entry-ab_post-denominator').fill('5');
    await page.getByTestId('entry-save').click();
    const dialog = page.locator('.el-message-box');
    await dialog.getByText('数据已被他人修改').waitFor();
    await page.screenshot({ path: screenshotPath('data-entry-conflict'), fullPage: false });
    await dialog.getByRole('button', { name: '重新加载' }).click();
    await page.getByTestId('entry-status').getByText(`版本 ${put.body.version}`).waitFor();
    expect(await page.getByTestId('entry-first_inquiry-numerator').inputValue()).toBe('7');
  });

  it('shows a closed month as read-only', async () => {
    const token = await tokenFor('head-330102');
    const published = newest((await api('GET', '/periods', { token })).body, 'published').period;
    await page.goto(`${baseUrl()}/entry?period=${published}`);
    await page.getByTestId('entry-not-open').waitFor();
    expect(await page.getByTestId('entry-save').isDisabled()).toBe(true);
  });
});
