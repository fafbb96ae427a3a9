import type { Browser } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../support/browser';
import { baseUrl } from '../support/http';
import { loginPage } from '../support/web';

describe('the job queue dashboard in the browser', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens the queue dashboard for the province admin from the 任务队列 page', async () => {
    const page = await loginPage(browser, 'admin');
    await page.getByRole('link', { name: '任务队列' }).click();
    await page.getByTestId('queues-page').waitFor();
    const [board] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByTestId('open-queue-board').click(),
    ]);
    await board.waitForURL((url) => url.pathname.startsWith('/api/operations/queues'));
    for (const queue of ['import', 'aggregate', 'schedule']) {
      await board.getByText(queue, { exact: true }).first().waitFor({ timeout: 30_000 });
    }
    await board.screenshot({ path: screenshotPath('province-queue-dashboard'), fullPage: true });
    await board.close();
    await page.close();
  });

  it('offers a county head no queue page, and the dashboard refuses a browser without the session', async () => {
    const page = await loginPage(browser, 'head-330102');
    await page.waitForURL((url) => url.pathname === '/my-ranking');
    expect(await page.getByRole('link', { name: '任务队列' }).count()).toBe(0);
    await page.goto(`${baseUrl()}/queues`);
    await page.waitForURL((url) => url.pathname === '/my-ranking');

    const answer = await page.goto(`${baseUrl()}/api/operations/queues/`);
    expect(answer?.status()).toBe(401);
    expect(await page.locator('body').innerText()).toContain('任务队列');
    await page.close();
  });
});
