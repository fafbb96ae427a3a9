import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../support/browser';
import { baseUrl } from '../support/http';

const PHONE = { width: 390, height: 844 };
/** A header that leaves the page the screen: one line of brand and menu button. */
const MAX_HEADER_HEIGHT = 64;

/** The main pages of each role, as opened on a phone. */
const VISITS: { username: string; paths: string[] }[] = [
  { username: 'admin', paths: ['/overview', '/overview?level=county', '/rankings?level=county'] },
  { username: 'head-330100', paths: ['/my-ranking', '/entry'] },
  { username: 'head-330102', paths: ['/my-ranking', '/entry', '/rankings?level=county'] },
  { username: 'staff-330102-1', paths: ['/my-ranking', '/rankings'] },
];

async function phoneLogin(browser: Browser, username: string): Promise<Page> {
  const page = await browser.newPage({ viewport: PHONE, locale: 'zh-CN', isMobile: true });
  await page.goto(`${baseUrl()}/`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('demo');
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}

async function expectFitsPhone(page: Page, what: string): Promise<void> {
  const header = await page.getByTestId('app-header').boundingBox();
  const height = header?.height ?? Infinity;
  if (height > MAX_HEADER_HEIGHT) throw new Error(`${what}: the header is ${height} px tall`);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (width > PHONE.width) throw new Error(`${what} is ${width} px wide on a 390 px phone`);
}

describe('every role on a 390 px phone', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const { username, paths } of VISITS) {
    it(`${username}: navigation folded behind a menu button, compact header, nothing wider than the screen`, async () => {
      const page = await phoneLogin(browser, username);
      for (const path of paths) {
        await page.goto(`${baseUrl()}${path}`);
        await page.locator('.page').first().waitFor();
        await page.waitForLoadState('networkidle');
        // Charts draw once their data is in; give them their first frame.
        await page.waitForTimeout(300);
        expect(await page.getByTestId('nav-menu').isVisible()).toBe(true);
        expect(await page.getByTestId('nav-rankings').isVisible()).toBe(false);
        await expectFitsPhone(page, `${username} ${path}`);
        await page.screenshot({
          path: screenshotPath(`phone-${username}-${path.replace(/\W+/g, '-')}`),
          fullPage: true,
        });
      }

      // The menu opens over the page, lists the links and folds again once one is followed.
      await page.getByTestId('nav-menu').click();
      expect(await page.getByTestId('nav-menu').getAttribute('aria-expanded')).toBe('true');
      await page.getByTestId('nav-rankings').click();
      await page.waitForURL(/\/rankings/);
      expect(await page.getByTestId('nav-rankings').isVisible()).toBe(false);
      await page.getByTestId('logout').waitFor({ state: 'hidden' });
      await page.close();
    });
  }

  it('keeps the full navigation on a laptop', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await page.goto(`${baseUrl()}/`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('demo');
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/overview/);
    expect(await page.getByTestId('nav-rankings').isVisible()).toBe(true);
    expect(await page.getByTestId('nav-menu').isVisible()).toBe(false);
    await page.close();
  });
});
