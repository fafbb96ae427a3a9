import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../support/browser';
import { api, baseUrl } from '../support/http';
import { importFile } from '../support/imports';
import { loginPage, tokenFor } from '../support/web';

const COMMENT = '窗口排队两个小时无人引导';

/** The text area of an Element Plus input (the test id sits on the textarea or on its wrapper). */
function textArea(scope: Page | Locator, testId: string): Locator {
  return scope.locator(`[data-testid="${testId}"] textarea, textarea[data-testid="${testId}"]`);
}

/**
 * A bad review (差评) in the browser: a county head imports a ratings file with a 1-star review,
 * verifies the case and resolves it as rectified on the 差评处理 page, and it shows closed.
 */
describe('bad reviews in the browser (import → verify → resolve)', () => {
  let browser: Browser;
  let openPeriod: string;
  let county: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const admin = await tokenFor('admin');
    const periods = (await api('GET', '/periods', { token: admin })).body;
    openPeriod = periods.find((period: { status: string }) => period.status === 'open').period;
    // A county without figures of the open month (the last one: other files import the first).
    const ranking = (
      await api('GET', `/rankings?period=${openPeriod}&level=county`, { token: admin })
    ).body;
    const unreported: { agencyCode: string }[] = ranking.rows.filter(
      (row: { reported: boolean }) => !row.reported,
    );
    // Nor cases of the open month in the demo's history, which the file would replace.
    for (const row of [...unreported].reverse()) {
      const cases = await api(
        'GET',
        `/bad-reviews?agencyCode=${row.agencyCode}&period=${openPeriod}`,
        {
          token: admin,
        },
      );
      if (cases.body.total === 0) {
        county = row.agencyCode;
        break;
      }
    }
    expect(county).toBeDefined();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a 1-star review imported by the head is verified, resolved as rectified and shown closed', async () => {
    const head = await tokenFor(`head-${county}`);
    // Its cases of earlier months (the demo's history) still to handle, counted beside the new one.
    const before = (await api('GET', `/bad-reviews?agencyCode=${county}`, { token: head })).body
      .counts as { open: number; overdue: number };
    const ratingId = `E2E-${Date.now()}`;
    const file = [
      '评价编号,机构编码,评价时间,渠道,评价等级,办理事项,评价内容',
      `${ratingId},${county},${openPeriod}-03T10:00:00+08:00,窗口,1,医保关系转移,${COMMENT}`,
      `${ratingId}-OK,${county},${openPeriod}-04T10:00:00+08:00,网上,5,异地就医备案,很方便`,
    ].join('\r\n');
    const { status, job } = await importFile(head, 'ratings', 'ratings.csv', file);
    expect(status).toBe(202);
    expect(job.result).toMatchObject({ status: 'applied', rows: 2 });

    const listed = (
      await api('GET', `/bad-reviews?agencyCode=${county}&period=${openPeriod}`, { token: head })
    ).body as { items: { id: string; ratingId: string; level: number; status: string }[] };
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).toMatchObject({ ratingId, level: 1, status: 'open' });
    const id = listed.items[0].id;

    // The head's own page counts the case beside its rectification items.
    const page = await loginPage(browser, `head-${county}`);
    await page
      .getByTestId('bad-review-counts')
      .getByText(`待处理差评 ${before.open + 1} 条，其中逾期 ${before.overdue} 条`)
      .waitFor();
    await page.goto(`${baseUrl()}/bad-reviews?period=${openPeriod}`);
    const card = page.getByTestId(`bad-review-${id}`);
    await card.getByText(COMMENT).waitFor();
    await card.getByTestId('bad-review-status').getByText('待核实').waitFor();
    expect(await card.getByTestId('bad-review-days-left').innerText()).toMatch(
      /剩余 \d+ 个工作日|今天到期/,
    );

    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: screenshotPath('bad-reviews-390'), fullPage: true });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1440, height: 1000 });

    await textArea(card, 'bad-review-verify-note').fill('已核实：当日窗口人员不足');
    await card.getByTestId('bad-review-verify').click();
    await page.locator('.el-message--success').first().waitFor();
    await card.getByTestId('bad-review-status').getByText('已核实').waitFor();

    await card.getByTestId('bad-review-outcome-rectified').click();
    await textArea(card, 'bad-review-resolve-note').fill('增设引导岗，高峰时段加开窗口');
    await card.getByTestId('bad-review-resolve').click();
    await card.getByTestId('bad-review-status').getByText('已办结 · 已整改').waitFor();
    await page.close();

    const after = (
      await api('GET', `/bad-reviews?agencyCode=${county}&period=${openPeriod}`, { token: head })
    ).body as { items: { id: string; status: string; outcome: string }[] };
    expect(after.items.find((item) => item.id === id)).toMatchObject({
      status: 'closed',
      outcome: 'rectified',
    });
  });
});
