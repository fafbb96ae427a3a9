import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../support/browser';
import { baseUrl } from '../support/http';
import { loginPage } from '../support/web';

describe('published rankings and the bulletin in the browser (staff)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('starts staff on the published league table, with no data entry in the menu', async () => {
    const page = await loginPage(browser, 'staff-330102-1');
    await page.waitForURL(/\/rankings/);
    await page.getByTestId('ranking-table').waitFor();
    expect(await page.getByTestId('nav-entry').count()).toBe(0);
    expect(await page.getByTestId('nav-months').count()).toBe(0);
    await page.getByTestId('nav-my-ranking').click();
    await page.getByTestId('scorecard-score').waitFor();
    await page.close();
  });

  it('shows the printable bulletin and downloads it as a spreadsheet', async () => {
    const page = await loginPage(browser, 'staff-330102-1');
    await page.goto(`${baseUrl()}/bulletin`);
    await page.getByTestId('bulletin-paper').waitFor();
    expect(await page.locator('#bulletin-title').innerText()).toMatch(
      /\d{4} 年 \d{1,2} 月全省医保经办机构对标评价通报/,
    );
    expect(await page.getByTestId('bulletin-cities').innerText()).toContain('杭州市');
    expect(await page.getByTestId('bulletin-counties').innerText()).toContain('上城区');

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.getByTestId('bulletin-print').isVisible()).toBe(false);
    await page.screenshot({ path: screenshotPath('bulletin-print'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('bulletin-xlsx-city').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const path = await download.path();
    expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK');
    await page.close();
  });
});
