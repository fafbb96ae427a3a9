import type { Browser } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../support/browser';
import { api, baseUrl } from '../support/http';
import { loginPage, newest, tokenFor } from '../support/web';

const REASON = '征缴率与台账不符，请核对后重报';

describe('a returned submission in the browser (city review → county head)', () => {
  let browser: Browser;
  let open: string;
  let county: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const token = await tokenFor('admin');
    open = newest((await api('GET', '/periods', { token })).body, 'open').period;
    const counties = (
      await api('GET', `/rankings?period=${open}&level=county&parent=330100&scope=aggregate`, {
        token,
      })
    ).body.rows as { agencyCode: string; reported: boolean }[];
    // The last reported county: the overview's review test takes the first.
    county = [...counties].reverse().find((row) => row.reported)?.agencyCode ?? '';
    expect(county).not.toBe('');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('returns a county’s figures with a reason; its head sees why, who and when, and a message', async () => {
    const admin = await loginPage(browser, 'admin');
    await admin.goto(`${baseUrl()}/overview?period=${open}&parent=330100`);
    await admin.getByTestId(`cell-${county}-collection`).click();
    const drawer = admin.locator('.el-drawer');
    await drawer.getByRole('textbox', { name: '退回原因' }).fill(REASON);
    await drawer.getByTestId('inputs-return').click();
    await admin.locator('.el-message--success').waitFor();
    await admin.close();

    const token = await tokenFor(`head-${county}`);
    const returned = (await api('GET', `/submissions/${open}/${county}`, { token })).body;
    expect(returned.review).toMatchObject({ state: 'returned', reason: REASON, by: 'admin' });

    const head = await loginPage(browser, `head-${county}`);
    await head.goto(`${baseUrl()}/entry?period=${open}&agency=${county}`);
    const banner = head.getByTestId('entry-returned');
    await banner.waitFor();
    expect(await banner.innerText()).toMatch(
      new RegExp(`已退回：${REASON} — admin，\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}`),
    );
    await head.setViewportSize({ width: 390, height: 844 });
    await head.screenshot({ path: screenshotPath('entry-returned-390'), fullPage: true });
    await head.setViewportSize({ width: 1440, height: 1000 });

    await head.getByTestId('notification-bell').click();
    const list = head.getByTestId('notification-list');
    await list.getByText(`报送数据已被退回：${REASON}（admin）`).waitFor();

    // The head corrects a figure and saves: the submission goes back for review, the banner goes.
    await head.keyboard.press('Escape');
    await head.getByTestId('entry-collection-numerator').fill('1');
    await head.getByTestId('entry-collection-denominator').fill('2');
    await head.getByTestId('entry-save').click();
    await head.locator('.el-message--success').waitFor();
    await head.getByTestId('entry-status').getByText('已报送').waitFor();
    expect(await head.getByTestId('entry-returned').count()).toBe(0);
    const resent = (await api('GET', `/submissions/${open}/${county}`, { token })).body;
    expect(resent.review.state).toBe('pending');
    await head.close();
  });
});
