import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../support/browser';
import { type ExtraApi, startExtraApi } from '../support/extra-api';
import { api } from '../support/http';
import { newest, tokenFor } from '../support/web';
import { DEFAULT_SCHEME_INDICATORS } from '@scorecard/server-months';

const USER = 'head-330106';
const AGENCY = '330106';
/** The shortest access-token life the API accepts. */
const TOKEN_SECONDS = 30;
const INDICATORS = DEFAULT_SCHEME_INDICATORS.map((indicator) => indicator.code);

async function logIn(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
  await page.goto(`${url}/`);
  await page.getByTestId('login-username').fill(USER);
  await page.getByTestId('login-password').fill('demo');
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  return page;
}

async function fillForm(page: Page, collection: string): Promise<void> {
  for (const code of INDICATORS) {
    await page.getByTestId(`entry-${code}-numerator`).fill('80');
    await page.getByTestId(`entry-${code}-denominator`).fill('100');
  }
  await page.getByTestId('entry-collection-numerator').fill(collection);
  await page.getByTestId('entry-collection-denominator').fill('5000');
}

async function savedCollection(open: string): Promise<unknown> {
  const token = await tokenFor('admin');
  return (await api('GET', `/submissions/${open}/${AGENCY}`, { token })).body.values.collection;
}

describe('a session outlives its access token (county head, 30-second tokens)', () => {
  let browser: Browser;
  let server: ExtraApi;
  let open: string;

  beforeAll(async () => {
    server = await startExtraApi('short-tokens', { JWT_EXPIRES_IN_SECONDS: String(TOKEN_SECONDS) });
    browser = await launchBrowser();
    const token = await tokenFor('admin');
    open = newest((await api('GET', '/periods', { token })).body, 'open').period;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('saves what was typed after the access token ran out, refreshing it silently', async () => {
    const page = await logIn(browser, server.url);
    const refreshes: number[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/auth/refresh')) refreshes.push(Date.now());
    });
    await page.goto(`${server.url}/entry?period=${open}`);
    await page.getByTestId('entry-form').waitFor();
    await fillForm(page, '4321');

    await page.waitForTimeout((TOKEN_SECONDS + 5) * 1000);
    await page.getByTestId('entry-save').click();
    await page.locator('.el-message--success').waitFor();

    expect(new URL(page.url()).pathname).toBe('/entry');
    expect(await page.getByTestId('relogin-dialog').isVisible()).toBe(false);
    expect(refreshes.length).toBeGreaterThanOrEqual(1);
    expect(await savedCollection(open)).toEqual({ numerator: 4321, denominator: 5000 });
    await page.close();
  });

  it('asks for the password in place when the session has ended, keeps the form and saves', async () => {
    const page = await logIn(browser, server.url);
    await page.goto(`${server.url}/entry?period=${open}`);
    await page.getByTestId('entry-form').waitFor();
    await fillForm(page, '4567');

    // End the session for real, as when it is revoked elsewhere: log that very session out.
    // Its access token and its refresh token then both answer 401.
    const accessToken = await page.evaluate(
      () =>
        (JSON.parse(localStorage.getItem('scorecard.session') ?? '{}') as { accessToken?: string })
          .accessToken,
    );
    expect(accessToken).toBeTruthy();
    expect((await api('POST', '/auth/logout', { token: accessToken })).status).toBe(204);

    await page.getByTestId('entry-save').click();
    const dialog = page.getByTestId('relogin-dialog');
    await page.getByTestId('relogin-password').waitFor();
    expect(new URL(page.url()).pathname).toBe('/entry');
    expect(await page.getByTestId('entry-collection-numerator').inputValue()).toBe('4567');
    await page.screenshot({ path: screenshotPath('session-relogin-dialog'), fullPage: true });

    await page.getByTestId('relogin-password').fill('demo');
    await page.getByTestId('relogin-submit').click();
    await page.locator('.el-message--success').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).pathname).toBe('/entry');
    expect(await savedCollection(open)).toEqual({ numerator: 4567, denominator: 5000 });
    await page.close();
  });
});
