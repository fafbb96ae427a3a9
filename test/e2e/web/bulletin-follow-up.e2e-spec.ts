import type { Browser } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../support/browser';
import { api, baseUrl } from '../support/http';
import { loginPage, newest, tokenFor } from '../support/web';

interface Row {
  agencyCode: string;
  name: string;
  rectifications?: { open: number; overdue: number };
}

/** The bulletin of a published month names those called for a talk and counts their open items. */
describe('the bulletin’s follow-up (约谈, rectification items)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('marks each agency called for a talk and shows its outstanding and overdue items', async () => {
    const token = await tokenFor('admin');
    const periods = (await api('GET', '/periods', { token })).body as {
      period: string;
      status: string;
    }[];
    const published = newest(periods, 'published').period;
    const warnings = (await api('GET', `/warnings?period=${published}`, { token })).body as {
      agencyCode: string;
      rule: string;
    }[];
    const counties = (await api('GET', `/rankings?period=${published}&level=county`, { token }))
      .body.rows as Row[];
    const talked = counties.filter((row) =>
      warnings.some(
        (warning) => warning.agencyCode === row.agencyCode && warning.rule !== 'improving_streak',
      ),
    );
    // The demo's history warns at least one county of the newest published month.
    expect(talked.length).toBeGreaterThan(0);
    const withItems = counties.find((row) => (row.rectifications?.overdue ?? 0) > 0) as Row;
    expect(withItems).toBeDefined();

    const page = await loginPage(browser, 'admin');
    await page.goto(`${baseUrl()}/bulletin?period=${published}`);
    await page.getByTestId('bulletin-paper').waitFor();
    const talks = page.getByTestId('bulletin-talks');
    await talks.waitFor();
    for (const row of talked) {
      expect(await talks.innerText()).toContain(row.name);
      expect(await page.getByTestId(`bulletin-badge-${row.agencyCode}`).innerText()).toBe('约谈');
    }
    const { open, overdue } = withItems.rectifications as { open: number; overdue: number };
    expect(
      await page.getByTestId(`bulletin-rectifications-${withItems.agencyCode}`).innerText(),
    ).toBe(`${open}（逾期 ${overdue}）`);
    await page.screenshot({ path: screenshotPath('bulletin-follow-up'), fullPage: true });
    await page.close();
  });
});
