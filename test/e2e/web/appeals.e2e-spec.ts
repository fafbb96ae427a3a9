import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../support/browser';
import { api, baseUrl, waitUntil } from '../support/http';
import { loginPage, newest, tokenFor } from '../support/web';

const COUNTY = '330102';
const REASON = '满意度样本混入了外县的评价记录';

/** The text area of an Element Plus input (the test id sits on the textarea or on its wrapper). */
function textArea(scope: Page | Locator, testId: string): Locator {
  return scope.locator(`[data-testid="${testId}"] textarea, textarea[data-testid="${testId}"]`);
}

/**
 * An appeal (异议) in the browser: the county head appeals its freshly published result from its
 * scorecard, the province upholds it, and the month shows reopened with the appeal as its reason.
 * The league table marks a warned agency 约谈.
 */
describe('appeals and warnings in the browser', () => {
  let browser: Browser;
  let month: string;
  let admin: string;

  const publishNow = async () => {
    const locked = await api('POST', `/periods/${month}/lock`, {
      token: admin,
      body: { force: true, reason: '重新核对后锁定' },
    });
    expect(locked.status).toBe(200);
    expect([200, 202]).toContain(
      (await api('POST', `/periods/${month}/publish`, { token: admin })).status,
    );
    await waitUntil(
      async () => {
        const periods: { period: string; status: string }[] = (
          await api('GET', '/periods', { token: admin })
        ).body;
        return periods.find((p) => p.period === month)?.status === 'published' ? true : undefined;
      },
      `${month} published`,
      60_000,
    );
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await tokenFor('admin');
    month = newest((await api('GET', '/periods', { token: admin })).body, 'published').period;
    // Published again now, so that its appeal window is open.
    expect(
      (
        await api('POST', `/periods/${month}/reopen`, {
          token: admin,
          body: { reason: '重新发布以开放异议期' },
        })
      ).status,
    ).toBe(200);
    await publishNow();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('marks a warned agency 约谈 in the league table', async () => {
    const warnings: { agencyCode: string; rule: string }[] = (
      await api('GET', `/warnings?period=${month}`, { token: admin })
    ).body;
    const agencies: { code: string; level: string; parentCode: string | null }[] = (
      await api('GET', '/agencies', { token: admin })
    ).body;
    const warned = warnings.find((warning) => warning.rule !== 'improving_streak');
    expect(warned).toBeDefined();
    const agency = agencies.find((candidate) => candidate.code === warned?.agencyCode);
    const query =
      agency?.level === 'county'
        ? `period=${month}&level=county&parent=${agency.parentCode}`
        : `period=${month}`;
    const page = await loginPage(browser, 'admin');
    await page.goto(`${baseUrl()}/rankings?${query}`);
    const badge = page.getByTestId(`warning-badge-${agency?.code}`).first();
    await badge.waitFor();
    expect(await badge.innerText()).toBe('约谈');
    await page.close();
  });

  it('is raised by the head from its scorecard, upheld by the province, and the month shows reopened with the appeal as its reason', async () => {
    const head = await loginPage(browser, `head-${COUNTY}`);
    await head.goto(`${baseUrl()}/my-ranking?period=${month}`);
    await head.getByTestId('scorecard-appeal').click();
    await head.getByTestId('appeal-deadline').waitFor();
    expect(await head.getByTestId('appeal-deadline').innerText()).toMatch(/\d{4}-\d{2}-\d{2}/);
    await textArea(head, 'appeal-reason').fill(REASON);
    await head.getByTestId('appeal-submit').click();
    await head.locator('.el-message--success').waitFor();
    await head.setViewportSize({ width: 390, height: 844 });
    await head.screenshot({ path: screenshotPath('appeals-390'), fullPage: true });
    const overflow = await head.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await head.close();

    const appeals: { id: string; agencyCode: string; reason: string; status: string }[] = (
      await api('GET', `/appeals?period=${month}`, { token: admin })
    ).body;
    const appeal = appeals.find((candidate) => candidate.reason === REASON);
    expect(appeal).toMatchObject({ agencyCode: COUNTY, status: 'open' });

    const province = await loginPage(browser, 'admin');
    await province.goto(`${baseUrl()}/appeals?period=${month}`);
    const card = province.getByTestId(`appeal-${appeal?.id}`);
    await card.getByText(REASON).waitFor();
    await card.getByTestId('appeal-uphold').click();
    await province.locator('.el-message--success').waitFor();

    await province.goto(`${baseUrl()}/months`);
    await province.getByTestId(`month-status-${month}`).getByText('采集中').waitFor();
    await province.close();

    const history: { action: string; reason: string | null; appealId: string | null }[] = (
      await api('GET', `/periods/${month}/history`, { token: admin })
    ).body;
    expect(history.at(-1)).toMatchObject({ action: 'reopen', appealId: appeal?.id });
    expect(history.at(-1)?.reason).toContain(REASON);

    // Published again, as the other tests expect of this month.
    await publishNow();
  });
});
