import type { Browser } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../support/browser';
import { api, baseUrl } from '../support/http';
import { loginPage, newest, tokenFor } from '../support/web';

describe('importing a file in the browser (county head)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('uploads by the drop zone, follows the job and lists the rejected rows with a downloadable report', async () => {
    const token = await tokenFor('head-330102');
    const open = newest((await api('GET', '/periods', { token })).body, 'open').period;
    const csv = [
      'period,agency_code,indicator_code,numerator,denominator',
      `${open},330102,first_inquiry,9,10`,
      `${open},330102,collection,120,100`,
      `${open},330102,online_reply,abc,10`,
    ].join('\n');

    const page = await loginPage(browser, 'head-330102');
    await page.goto(`${baseUrl()}/imports`);
    await page.getByTestId('import-kind-submissions').click();
    await page.locator('input[type="file"]').setInputFiles({
      name: 'figures.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-progress').waitFor();
    await page.getByTestId('import-result').waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('import-result').innerText()).toContain('导入未通过');
    const errors = await page.getByTestId('import-errors').innerText();
    expect(errors).toMatch(/\b3\b/);
    expect(errors).toMatch(/\b4\b/);
    await page.screenshot({ path: screenshotPath('import-rejected'), fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('import-errors-download').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    await page.close();
  });
});
