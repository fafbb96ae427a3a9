import type { Browser } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../support/browser';
import { api } from '../support/http';
import { loginPage, newest, tokenFor } from '../support/web';

interface Honoured {
  agencyCode: string;
  name: string;
  level: string;
  score: number;
}

describe('the honour roll (荣誉榜) in the browser', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is in every role’s menu and shows the year’s agencies graded 优秀 and 良好 and its stars, on a phone too', async () => {
    const token = await tokenFor('staff-330102-1');
    const year = newest((await api('GET', '/periods', { token })).body, 'published').period.slice(0, 4);
    const roll = (await api('GET', `/honours?year=${year}`, { token })).body as {
      agencies: Honoured[];
      stars: { period: string; agencyCode: string; name: string }[];
    };

    for (const username of ['admin', 'city-330100', 'head-330102']) {
      const page = await loginPage(browser, username);
      await page.getByTestId('nav-honours').waitFor();
      await page.close();
    }

    const page = await loginPage(browser, 'staff-330102-1');
    await page.getByTestId('nav-honours').click();
    await page.waitForURL((url) => url.pathname === '/honours' && url.searchParams.get('year') === year);
    await page.getByTestId('honours-counties').waitFor();
    expect(await page.getByTestId('honours-year').inputValue()).toBe(year);
    for (const agency of roll.agencies.slice(0, 5)) {
      const item = page.getByTestId(`honour-${agency.agencyCode}`);
      const text = await item.innerText();
      expect(text).toContain(agency.name);
      expect(text).toContain(agency.score.toFixed(2));
    }
    expect(await page.locator('[data-testid^="honour-3"]').count()).toBe(roll.agencies.length);
    expect(await page.locator('[data-testid^="honour-star-"]').count()).toBe(roll.stars.length);
    await page.screenshot({ path: screenshotPath('honours'), fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: screenshotPath('honours-phone'), fullPage: false });
    await page.close();
  });
});
