import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../support/browser';
import { type DatabaseGate, openDatabaseGate } from '../support/database-gate';
import { type ExtraApi, startExtraApi } from '../support/extra-api';
import { api, baseUrl } from '../support/http';
import { newest, tokenFor } from '../support/web';

async function logIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('demo');
  await page.getByTestId('login-submit').click();
  await page.waitForURL((address) => !address.pathname.startsWith('/login'));
}

async function storedSession(page: Page): Promise<unknown> {
  const raw = await page.evaluate(() => localStorage.getItem('scorecard.session'));
  return raw ? JSON.parse(raw) : null;
}

/** Short enough that the access token runs out while the database is away. */
const TOKEN_SECONDS = 30;

describe('what the server says, in the browser', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows a validation error of the server in Chinese, and in English after switching', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    await page.goto(`${baseUrl()}/login`);
    // No form rule limits the length: the API's rule (at most 64 characters) answers.
    await page.getByTestId('login-username').fill('a'.repeat(65));
    await page.getByTestId('login-password').fill('demo');
    await page.getByTestId('login-submit').click();
    const error = page.getByTestId('login-error');
    await error.getByText('登录失败：username 最多 64 个字符').waitFor();
    await page.screenshot({ path: screenshotPath('login-server-error-zh'), fullPage: true });

    await page.getByTestId('lang-en').click();
    // English is fetched when first chosen: only once it has arrived do requests ask for English.
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.getByTestId('login-password').fill('demo');
    await page.getByTestId('login-submit').click();
    await error.getByText('Login failed: username must be at most 64 characters').waitFor();
    await page.close();
  });

  describe('with the database down', () => {
    let gate: DatabaseGate;
    let extra: ExtraApi;
    let open: string;

    beforeAll(async () => {
      const databaseUrl = process.env['E2E_DATABASE_URL'];
      if (!databaseUrl) throw new Error('The suite did not say where PostgreSQL listens');
      gate = await openDatabaseGate(databaseUrl);
      extra = await startExtraApi('database-gate', {
        DATABASE_URL: gate.url,
        JWT_EXPIRES_IN_SECONDS: String(TOKEN_SECONDS),
      });
      open = newest(
        (await api('GET', '/periods', { token: await tokenFor('admin') })).body,
        'open',
      ).period;
    });
    afterAll(async () => {
      await extra?.stop();
      await gate?.close();
    });

    it('says the service is unavailable, keeps the session and what was typed, and saves once it is back', async () => {
      const page = await browser.newPage({
        viewport: { width: 1440, height: 1000 },
        locale: 'zh-CN',
      });
      await logIn(page, extra.url, 'head-330110');
      const loggedInAt = Date.now();
      await page.goto(`${extra.url}/entry?period=${open}&agency=330110`);
      await page.getByTestId('entry-form').waitFor();
      const figures = {
        enrollment_expansion: ['95', '100'],
        collection: ['98', '100'],
        annual_inspection: ['97', '100'],
        first_inquiry: ['96', '100'],
        ab_post: ['9', '10'],
        online_reply: ['88', '90'],
        satisfaction: ['77', '80'],
      };
      for (const [code, [numerator, denominator]] of Object.entries(figures)) {
        await page.getByTestId(`entry-${code}-numerator`).fill(numerator ?? '');
        await page.getByTestId(`entry-${code}-denominator`).fill(denominator ?? '');
      }
      const session = await storedSession(page);
      expect(session).toMatchObject({ user: { username: 'head-330110' } });

      await gate.close();
      await page.getByTestId('entry-save').click();
      await page.locator('.el-message--error').getByText('服务暂时不可用，请稍后再试').waitFor();
      await page.screenshot({ path: screenshotPath('entry-database-down'), fullPage: false });
      expect(new URL(page.url()).pathname).toBe('/entry');
      expect(await page.getByTestId('entry-satisfaction-numerator').inputValue()).toBe('77');
      expect(await page.locator('.el-dialog:visible').count()).toBe(0);

      // The access token runs out meanwhile: the renewal cannot reach the database either, and
      // that is no reason to end the session or ask for the password.
      await page.waitForTimeout(Math.max(0, loggedInAt + (TOKEN_SECONDS + 2) * 1000 - Date.now()));
      await page.getByTestId('entry-save').click();
      await page.locator('.el-message--error').getByText('服务暂时不可用，请稍后再试').waitFor();
      expect(new URL(page.url()).pathname).toBe('/entry');
      expect(await page.getByTestId('entry-satisfaction-numerator').inputValue()).toBe('77');
      expect(await page.locator('.el-dialog:visible').count()).toBe(0);
      expect(await storedSession(page)).toEqual(session);

      // Loading says so too, in the language of the page.
      await page.getByTestId('lang-en').click();
      // The choice is kept once English has arrived: only then does a reload come back in English.
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      await page.reload();
      await page
        .getByText('The service is temporarily unavailable; please try again shortly')
        .first()
        .waitFor();
      expect(new URL(page.url()).pathname).toBe('/entry');
      // Still logged in: the same session, refresh token and all.
      expect(await storedSession(page)).toEqual(session);
      await page.getByTestId('lang-zh').click();

      await gate.open();
      await page.reload();
      await page.getByTestId('entry-form').waitFor();
      for (const [code, [numerator, denominator]] of Object.entries(figures)) {
        await page.getByTestId(`entry-${code}-numerator`).fill(numerator ?? '');
        await page.getByTestId(`entry-${code}-denominator`).fill(denominator ?? '');
      }
      await page.getByTestId('entry-save').click();
      await page.locator('.el-message--success').waitFor();
      const saved = (
        await api('GET', `/submissions/${open}/330110`, { token: await tokenFor('head-330110') })
      ).body;
      expect(saved.values.satisfaction).toEqual({ numerator: 77, denominator: 80 });
      await page.close();
    });
  });
});
