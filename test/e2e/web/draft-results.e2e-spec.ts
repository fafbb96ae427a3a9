import type { Browser } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../support/browser';
import { api, baseUrl } from '../support/http';
import { loginPage, newest, tokenFor } from '../support/web';

describe('draft results in the browser', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows a county head its figures but no score or rank of a month not yet published', async () => {
    const admin = await tokenFor('admin');
    const open = newest((await api('GET', '/periods', { token: admin })).body, 'open').period;
    const counties = (await api('GET', `/rankings?period=${open}&level=county`, { token: admin }))
      .body.rows;
    const reported = counties.find((row: { reported: boolean }) => row.reported) as {
      agencyCode: string;
    };

    const page = await loginPage(browser, `head-${reported.agencyCode}`);
    await page.goto(`${baseUrl()}/my-ranking?period=${open}`);
    await page.getByTestId('scorecard-unpublished').waitFor();
    expect(await page.getByTestId('scorecard-score').innerText()).not.toMatch(/\d/);
    expect(await page.getByTestId('rank-in-level').count()).toBe(0);
    expect(await page.getByTestId('gaps-table').innerText()).toContain('参保人员满意度');
    await page.screenshot({ path: screenshotPath('county-head-draft-month'), fullPage: true });
    await page.close();
  });
});
