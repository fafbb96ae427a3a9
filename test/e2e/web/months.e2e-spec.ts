import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../support/browser';
import { api, baseUrl } from '../support/http';
import { loginPage, tokenFor } from '../support/web';

describe('month management in the browser (province admin)', () => {
  let browser: Browser;
  let page: Page;
  let oldest: string;
  let versionBefore: number;

  beforeAll(async () => {
    browser = await launchBrowser();
    const token = await tokenFor('admin');
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

  it('reopens a published month with a reason, force-locks it with a reason and publishes it again', async () => {
    const status = page.getByTestId(`month-status-${oldest}`);
    await page.getByTestId(`month-reopen-${oldest}`).click();
    await answerBox(page, '更正征缴数据');
    await status.getByText('采集中').waitFor();

    await page.getByTestId(`month-lock-${oldest}`).click();
    await answerBox(page);
    // Agencies that never reported that month are neither approved nor waived: the lock asks for a reason.
    const forced = page.locator('.el-message-box__title').getByText('强制锁定');
    await status.getByText('已锁定').or(forced).first().waitFor();
    if (await forced.isVisible()) await answerBox(page, '逾期机构已电话确认');
    await status.getByText('已锁定').waitFor();

    await page.getByTestId(`month-publish-${oldest}`).click();
    await answerBox(page);
    // Publishing runs as a job: its progress shows, then its state once done.
    await page.getByTestId('month-job').waitFor();
    await page.getByTestId('month-job-state').getByText('已完成').waitFor({ timeout: 60_000 });
    await status.getByText('已发布').waitFor({ timeout: 60_000 });

    const token = await tokenFor('admin');
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

/**
 * Answers the newest message box (typing a reason into a prompt first) and waits until it is gone,
 * so the next box is never confused with one still fading out.
 */
async function answerBox(page: Page, reason?: string): Promise<void> {
  const box = page.locator('.el-message-box').last();
  await box.waitFor();
  const handle = await box.elementHandle();
  if (reason !== undefined) await box.getByRole('textbox').fill(reason);
  await box.getByRole('button', { name: '确定' }).click();
  await handle?.waitForElementState('hidden');
}
