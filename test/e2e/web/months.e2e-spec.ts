import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../support/browser';
import { api, baseUrl, login } from '../support/http';
import { loginPage } from '../support/web';

describe('month management in the browser (province admin)', () => {
  let browser: Browser;
  let page: Page;
  let oldest: string;
  let versionBefore: number;

  beforeAll(async () => {
    browser = await launchBrowser();
    const token = await login('admin');
    const periods: { period: string; publishedVersion: number }[] = (
      await api('GET', '/periods', { token })
    ).body;
    const first = [...periods].sort((a, b) => a.period.localeCompare(b.period))[0];
    oldest = first?.period ?? '';
    versionBefore = first?.publishedVersion ?? 0;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows completeness by city and the months with their actions', async () => {
    page = await loginPage(browser, 'admin');
    await page.goto(`${baseUrl()}/months`);
    await page.getByTestId('months-table').waitFor();
    await page.getByTestId('completeness-table').waitFor();
    expect(await page.getByTestId('completeness-table').innerText()).toContain('杭州市');
    await page.screenshot({ path: screenshotPath('months-management'), fullPage: true });
  });

  // Skipped until fixed: it fills two inputs inside one message box (see the stop note).
  it.skip('reopens a published month with a reason, force-locks it with a reason and publishes it again', async () => {
    await page.getByTestId(`month-reopen-${oldest}`).click();
    const box = page.locator('.el-message-box:visible');
    await box.locator('input').fill('更正征缴数据');
    await box.getByRole('button', { name: '确定' }).click();
    await page.getByTestId(`month-status-${oldest}`).getByText('采集中').waitFor();

    await page.getByTestId(`month-lock-${oldest}`).click();
    await box.getByRole('button', { name: '确定' }).click();
    // Agencies that never reported that month are neither approved nor waived: the lock asks for a reason.
    const locked = page.getByTestId(`month-status-${oldest}`).getByText('已锁定');
    const forced = box.locator('.el-message-box__title').getByText('强制锁定');
    await locked.or(forced).first().waitFor();
    if (await forced.isVisible()) {
      await box.locator('input').fill('逾期机构已电话确认');
      await box.getByRole('button', { name: '确定' }).click();
    }
    await page.getByTestId(`month-status-${oldest}`).getByText('已锁定').waitFor();

    await page.getByTestId(`month-publish-${oldest}`).click();
    await box.getByRole('button', { name: '确定' }).click();
    await page
      .getByTestId(`month-status-${oldest}`)
      .getByText('已发布')
      .waitFor({ timeout: 60_000 });

    const token = await login('admin');
    const history = (await api('GET', `/periods/${oldest}/history`, { token })).body as {
      action: string;
      reason: string | null;
    }[];
    expect(
      history.some((event) => event.action === 'reopen' && event.reason === '更正征缴数据'),
    ).toBe(true);
    const month = (
      (await api('GET', '/periods', { token })).body as {
        period: string;
        publishedVersion: number;
      }[]
    ).find((p) => p.period === oldest);
    expect(month?.publishedVersion).toBe(versionBefore + 1);
  });
});
