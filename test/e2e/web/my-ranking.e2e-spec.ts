import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../support/browser';
import { api } from '../support/http';
import { loginPage, newest, tokenFor } from '../support/web';

describe('"my ranking" in the browser', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('starts a county head on its ranking: badges as the API ranks it, what to improve first, the charts', async () => {
    const page: Page = await loginPage(browser, 'head-330102');
    await page.waitForURL(/\/my-ranking/);
    await page.getByTestId('scorecard-score').waitFor();

    const token = await tokenFor('head-330102');
    const period = newest((await api('GET', '/periods', { token })).body, 'published').period;
    const card = (await api('GET', `/agencies/330102/scorecard?period=${period}`, { token })).body;
    if (card.ranks.inParent.rank != null) {
      const inParent = await page.getByTestId('rank-in-parent').innerText();
      const inLevel = await page.getByTestId('rank-in-level').innerText();
      expect(inParent).toContain(`第 ${card.ranks.inParent.rank} / ${card.ranks.inParent.of} 名`);
      expect(inParent).toContain('杭州市');
      expect(inLevel).toContain(`第 ${card.ranks.inLevel.rank} / ${card.ranks.inLevel.of} 名`);
      expect(inLevel).toContain('浙江省');
    }
    await page.getByTestId('improve-first').waitFor();
    for (const chart of ['bullet-chart', 'radar-chart', 'trend-chart']) {
      await page.getByTestId(chart).locator('canvas').first().waitFor();
    }
    expect(await page.getByTestId('gaps-table').innerText()).toContain('参保人员满意度');
    await page.screenshot({ path: screenshotPath('county-head-my-ranking'), fullPage: true });
    await page.close();
  });

  it('shows a city head its place among the cities', async () => {
    const page = await loginPage(browser, 'head-330100');
    await page.waitForURL(/\/my-ranking/);
    await page.getByTestId('scorecard-score').waitFor();
    const token = await tokenFor('head-330100');
    const period = newest((await api('GET', '/periods', { token })).body, 'published').period;
    const card = (await api('GET', `/agencies/330100/scorecard?period=${period}`, { token })).body;
    if (card.reported) {
      expect(await page.getByTestId('rank-in-level').innerText()).toContain(
        `第 ${card.ranks.inLevel.rank} / 11 名`,
      );
    } else {
      await page.getByTestId('scorecard-unreported').waitFor();
    }
    await page.screenshot({ path: screenshotPath('city-head-my-ranking'), fullPage: true });
    await page.close();
  });
});
