import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../support/browser';
import { baseUrl } from '../support/http';
import { loginPage } from '../support/web';

/** People management in the browser: a bulk import, a first login that must set its password, a city's view. */
describe('people management in the browser', () => {
  let browser: Browser;
  const initialPasswords = new Map<string, string>();

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Logs in through the form on a phone-sized screen, with the password given. */
  async function phoneLogin(username: string, password: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    await page.goto(`${baseUrl()}/`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    return page;
  }

  async function setPassword(page: Page, current: string, next: string): Promise<void> {
    await page.getByTestId('password-current').fill(current);
    await page.getByTestId('password-next').fill(next);
    await page.getByTestId('password-confirm').fill(next);
    await page.getByTestId('password-submit').click();
  }

  it('lets the province admin import two accounts from an XLSX and shows their initial passwords once, with a CSV', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('账号');
    sheet.addRow(['用户名', '姓名', '角色', '机构编码', '岗位']);
    sheet.addRow(['e2e-head-330105', '何静', '负责人', '330105', '负责人']);
    sheet.addRow(['e2e-city-330200', '罗刚', '市级管理员', '330200', '']);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());

    const page = await loginPage(browser, 'admin');
    await page.getByTestId('nav-users').click();
    await page.waitForURL(/\/users$/);
    await page.getByTestId('users-table').waitFor();
    await page.getByTestId('users-import').click();
    await page.getByTestId('user-import').locator('input[type="file"]').setInputFiles({
      name: '新账号.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    });
    await page.getByTestId('user-import-submit').click();

    const dialog = page.getByTestId('initial-passwords');
    await dialog.getByTestId('initial-password').first().waitFor();
    const rows = await dialog.locator('.el-table__body tr').allInnerTexts();
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      const [username, , password] = row.split('\t').map((cell) => cell.trim());
      initialPasswords.set(username, password);
    }
    expect([...initialPasswords.keys()]).toEqual(['e2e-head-330105', 'e2e-city-330200']);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByTestId('initial-passwords-download').click(),
    ]);
    expect(download.suggestedFilename()).toBe('初始密码.csv');
    await page.screenshot({ path: screenshotPath('users-imported'), fullPage: true });
    await dialog.getByTestId('initial-passwords-close').click();

    await page.getByTestId('users-search').fill('e2e-head-330105');
    await expect(page.getByTestId('user-state-e2e-head-330105').innerText()).resolves.toContain(
      '待修改初始密码',
    );
    await page.close();
  });

  it('sends an imported account to set its password first, nowhere else, then to its home', async () => {
    const initial = initialPasswords.get('e2e-head-330105');
    if (!initial) throw new Error('the import test did not run');
    const page = await phoneLogin('e2e-head-330105', initial);
    await page.waitForURL(/\/password/);
    await page.goto(`${baseUrl()}/rankings`);
    await page.waitForURL(/\/password/);
    await expect(page.getByTestId('password-user').innerText()).resolves.toBe('e2e-head-330105');

    // A password the rules refuse is said on the page, and nothing is sent.
    await setPassword(page, initial, 'short');
    await page.locator('.el-form-item__error').first().waitFor();
    expect(page.url()).toContain('/password');

    await setPassword(page, initial, 'He-Jing-Own-2026');
    await page.waitForURL(/\/my-ranking/);
    // Its own agency's page, whatever the width (on a phone the header folds the user away).
    await page.getByTestId('scorecard-score').waitFor();
    await page.screenshot({ path: screenshotPath('users-first-login-home'), fullPage: true });
    await page.goto(`${baseUrl()}/rankings`);
    await page.waitForURL(/\/rankings/);
    await page.close();
  });

  it("shows a city admin its city's people only, on a phone-sized screen", async () => {
    const initial = initialPasswords.get('e2e-city-330200');
    if (!initial) throw new Error('the import test did not run');
    const page = await phoneLogin('e2e-city-330200', initial);
    await page.waitForURL(/\/password/);
    await setPassword(page, initial, 'Luo-Gang-Own-2026');
    await page.waitForURL((url) => !url.pathname.startsWith('/password'));

    await page.goto(`${baseUrl()}/users`);
    await page.getByTestId('users-table').waitFor();
    await page.getByTestId('user-e2e-city-330200').waitFor();
    const search = page.getByTestId('users-search');
    await search.fill('staff-330102-1');
    await page.getByTestId('users-count').getByText('共 0 人').waitFor();
    await search.fill('staff-3302');
    await page.getByTestId('user-staff-330203-1').waitFor();
    const usernames = await page.locator('[data-testid^="user-staff-"]').allInnerTexts();
    expect(usernames.length).toBeGreaterThan(0);
    expect(usernames.every((username) => username.startsWith('staff-3302'))).toBe(true);

    // Nothing wider than the phone: the table scrolls inside its own frame.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('users-city-phone'), fullPage: true });
    await page.close();
  });

  it('offers no people page to a county head: no menu entry, and /users sends it home', async () => {
    const page = await loginPage(browser, 'head-330102');
    await page.waitForURL((url) => url.pathname === '/my-ranking');
    await page.getByTestId('nav-rankings').waitFor();
    expect(await page.getByTestId('nav-users').count()).toBe(0);
    await page.goto(`${baseUrl()}/users`);
    await page.waitForURL((url) => url.pathname === '/my-ranking');
    expect(await page.getByTestId('users-table').count()).toBe(0);
    await page.close();
  });
});
