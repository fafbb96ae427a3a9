import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../support/browser';
import { api, baseUrl, login } from '../support/http';
import { loginPage, newest, tokenFor } from '../support/web';

const COUNTY = '330102';
const REASON = '抽查发现首问登记台账缺失';
const CAUSE = '窗口人员调整后未及时交接登记要求';
const MEASURES = '组织窗口人员培训，每周抽查登记台账';

/** The text area of an Element Plus input (the test id sits on the textarea or on its wrapper). */
function textArea(scope: Page | Locator, testId: string): Locator {
  return scope.locator(`[data-testid="${testId}"] textarea, textarea[data-testid="${testId}"]`);
}

/**
 * A rectification item in the browser: the province raises it on a county from the county's
 * scorecard, the county head answers it from its list, the city admin accepts it, and it shows
 * closed.
 */
describe('rectification items in the browser (raise → answer → accept)', () => {
  let browser: Browser;
  let published: string;
  let reviewer: { username: string; password: string };

  beforeAll(async () => {
    browser = await launchBrowser();
    const admin = await tokenFor('admin');
    published = newest((await api('GET', '/periods', { token: admin })).body, 'published').period;
    // The demo's city admin when there is one; otherwise an account made for the test.
    const demoCity = await api('POST', '/auth/login', {
      body: { username: 'city-330100', password: 'demo' },
    });
    if (demoCity.status === 200) {
      reviewer = { username: 'city-330100', password: 'demo' };
    } else {
      const created = await api('POST', '/users', {
        token: admin,
        body: {
          username: 'reviewer-330100',
          displayName: '杭州市审核员',
          role: 'city_admin',
          agencyCode: '330100',
          password: 'Review-Hangzhou-1',
        },
      });
      expect(created.status).toBe(201);
      reviewer = { username: 'reviewer-330100', password: 'Review-Hangzhou-Own-1' };
      const first = await api('POST', '/auth/login', {
        body: { username: reviewer.username, password: 'Review-Hangzhou-1' },
      });
      const changed = await api('POST', '/auth/password', {
        token: first.body.accessToken,
        body: { currentPassword: 'Review-Hangzhou-1', newPassword: reviewer.password },
      });
      expect(changed.status).toBe(200);
    }
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function reviewerPage(): Promise<Page> {
    const page = await browser.newPage({
      viewport: { width: 1440, height: 1000 },
      locale: 'zh-CN',
    });
    await page.goto(`${baseUrl()}/`);
    await page.getByTestId('login-username').fill(reviewer.username);
    await page.getByTestId('login-password').fill(reviewer.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    return page;
  }

  it('is raised by the province on a county, answered by its head, accepted by its city and shown closed', async () => {
    // The province raises an item from the county's scorecard.
    const admin = await loginPage(browser, 'admin');
    await admin.goto(`${baseUrl()}/agencies/${COUNTY}?period=${published}`);
    await admin.getByTestId('rectification-raise-open').click();
    await textArea(admin, 'rectification-raise-reason').fill(REASON);
    await admin.getByTestId('rectification-raise-submit').click();
    await admin.locator('.el-message--success').waitFor();
    await admin.close();

    const items = (
      await api('GET', `/rectifications?agencyCode=${COUNTY}&period=${published}`, {
        token: await tokenFor('admin'),
      })
    ).body as { id: string; reason: string; source: string; status: string }[];
    const raised = items.find((item) => item.reason === REASON && item.source === 'manual');
    expect(raised).toMatchObject({ status: 'open' });
    const id = raised?.id ?? '';

    // The head starts on its own page, where the item waits under 需要您处理.
    const head = await loginPage(browser, `head-${COUNTY}`);
    const panel = head.getByTestId('rectification-panel');
    await panel.getByText('需要您处理').waitFor();
    await panel.getByTestId(`needs-you-${id}`).waitFor();
    expect(await panel.getByTestId(`needs-you-${id}`).innerText()).toMatch(
      /剩余 \d+ 个工作日|今天到期/,
    );

    await head.setViewportSize({ width: 390, height: 844 });
    await head.screenshot({ path: screenshotPath('rectifications-home-390'), fullPage: true });
    await head.setViewportSize({ width: 1440, height: 1000 });

    await head.goto(`${baseUrl()}/rectifications`);
    const card = head.getByTestId(`rectification-${id}`);
    await textArea(card, 'rectification-cause').fill(CAUSE);
    await textArea(card, 'rectification-measures').fill(MEASURES);
    await card.getByTestId('rectification-respond').click();
    await head.locator('.el-message--success').waitFor();
    await card.getByTestId('rectification-status').getByText('待验收').waitFor();
    await head.setViewportSize({ width: 390, height: 844 });
    await head.screenshot({ path: screenshotPath('rectifications-390'), fullPage: true });
    const overflow = await head.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await head.close();

    // The city admin accepts the answer; the item is closed.
    const city = await reviewerPage();
    await city.goto(`${baseUrl()}/rectifications?period=${published}`);
    const toVerify = city.getByTestId(`rectification-${id}`);
    await toVerify.getByText(CAUSE).waitFor();
    await textArea(toVerify, 'rectification-note').fill('已现场核实');
    await toVerify.getByTestId('rectification-accept').click();
    await city.locator('.el-message--success').waitFor();
    await toVerify.getByTestId('rectification-status').getByText('已办结').waitFor();
    await city.close();

    const after = (
      await api('GET', `/rectifications?agencyCode=${COUNTY}`, { token: await login('admin') })
    ).body as { id: string; status: string; verification: { by: string } | null }[];
    expect(after.find((item) => item.id === id)).toMatchObject({
      status: 'closed',
      verification: { by: reviewer.username },
    });
  });
});
