import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../support/browser';
import { api, baseUrl, waitUntil } from '../support/http';
import { loginPage, tokenFor } from '../support/web';

/** Answers the newest message box (typing a reason first) and waits until it is gone. */
async function answerBox(page: Page, reason?: string): Promise<void> {
  const box = page.locator('.el-message-box').last();
  await box.waitFor();
  const handle = await box.elementHandle();
  if (reason !== undefined) await box.getByRole('textbox').fill(reason);
  await box.getByRole('button', { name: '确定' }).click();
  await handle?.waitForElementState('hidden');
}

describe('the forced lock and the month history, in one language (province admin)', () => {
  let browser: Browser;
  let month: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const token = await tokenFor('admin');
    const periods: { period: string; status: string }[] = (await api('GET', '/periods', { token }))
      .body;
    month =
      [...periods]
        .sort((a, b) => a.period.localeCompare(b.period))
        .find((p) => p.status === 'published')?.period ?? '';
    expect(month).not.toBe('');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('names the pending agencies in the forced-lock box and words the history', async () => {
    const page = await loginPage(browser, 'admin');
    await page.goto(`${baseUrl()}/months`);
    const status = page.getByTestId(`month-status-${month}`);
    await page.getByTestId(`month-reopen-${month}`).click();
    await answerBox(page, '核对区县征缴数据');
    await status.getByText('采集中').waitFor();

    const token = await tokenFor('admin');
    const agencies: { code: string; name: string }[] = (await api('GET', '/agencies', { token }))
      .body;
    // Agencies that never reported that month are neither approved nor waived: the lock asks why.
    await page.getByTestId(`month-lock-${month}`).click();
    await answerBox(page);
    const box = page.locator('.el-message-box').last();
    await box.locator('.el-message-box__title').getByText('强制锁定').waitFor();
    const text = await box.locator('.el-message-box__message').innerText();
    expect(text).toMatch(/^有 \d+ 个机构尚未审核通过或免报（/);
    expect(agencies.some((agency) => text.includes(agency.name))).toBe(true);
    expect(text).not.toMatch(/\d{6}/);
    expect(text).not.toMatch(/[A-Za-z]/);
    await page.screenshot({ path: screenshotPath('months-forced-lock'), fullPage: false });
    await answerBox(page, '逾期机构已电话确认');
    await status.getByText('已锁定').waitFor();

    const history = page.getByTestId('month-history');
    await history.getByTestId('month-event-force_lock').first().waitFor();
    expect(await history.getByTestId('month-event-force_lock').first().innerText()).toBe(
      '强制锁定',
    );
    expect(await history.getByTestId('month-event-reopen').first().innerText()).toBe('重新开放');
    const words = await history.innerText();
    expect(words).toContain('发布');
    expect(words).toMatch(/第 \d+ 版/);
    expect(words).not.toMatch(/force_lock|reopen|publish\b|\block\b/);

    // English is fetched when first chosen: wait for it rather than read at once.
    await page.getByTestId('lang-en').click();
    await history
      .getByTestId('month-event-force_lock')
      .first()
      .getByText('Locked by force', { exact: true })
      .waitFor();
    await page.getByTestId('lang-zh').click();
    await page.close();

    // Published again, as the other tests expect of this month (whether publishing runs now or queued).
    expect([200, 202]).toContain(
      (await api('POST', `/periods/${month}/publish`, { token })).status,
    );
    await waitUntil(
      async () => {
        const periods: { period: string; status: string }[] = (
          await api('GET', '/periods', { token })
        ).body;
        return periods.find((p) => p.period === month)?.status === 'published' ? true : undefined;
      },
      `${month} published again`,
      60_000,
    );
  });
});
