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
      // "of" counts the ranked; the city's agencies that did not report are said apart.
      const league = (
        await api('GET', `/rankings?period=${period}&level=county&parent=330100`, { token })
      ).body;
      const rows = league.rows as { reported: boolean }[];
      const unreported = rows.filter((row) => !row.reported).length;
      expect(card.ranks.inParent.of).toBe(rows.length - unreported);
      if (unreported > 0) expect(inParent).toContain(`${unreported} 家未报送`);
    }
    // Which average: the peers' average is the province's, and says so.
    expect(await page.getByTestId('gaps-table').innerText()).toContain('距浙江省平均');
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
      // One tile: a city's parent is the province, so a second one would say the same.
      expect(await page.getByTestId('rank-in-parent').count()).toBe(0);
    } else {
      await page.getByTestId('scorecard-unreported').waitFor();
    }
    // Its counties instead: their league, with ranks and grades, linking to each scorecard.
    const league = (
      await api('GET', `/rankings?period=${period}&level=county&parent=330100`, { token })
    ).body;
    const first = league.rows.find((row: { rank: number | null }) => row.rank === 1);
    await page.getByTestId('county-league-table').waitFor();
    const rank = page.getByTestId(`county-rank-${first.agencyCode}`);
    expect(await rank.innerText()).toBe('1');
    await page.getByTestId(`agency-link-${first.agencyCode}`).first().waitFor();
    await page.screenshot({ path: screenshotPath('city-head-my-ranking'), fullPage: true });
    await page.close();
  });
});
