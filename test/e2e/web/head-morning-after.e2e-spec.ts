import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { api } from '../support/http';
import { loginPage, newest, tokenFor } from '../support/web';

const ARTIFACTS_DIR = resolve(__dirname, '../../../test-artifacts');

interface Item {
  id: string;
  period: string;
  agencyCode: string;
  status: string;
}

/**
 * What a county head sees on the morning after publication, from the demo as `npm start` loads
 * it: the newest month's rectification items waiting for an answer, and its bad reviews to handle.
 */
describe('a county head’s home on the morning after publication (demo history)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the newest month’s items waiting for the head, with the days left, and its bad reviews, at 1280 and 390 px', async () => {
    const admin = await tokenFor('admin');
    const month = newest((await api('GET', '/periods', { token: admin })).body, 'published').period;
    const agencies: { code: string; level: string }[] = (
      await api('GET', '/agencies', { token: admin })
    ).body;
    const counties = new Set(agencies.filter((a) => a.level === 'county').map((a) => a.code));
    const items: Item[] = (
      await api('GET', `/rectifications?period=${month}&status=open`, { token: admin })
    ).body;
    // A county with an item of the newest month still open, and bad reviews to handle.
    let chosen: { county: string; item: Item } | undefined;
    for (const item of items.filter((candidate) => counties.has(candidate.agencyCode))) {
      const cases = (
        await api('GET', `/bad-reviews?agencyCode=${item.agencyCode}`, { token: admin })
      ).body as { counts?: unknown; items: { status: string }[] };
      if (cases.items.some((c) => !['closed', 'voided'].includes(c.status))) {
        chosen = { county: item.agencyCode, item };
        break;
      }
    }
    expect(chosen).toBeDefined();
    const { county, item } = chosen as { county: string; item: Item };

    const page = await loginPage(browser, `head-${county}`);
    await page.setViewportSize({ width: 1280, height: 900 });
    const panel = page.getByTestId('rectification-panel');
    await panel.getByTestId(`needs-you-${item.id}`).waitFor();
    expect(await panel.getByTestId(`needs-you-${item.id}`).innerText()).toMatch(
      /剩余 \d+ 个工作日|今天到期/,
    );
    expect(await page.getByTestId('bad-review-counts').innerText()).toMatch(
      /待处理差评 [1-9]\d* 条/,
    );
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'head-morning-after.png'), fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    await panel.getByTestId(`needs-you-${item.id}`).waitFor();
    await page.screenshot({
      path: join(ARTIFACTS_DIR, 'head-morning-after-390.png'),
      fullPage: true,
    });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });
});
