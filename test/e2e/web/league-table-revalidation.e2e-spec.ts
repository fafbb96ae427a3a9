import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { baseUrl } from '../support/http';

interface RankingsEntry {
  name: string;
  transferSize: number;
  encodedBodySize: number;
  decodedBodySize: number;
}

/**
 * League tables travel compressed and, asked for again unchanged, as a bare 304 that the browser
 * answers from its own copy: the web app's fetch wrapper sees the whole table both times.
 */
describe('league tables compressed and revalidated in the browser', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const rankingsEntries = (level: string): Promise<RankingsEntry[]> =>
    page.evaluate(
      (wanted) =>
        (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
          .filter((entry) => entry.name.includes('/api/rankings?') && entry.name.includes(`level=${wanted}`))
          .map(({ name, transferSize, encodedBodySize, decodedBodySize }) => ({
            name,
            transferSize,
            encodedBodySize,
            decodedBodySize,
          })),
      level,
    );

  it('shows the county table again from a 304, after receiving it compressed', async () => {
    const encodings: string[] = [];
    page.on('response', (response) => {
      if (response.url().includes('/api/rankings?')) encodings.push(response.headers()['content-encoding'] ?? 'identity');
    });
    await page.goto(`${baseUrl()}/`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('demo');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-rankings').click();
    await page.getByTestId('ranking-table').waitFor();

    await page.getByTestId('level-county').click();
    await page.getByText('上城区').first().waitFor();
    const first = await rankingsEntries('county');
    expect(first.length).toBeGreaterThanOrEqual(1);
    // Compressed on the wire: the body that travelled is much smaller than the JSON it holds.
    expect(first[0].encodedBodySize).toBeGreaterThan(0);
    expect(first[0].encodedBodySize).toBeLessThan(first[0].decodedBodySize / 3);
    expect(encodings.some((encoding) => encoding === 'br' || encoding === 'gzip')).toBe(true);

    await page.getByTestId('level-city').click();
    await page.getByText('杭州市').first().waitFor();
    await page.getByTestId('level-county').click();
    await page.getByText('上城区').first().waitFor();
    const entries = await rankingsEntries('county');
    expect(entries.length).toBeGreaterThan(first.length);
    const again = entries[entries.length - 1];
    expect(again.name).toBe(first[0].name);
    // Only the 304's headers travelled; the app read the whole table from the browser's copy.
    expect(again.decodedBodySize).toBe(first[0].decodedBodySize);
    expect(again.transferSize).toBeLessThan(1_000);
    expect(again.transferSize).toBeLessThan(again.encodedBodySize);
    await expect(page.getByTestId('ranking-table').getByText('上城区').first().isVisible()).resolves.toBe(true);
  });
});
