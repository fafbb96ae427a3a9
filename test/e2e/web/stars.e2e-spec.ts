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

  it('names the selection and the wall as one programme in the menu', async () => {
    await signIn(head);
    expect(await page.getByTestId('nav-stars').innerText()).toContain('服务之星评选');
    expect(await page.getByTestId('nav-star-wall').innerText()).toContain('服务之星风采');
  });

  it('shows the head, in the nomination picker, who is inside the 12-month cooldown', async () => {
    const round = (await api('GET', `/stars/${period}/${agency}`, { token: await login(head) }))
      .body as { staff: { username: string; lastStarPeriod: string | null; eligible: boolean }[] };
    const barred = round.staff.find((person) => !person.eligible);
    if (!barred?.lastStarPeriod) throw new Error(`Nobody of ${agency} is inside the cooldown`);
    await page.getByTestId('nav-stars').click();
    await page.getByTestId('star-candidates').waitFor();
    await openStarPage();
    await page.getByTestId('nominate-staff').click();
    const option = page.getByTestId(`nominate-option-${barred.username}`);
    await option.waitFor();
    const text = await option.innerText();
    expect(text).toContain(`上次当选 ${barred.lastStarPeriod}`);
    expect(text).toContain('不符合条件');
    const free = round.staff.find((person) => person.eligible && person.username !== head);
    expect(await page.getByTestId(`nominate-option-${free?.username}`).innerText()).not.toContain(
      '不符合条件',
    );
    await page.keyboard.press('Escape');
  });

  it('the head nominates two of the staff and scores them', async () => {
    await openStarPage();
    await nominate(favourite, '窗口服务热情周到，本月收到感谢信两封');
    await nominate(runnerUp, '主动帮助老年人办理异地就医备案');
    await score(favourite, 90, 85, 95);
    await score(runnerUp, 80, 80, 80);
    // The total takes in the peer votes: sealed until the star is selected.
    await expectText(page, `total-${favourite}`, '—');
    await page.getByTestId('star-tally-sealed').waitFor();
    await page.screenshot({ path: screenshotPath('stars-nominated'), fullPage: true });
    await signOut();
  });

  it('a member of staff confirms their vote, naming the candidate, and sees whom they chose', async () => {
    await signIn(`staff-${agency}-1`);
    await openStarPage();
    const name = (await page.getByTestId(`candidate-${favourite}`).innerText()).trim();
    await page.getByTestId(`vote-${favourite}`).click();
    const dialog = page.locator('.el-message-box');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain(`确定投票给 ${name}`);
    // Thinking better of it casts nothing.
    await dialog.locator('.el-message-box__btns .el-button').first().click();
    await dialog.waitFor({ state: 'hidden' });
    await expectText(page, 'star-voters', '已投票 0 / 5 人');

    await page.getByTestId(`vote-${favourite}`).click();
    await dialog.waitFor();
    await dialog.locator('.el-message-box__btns .el-button--primary').click();
    await expectText(page, 'star-my-vote', `你已投票给 ${name}`);
    await expectText(page, 'star-voters', '已投票 1 / 5 人');
    await page.getByTestId(`my-vote-${favourite}`).waitFor();
    expect(await page.getByTestId(`vote-${runnerUp}`).count()).toBe(0);
    // Secret while voting lasts: no tally, no total.
    await expectText(page, `total-${favourite}`, '—');

    await page.reload();
    await expectText(page, 'star-my-vote', `你已投票给 ${name}`);
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
    // One vote of one voter: 100 peer points; 0.2 × 90 + 20 + 0.4 × 85 + 0.2 × 95 = 91.
    await expectText(page, `total-${favourite}`, '91');
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

  it('pages the star wall, keeping the city and month filters', async () => {
    const token = await login('admin');
    const all = (await api('GET', '/stars?limit=5000', { token })).body as {
      period: string;
      agencyCode: string;
    }[];
    expect(all.length).toBeGreaterThan(24);
    const cards = page.locator('article.star-card');
    const shownCodes = async () =>
      (await cards.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid')))).map(
        (id) => String(id).replace('star-card-', ''),
      );

    await page.goto(`${baseUrl()}/stars/wall`);
    await cards.first().waitFor();
    expect(await cards.count()).toBe(24);
    expect(await shownCodes()).toEqual(
      all.slice(0, 24).map((entry) => `${entry.period}-${entry.agencyCode}`),
    );
    await expectText(page, 'wall-count', `共 ${all.length.toLocaleString('en-US')} 位服务之星`);

    await page.getByTestId('wall-pagination').locator('.btn-next').click();
    await page.waitForURL(/page=2/);
    await expectText(page, 'wall-count', String(all.length));
    const second = all.slice(24, 48).map((entry) => `${entry.period}-${entry.agencyCode}`);
    const deadline = Date.now() + 10_000;
    while ((await shownCodes())[0] !== second[0] && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await shownCodes()).toEqual(second);

    // The city and month filters still apply to what is paged.
    const month = all[0].period;
    const inCity = all.filter(
      (entry) => entry.period === month && entry.agencyCode.startsWith('3301'),
    );
    await page.goto(`${baseUrl()}/stars/wall?period=${month}&city=330100`);
    await cards.first().waitFor();
    expect(await shownCodes()).toEqual(
      inCity.slice(0, 24).map((entry) => `${entry.period}-${entry.agencyCode}`),
    );
    await expectText(page, 'wall-count', `共 ${inCity.length} 位服务之星`);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: screenshotPath('stars-wall-paged-390'), fullPage: true });
    await page.setViewportSize({ width: 1440, height: 1000 });
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
