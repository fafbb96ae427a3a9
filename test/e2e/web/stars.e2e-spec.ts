import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../support/browser';
import { api, baseUrl, login } from '../support/http';

/**
 * The service star of the month (一月一星) in the browser: the head nominates and scores, a member
 * of staff votes, the head selects, and the star appears on the wall, publicised.
 */
describe('service star of the month in the browser', () => {
  const agency = '330102';
  const head = `head-${agency}`;
  const favourite = `staff-${agency}-4`;
  const runnerUp = `staff-${agency}-5`;
  let browser: Browser;
  let page: Page;
  let period: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
    const periods = (await api('GET', '/periods', { token: await login('admin') })).body as {
      period: string;
    }[];
    period = periods
      .map((p) => p.period)
      .sort()
      .reverse()[0];
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function signIn(username: string): Promise<void> {
    // A fresh session, whatever the previous step left behind.
    await page.goto(`${baseUrl()}/login`);
    await page.evaluate(() => window.localStorage.clear());
    await page.goto(`${baseUrl()}/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill('demo');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-user').waitFor();
  }

  async function signOut(): Promise<void> {
    await page.getByTestId('logout').click();
    await page.getByTestId('login-username').waitFor();
  }

  async function openStarPage(): Promise<void> {
    await page.goto(`${baseUrl()}/stars?period=${period}`);
    await page.getByTestId('star-candidates').waitFor();
  }

  async function nominate(staffUsername: string, reason: string): Promise<void> {
    await page.getByTestId('nominate-staff').click();
    await page
      .locator('.el-select-dropdown__item')
      .filter({ hasText: staffUsername })
      .first()
      .click();
    await page.getByTestId('nominate-reason').fill(reason);
    await page.getByTestId('nominate-submit').click();
    await page.getByTestId(`candidate-${staffUsername}`).waitFor();
  }

  async function score(
    staffUsername: string,
    work: number,
    leader: number,
    attendance: number,
  ): Promise<void> {
    await page.getByTestId(`score-${staffUsername}`).click();
    for (const [part, value] of [
      ['work', work],
      ['leader', leader],
      ['attendance', attendance],
    ] as const) {
      const testId = `score-input-${part}`;
      const input = page.locator(`[data-testid="${testId}"] input, input[data-testid="${testId}"]`);
      await input.fill(String(value));
      await input.press('Tab');
    }
    await page.getByTestId('score-save').click();
    await page.getByTestId('score-form').waitFor({ state: 'hidden' });
  }

  it('the head nominates two of the staff and scores them', async () => {
    await signIn(head);
    await page.getByTestId('nav-stars').click();
    await page.getByTestId('star-candidates').waitFor();
    await openStarPage();
    await nominate(favourite, '窗口服务热情周到，本月收到感谢信两封');
    await nominate(runnerUp, '主动帮助老年人办理异地就医备案');
    await score(favourite, 90, 85, 95);
    await score(runnerUp, 80, 80, 80);
    // 0.2 × 90 + 0 + 0.4 × 85 + 0.2 × 95 = 71 before any vote.
    await expectText(page, `total-${favourite}`, '71');
    await page.screenshot({ path: screenshotPath('stars-nominated'), fullPage: true });
    await signOut();
  });

  it('a member of staff votes once, secretly', async () => {
    await signIn(`staff-${agency}-1`);
    await openStarPage();
    await page.getByTestId(`vote-${favourite}`).click();
    await page.getByText('本月已投票').first().waitFor();
    await expectText(page, 'star-voters', '已投票 1 / 5 人');
    // One vote of one voter: 100 peer points, 20 more on the total.
    await expectText(page, `total-${favourite}`, '91');
    await signOut();
  });

  it('the head selects the star, and it shows on the wall as publicised', async () => {
    await signIn(head);
    await openStarPage();
    await page.getByTestId('select-star').click();
    await page.locator('.el-message-box__btns .el-button--primary').click();
    await page.getByTestId('star-banner').waitFor();
    await expectText(page, 'star-status', '公示中');
    const round = (await api('GET', `/stars/${period}/${agency}`, { token: await login(head) }))
      .body;
    expect(round.star).toMatchObject({ staffUsername: favourite, total: 91 });
    expect(await page.getByTestId('star-banner').innerText()).toContain(round.star.name);
    await page.screenshot({ path: screenshotPath('stars-selected'), fullPage: true });

    await page.getByTestId('nav-star-wall').click();
    await page.getByTestId('star-wall').waitFor();
    await page.goto(`${baseUrl()}/stars/wall?period=${period}&city=330100`);
    const card = page.getByTestId(`star-card-${period}-${agency}`);
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain(round.star.name);
    expect(text).toContain('上城区');
    expect(text).toContain('公示中');
    expect(text).toContain('91');
    await page.screenshot({ path: screenshotPath('stars-wall'), fullPage: true });
  });
});

async function expectText(page: Page, testId: string, expected: string): Promise<void> {
  const element = page.getByTestId(testId).first();
  await element.waitFor();
  const deadline = Date.now() + 10_000;
  let actual = await element.innerText();
  while (!actual.includes(expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    actual = await element.innerText();
  }
  expect(actual).toContain(expected);
}
