import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { loginPage } from '../support/web';

const WEB_DIST = resolve(__dirname, '../../../dist/apps/web');
/** What the province's first page may load, all its JavaScript gzipped. */
const HOME_JS_BUDGET_BYTES = 400 * 1024;

describe('the JavaScript a province admin downloads for the home page', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('stays within 400 KB gzipped, charts included', async () => {
    const page = await loginPage(browser, 'admin');
    await page.waitForURL(/\/overview/);
    // A fresh load of the home, as the next morning's visit: every script it asks for.
    const scripts = new Set<string>();
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (request.resourceType() === 'script' || url.pathname.endsWith('.js')) {
        scripts.add(url.pathname);
      }
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.reload();
    await page.getByTestId('league-table').waitFor();
    await page.getByTestId('score-heatmap').locator('canvas').first().waitFor();
    await page.getByTestId('score-distribution').locator('canvas').first().waitFor();
    await page.waitForLoadState('networkidle');

    let total = 0;
    const sizes: string[] = [];
    for (const path of scripts) {
      const gzipped = gzipSync(readFileSync(join(WEB_DIST, path)), { level: 9 }).length;
      total += gzipped;
      sizes.push(`${(gzipped / 1024).toFixed(1).padStart(7)} KB  ${path}`);
    }
    console.log(
      `province home: ${(total / 1024).toFixed(1)} KB gzipped\n${sizes.sort().join('\n')}`,
    );
    expect(scripts.size).toBeGreaterThan(3);
    expect(total).toBeLessThanOrEqual(HOME_JS_BUDGET_BYTES);
    await page.close();
  });
});
