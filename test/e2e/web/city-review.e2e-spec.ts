import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, SCREENSHOTS_DIR } from '../support/browser';
import { api, baseUrl } from '../support/http';
import { loginPage, newest, tokenFor } from '../support/web';

const REASON = '参保单位年检台账缺页，请补齐后重报';
const artifact = (name: string) => resolve(SCREENSHOTS_DIR, '..', `${name}.png`);

interface Review {
  agencyCode: string;
  name: string;
  state: string;
}

describe('a city admin reviews its counties from its home page', () => {
  let browser: Browser;
  let open: string;
  let toReturn: Review;
  let toApprove: Review;
  let reviewedBefore: number;
  let counties: number;

  beforeAll(async () => {
    browser = await launchBrowser();
    const token = await tokenFor('admin');
    open = newest((await api('GET', '/periods', { token })).body, 'open').period;
    const reviews = (await api('GET', `/periods/${open}/reviews/330100`, { token }))
      .body as Review[];
    counties = reviews.length;
    reviewedBefore = reviews.filter((r) => r.state === 'approved' || r.state === 'waived').length;
    // Two counties waiting for a decision, away from the first and last (other files review those).
    const pending = reviews.filter((r) => r.state === 'pending');
    expect(pending.length).toBeGreaterThanOrEqual(4);
    [toReturn, toApprove] = pending.slice(1, 3);
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function stateOf(page: Page, code: string): Promise<string> {
    return (await page.getByTestId(`review-state-${code}`).innerText()).trim();
  }

  it('lands on its counties’ draft table with each review state, returns one with a reason and approves another', async () => {
    const page = await loginPage(browser, 'city-330100');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.waitForURL((url) => url.pathname === '/review');
    const table = page.getByTestId('review-table');
    await table.waitFor();
    await page.getByTestId(`review-state-${toReturn.agencyCode}`).waitFor();
    const progress = page.getByTestId('review-progress');
    expect(await progress.innerText()).toContain(`已审核 ${reviewedBefore} / ${counties} 个区县`);
    expect(await progress.innerText()).toContain('草稿（未发布）');
    // The open month's draft scores are shown to the city for its own counties.
    await page.getByTestId(`score-${toReturn.agencyCode}`).waitFor();
    expect(await stateOf(page, toReturn.agencyCode)).toBe('已报送待审');
    expect(
      await page.getByTestId(`review-figures-${toReturn.agencyCode}`).getAttribute('href'),
    ).toBe(`/entry?period=${open}&agency=${toReturn.agencyCode}`);
    await page.screenshot({ path: artifact('city-admin-home'), fullPage: true });

    // Returning asks for a reason and refuses an empty one.
    await page.getByTestId(`review-return-${toReturn.agencyCode}`).click();
    const box = page.locator('.el-message-box');
    await box.waitFor();
    await box.locator('.el-message-box__btns .el-button--primary').click();
    await box.getByText('请填写退回原因').waitFor();
    await box.locator('input').fill(REASON);
    await box.locator('.el-message-box__btns .el-button--primary').click();
    await page.getByTestId(`review-state-${toReturn.agencyCode}`).getByText('已退回').waitFor();
    expect(await page.getByTestId(`review-reason-${toReturn.agencyCode}`).innerText()).toBe(REASON);
    expect(await progress.innerText()).toContain(`已审核 ${reviewedBefore} / ${counties} 个区县`);

    await page.getByTestId(`review-approve-${toApprove.agencyCode}`).click();
    await page.getByTestId(`review-state-${toApprove.agencyCode}`).getByText('已通过').waitFor();
    await progress.getByText(`已审核 ${reviewedBefore + 1} / ${counties} 个区县`).waitFor();
    expect(await page.getByTestId(`review-approve-${toApprove.agencyCode}`).count()).toBe(0);

    const token = await tokenFor('admin');
    const stored = (await api('GET', `/periods/${open}/reviews/330100`, { token }))
      .body as (Review & {
      reason: string | null;
      by: string | null;
    })[];
    expect(stored.find((r) => r.agencyCode === toReturn.agencyCode)).toMatchObject({
      state: 'returned',
      reason: REASON,
      by: 'city-330100',
    });
    expect(stored.find((r) => r.agencyCode === toApprove.agencyCode)).toMatchObject({
      state: 'approved',
      by: 'city-330100',
    });

    // On a phone the table scrolls and each county's actions stay within reach.
    await page.setViewportSize({ width: 390, height: 844 });
    const pendingLeft = stored.find((r) => r.state === 'pending');
    if (pendingLeft) {
      const approve = page.getByTestId(`review-approve-${pendingLeft.agencyCode}`);
      await approve.scrollIntoViewIfNeeded();
      expect(await approve.isVisible()).toBe(true);
      const box390 = await approve.boundingBox();
      expect(box390 && box390.x >= 0 && box390.x + box390.width <= 390).toBe(true);
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: artifact('city-admin-home-phone'), fullPage: true });
    await page.close();
  });

  it('shows the returned county’s head the reason on its data entry page', async () => {
    const head = await loginPage(browser, `head-${toReturn.agencyCode}`);
    await head.goto(`${baseUrl()}/entry?period=${open}&agency=${toReturn.agencyCode}`);
    const banner = head.getByTestId('entry-returned');
    await banner.waitFor();
    expect(await banner.innerText()).toContain(REASON);
    expect(await banner.innerText()).toContain('city-330100');
    await head.close();
  });

  it('shows the province each city’s counties reviewed, with a bar, on the months page', async () => {
    const token = await tokenFor('admin');
    const completeness = (await api('GET', `/periods/${open}/completeness`, { token })).body as {
      byCity: { code: string; counties: number; reviewed: number }[];
    };
    const hangzhou = completeness.byCity.find((city) => city.code === '330100');
    expect(hangzhou?.reviewed).toBe(reviewedBefore + 1);

    const page = await loginPage(browser, 'admin');
    await page.goto(`${baseUrl()}/months`);
    await page.getByTestId(`month-status-${open}`).click();
    const cell = page.getByTestId('city-review-330100');
    await cell.getByText(`${reviewedBefore + 1} / ${counties}`).waitFor();
    expect(await cell.locator('.el-progress').count()).toBe(1);

    // Locking a month with counties still to review names their cities, and nothing is locked.
    await page.getByTestId(`month-lock-${open}`).click();
    const confirm = page.locator('.el-message-box').last();
    await confirm.waitFor();
    const confirmHandle = await confirm.elementHandle();
    await confirm.getByRole('button', { name: '确定' }).click();
    await confirmHandle?.waitForElementState('hidden');
    const refusal = page.locator('.el-message-box').last();
    await refusal.getByText('有待审区县的地市：').waitFor();
    expect(await refusal.innerText()).toContain(`杭州市（${counties - reviewedBefore - 1}）`);
    await refusal.getByRole('button', { name: '取消' }).click();
    expect(
      (await api('GET', '/periods', { token })).body.find(
        (p: { period: string }) => p.period === open,
      ).status,
    ).toBe('open');
    await page.close();
  });
});
