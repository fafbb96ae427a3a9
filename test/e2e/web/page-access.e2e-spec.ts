import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { baseUrl } from '../support/http';
import { loginPage } from '../support/web';

const MONTH_ACTIONS =
  '[data-testid^="month-lock-"], [data-testid^="month-reopen-"], [data-testid^="month-publish-"]';

/** Records, from the first paint on, whether a forbidden page's heading ever showed. */
async function watchForPage(page: Page, selector: string): Promise<void> {
  await page.evaluate((watched) => {
    const w = window as unknown as { __sawForbidden?: boolean };
    w.__sawForbidden = false;
    new MutationObserver(() => {
      if (document.querySelector(watched)) w.__sawForbidden = true;
    }).observe(document.documentElement, { childList: true, subtree: true });
  }, selector);
}

async function sawForbidden(page: Page): Promise<boolean> {
  return page.evaluate(
    () => (window as unknown as { __sawForbidden?: boolean }).__sawForbidden === true,
  );
}

describe('pages and actions follow the access rules', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('sends a county head who types /months or /overview home, showing no month action', async () => {
    const page = await loginPage(browser, 'head-330102');
    await page.waitForURL((url) => url.pathname === '/my-ranking');

    for (const path of ['/months', '/overview']) {
      await page.goto(`${baseUrl()}${path}`);
      await page.waitForURL((url) => url.pathname === '/my-ranking');
      await page.locator('main').waitFor();
      expect(await page.locator(MONTH_ACTIONS).count()).toBe(0);
    }

    // Following an in-app link to the page (no reload) never shows it, not even for a moment.
    await watchForPage(page, '#months-title, #overview-title');
    await page.evaluate(() => {
      window.history.pushState({}, '', '/months');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await page.waitForURL((url) => url.pathname === '/my-ranking');
    await page.waitForTimeout(500);
    expect(await sawForbidden(page)).toBe(false);
    expect(await page.locator(MONTH_ACTIONS).count()).toBe(0);
    await page.close();
  });

  it('still shows the province admin the months and their lock, publish and reopen buttons', async () => {
    const page = await loginPage(browser, 'admin');
    await page.goto(`${baseUrl()}/months`);
    await page.getByTestId('months-table').waitFor();
    await page.locator(MONTH_ACTIONS).first().waitFor();
    expect(await page.locator(MONTH_ACTIONS).count()).toBeGreaterThan(0);
    await page.goto(`${baseUrl()}/overview`);
    await page.locator('#overview-title').waitFor();
    expect(new URL(page.url()).pathname).toBe('/overview');
    await page.close();
  });
});
