import type { Browser, Page } from 'playwright-core';
import { workingCalendar } from '@scorecard/scoring';
import { launchBrowser, screenshotPath } from '../support/browser';
import { api, baseUrl } from '../support/http';
import { loginPage, newest, tokenFor } from '../support/web';

describe('working-day calendar in the browser (province admin)', () => {
  let browser: Browser;
  let page: Page;
  let open: { period: string; dueDate: string };
  let year: number;

  const periods = async (): Promise<{ period: string; status: string; dueDate: string }[]> =>
    (await api('GET', '/periods', { token: await tokenFor('admin') })).body;

  beforeAll(async () => {
    browser = await launchBrowser();
    open = newest(await periods(), 'open');
    year = Number(open.dueDate.slice(0, 4));
    const cleared = await api('PUT', `/calendar/${year}`, {
      token: await tokenFor('admin'),
      body: { holidays: [], workdays: [] },
    });
    expect(cleared.status).toBe(200);
  });
  afterAll(async () => {
    // Leave the shared demo as it was for the other browser tests.
    await api('PUT', `/calendar/${year}`, {
      token: await tokenFor('admin'),
      body: { holidays: [], workdays: [] },
    });
    await browser?.close();
  });

  it('marks the open month’s due day a holiday, shows the due date move, and saves it', async () => {
    page = await loginPage(browser, 'admin');
    await page.getByTestId('nav-calendar').click();
    await page.waitForURL((url) => url.pathname === '/calendar');
    await page.goto(`${baseUrl()}/calendar?year=${year}`);
    const due = page.getByTestId(`due-date-${open.period}`);
    await due.getByText(open.dueDate).waitFor();

    const moved = workingCalendar({ holidays: [open.dueDate], workdays: [] }).addWorkingDays(
      open.dueDate,
      1,
    );
    const day = page.getByTestId(`day-${open.dueDate}`);
    expect(await day.getAttribute('data-kind')).toBe('working');
    await day.click();
    expect(await day.getAttribute('data-kind')).toBe('holiday');
    await due.getByText(moved).waitFor();
    await page.getByTestId(`due-${open.period}`).getByText('保存后生效').waitFor();
    // Nothing is stored before saving.
    expect(newest(await periods(), 'open').dueDate).toBe(open.dueDate);

    // A published month keeps the due date it was judged by, even when that day becomes a holiday.
    const published = newest(await periods(), 'published');
    if (published.dueDate.startsWith(String(year))) {
      await page.getByTestId(`day-${published.dueDate}`).click();
      const row = page.getByTestId(`due-${published.period}`);
      await row.getByText('已发布').waitFor();
      expect(await page.getByTestId(`due-date-${published.period}`).innerText()).toContain(
        published.dueDate,
      );
      await page.getByTestId(`day-${published.dueDate}`).click();
    }

    await page.getByTestId('calendar-save').click();
    await page.getByText(`${year} 年工作日历已保存`).waitFor();
    await page.getByTestId('calendar-unsaved').waitFor({ state: 'detached' });
    expect((await periods()).find((month) => month.period === open.period)?.dueDate).toBe(moved);
    const stored = await api('GET', `/calendar/${year}`, { token: await tokenFor('admin') });
    expect(stored.body.holidays).toEqual([open.dueDate]);
    await page.screenshot({ path: screenshotPath('calendar'), fullPage: true });

    // After a reload the page shows what is stored, the moved due date without the draft mark.
    await page.reload();
    await due.getByText(moved).waitFor();
    expect(await page.getByTestId(`due-${open.period}`).getByText('保存后生效').count()).toBe(0);
    expect(await page.getByTestId(`day-${open.dueDate}`).getAttribute('data-kind')).toBe('holiday');
  });

  it('imports a spreadsheet all or nothing: a bad row is named as Excel shows it, a good file replaces the year', async () => {
    await page.goto(`${baseUrl()}/calendar?year=${year}`);
    await page.getByTestId(`due-date-${open.period}`).waitFor();
    const choose = async (name: string, content: string) => {
      await page.getByTestId('calendar-file').setInputFiles({
        name,
        mimeType: 'text/csv',
        buffer: Buffer.from(content, 'utf8'),
      });
      // The year holds a saved holiday already: the page asks before replacing it.
      const box = page.locator('.el-message-box').last();
      await box.waitFor();
      await box.getByRole('button', { name: '导入并替换' }).click();
      await box.waitFor({ state: 'hidden' });
    };

    await choose('坏表.csv', `日期,类型\n${year}-10-01,节假日\n${year}-10-02,休假\n`);
    const errors = page.getByTestId('calendar-import-errors');
    await errors.getByText('第 3 行').waitFor();
    expect(await errors.innerText()).toContain('类型');
    const unchanged = await api('GET', `/calendar/${year}`, { token: await tokenFor('admin') });
    expect(unchanged.body.holidays).toEqual([open.dueDate]);

    await choose(
      '日历.csv',
      `日期,类型\n${year}-10-01,节假日\n${year}-10-02,节假日\n${year}-10-10,调休上班\n`,
    );
    await page.getByText(`已导入 ${year} 年工作日历：节假日 2 天，调休上班 1 天`).waitFor();
    await page.getByTestId('calendar-counts').getByText('节假日 2 天，调休上班 1 天').waitFor();
    expect(await page.getByTestId(`day-${year}-10-10`).getAttribute('data-kind')).toBe('workday');
    // The holiday marked before is gone with the rest of the year: the due date is back.
    await page.getByTestId(`due-date-${open.period}`).getByText(open.dueDate).waitFor();
  });

  it('fits a 390 px wide phone screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl()}/calendar?year=${year}`);
    await page.getByTestId(`due-date-${open.period}`).waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('calendar-390'), fullPage: false });
  });

  it('offers no calendar to an agency head, not even by its address', async () => {
    const head = await loginPage(browser, 'head-330102');
    expect(await head.getByTestId('nav-calendar').count()).toBe(0);
    await head.goto(`${baseUrl()}/calendar`);
    await head.waitForURL((url) => url.pathname !== '/calendar');
    await head.close();
  });
});
