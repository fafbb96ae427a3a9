import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../support/browser';
import { api, baseUrl } from '../support/http';
import { newest, tokenFor } from '../support/web';

const INDICATORS = [
  'enrollment_expansion',
  'collection',
  'annual_inspection',
  'first_inquiry',
  'ab_post',
  'online_reply',
  'satisfaction',
];

interface Period {
  period: string;
  status: string;
  dueDate: string;
}

/** Logs in on a page whose clock reads `at` (the browser's own clock; the server keeps real time). */
async function loginAt(browser: Browser, username: string, at?: Date): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
  if (at) await page.clock.setFixedTime(at);
  await page.goto(`${baseUrl()}/`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('demo');
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}

describe('the data entry form in the browser: money, 0/0 and the due date', () => {
  let browser: Browser;
  let open: Period;

  beforeAll(async () => {
    browser = await launchBrowser();
    const token = await tokenFor('admin');
    open = newest((await api('GET', '/periods', { token })).body as Period[], 'open');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows saved amounts with two decimals and 0 / 0 as not applicable, not as an error', async () => {
    const page = await loginAt(browser, 'head-330106');
    await page.goto(`${baseUrl()}/entry?period=${open.period}`);
    await page.getByTestId('entry-form').waitFor();
    expect(await page.getByTestId('entry-due-date').innerText()).toContain(open.dueDate);
    for (const code of INDICATORS) {
      await page.getByTestId(`entry-${code}-numerator`).fill('80');
      await page.getByTestId(`entry-${code}-denominator`).fill('100');
    }
    await page.getByTestId('entry-collection-numerator').fill('950.50');
    await page.getByTestId('entry-collection-denominator').fill('1000.00');
    await page.getByTestId('entry-annual_inspection-numerator').fill('0');
    await page.getByTestId('entry-annual_inspection-denominator').fill('0');
    const rate = await page.getByTestId('entry-rate-annual_inspection').innerText();
    expect(rate).toContain('不适用');
    expect(rate).toContain('不计入综合得分');
    for (const field of ['numerator', 'denominator']) {
      expect(await page.getByTestId(`entry-error-annual_inspection-${field}`).innerText()).toBe('');
    }
    await page.getByTestId('entry-save').click();
    await page.locator('.el-message--success').waitFor();

    await page.reload();
    await page.getByTestId('entry-form').waitFor();
    await page.getByTestId('entry-status').getByText('版本').waitFor();
    expect(await page.getByTestId('entry-collection-numerator').inputValue()).toBe('950.50');
    expect(await page.getByTestId('entry-collection-denominator').inputValue()).toBe('1000.00');
    expect(await page.getByTestId('entry-rate-annual_inspection').innerText()).toContain('不适用');
    await page.screenshot({ path: screenshotPath('data-entry-money-and-not-applicable') });
    await page.close();
  });

  it('warns an agency that has not submitted once the due date has passed', async () => {
    const token = await tokenFor('admin');
    const counties = (await api('GET', `/rankings?period=${open.period}&level=county`, { token }))
      .body.rows as { agencyCode: string; reported: boolean }[];
    const late = counties.find(
      (row) => !row.reported && !['330102', '330105', '330106'].includes(row.agencyCode),
    );
    if (!late) throw new Error(`every county reported ${open.period}`);
    // The day after the due date, at noon in Shanghai.
    const dayAfter = new Date(`${open.dueDate}T12:00:00+08:00`);
    dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);

    const page = await loginAt(browser, `head-${late.agencyCode}`, dayAfter);
    await page.goto(`${baseUrl()}/entry?period=${open.period}`);
    await page.getByTestId('entry-form').waitFor();
    const banner = page.getByTestId('entry-overdue');
    await banner.waitFor();
    expect(await banner.innerText()).toContain(open.dueDate);
    await page.screenshot({ path: screenshotPath('data-entry-overdue') });
    await page.close();

    // On the due date itself, nothing is overdue yet.
    const onTime = await loginAt(
      browser,
      `head-${late.agencyCode}`,
      new Date(`${open.dueDate}T12:00:00+08:00`),
    );
    await onTime.goto(`${baseUrl()}/entry?period=${open.period}`);
    await onTime.getByTestId('entry-due-date').waitFor();
    expect(await onTime.getByTestId('entry-overdue').count()).toBe(0);
    await onTime.close();
  });
});
