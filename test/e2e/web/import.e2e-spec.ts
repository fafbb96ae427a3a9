import type { Browser } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../support/browser';
import { api, baseUrl } from '../support/http';
import { loginPage, newest, tokenFor } from '../support/web';

describe('importing a file in the browser (county head)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('uploads by the drop zone, follows the job and lists the rejected rows with a downloadable report', async () => {
    const token = await tokenFor('head-330102');
    const open = newest((await api('GET', '/periods', { token })).body, 'open').period;
    const csv = [
      'period,agency_code,indicator_code,numerator,denominator',
      `${open},330102,first_inquiry,9,10`,
      `${open},330102,collection,120,100`,
      `${open},330102,online_reply,abc,10`,
    ].join('\n');

    const page = await loginPage(browser, 'head-330102');
    await page.goto(`${baseUrl()}/imports`);
    await page.getByTestId('import-kind-submissions').click();
    await page.locator('input[type="file"]').setInputFiles({
      name: 'figures.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-progress').waitFor();
    await page.getByTestId('import-result').waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('import-result').innerText()).toContain('导入未通过');
    const errors = await page.getByTestId('import-errors').innerText();
    expect(errors).toMatch(/\b3\b/);
    expect(errors).toMatch(/\b4\b/);
    await page.screenshot({ path: screenshotPath('import-rejected'), fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('import-errors-download').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    await page.close();
  });

  it('sends the file chosen last: a second file takes the place of the first, and another after 继续导入', async () => {
    const token = await tokenFor('head-330102');
    const open = newest((await api('GET', '/periods', { token })).body, 'open').period;
    const header = 'period,agency_code,indicator_code,numerator,denominator';
    const file = (name: string, line: string) => ({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(`${header}\n${line}\n`, 'utf8'),
    });
    // Both are refused (a numerator over its denominator), so nothing changes either way.
    const first = file('first.csv', `${open},330102,first_inquiry,11,10`);
    const second = file('second.csv', `${open},330102,first_inquiry,12,10`);
    const third = file('third.csv', `${open},330102,first_inquiry,13,10`);

    const page = await loginPage(browser, 'head-330102');
    await page.goto(`${baseUrl()}/imports`);
    await page.getByTestId('import-kind-submissions').click();
    const input = page.locator('input[type="file"]');
    /** The import the page sent when 开始导入 was clicked, as the API recorded it. */
    const sent = async () => {
      const [response] = await Promise.all([
        page.waitForResponse(
          (r) => r.request().method() === 'POST' && r.url().endsWith('/api/imports'),
        ),
        page.getByTestId('import-submit').click(),
      ]);
      const { importId } = (await response.json()) as { importId: string };
      await page.getByTestId('import-result').waitFor({ timeout: 90_000 });
      return (await api('GET', `/imports/${importId}`, { token })).body as {
        fileName: string;
        errors: { row: number; value: string }[];
      };
    };

    await input.setInputFiles(first);
    await input.setInputFiles(second);
    expect(await page.getByTestId('import-submit').isEnabled()).toBe(true);
    const imported = await sent();
    expect(imported.fileName).toBe('second.csv');
    expect(imported.errors).toEqual([expect.objectContaining({ row: 2, value: '12' })]);
    expect(await page.getByTestId('import-upload').innerText()).not.toContain('first.csv');

    await page.getByRole('button', { name: '继续导入' }).click();
    await input.setInputFiles(third);
    expect(await page.getByTestId('import-submit').isEnabled()).toBe(true);
    const again = await sent();
    expect(again.fileName).toBe('third.csv');
    expect(again.errors).toEqual([expect.objectContaining({ row: 2, value: '13' })]);
    await page.close();
  });

  it('says what a file would replace of the figures typed in, and applies it only when confirmed', async () => {
    const token = await tokenFor('head-330102');
    const open = newest((await api('GET', '/periods', { token })).body, 'open').period;
    const values = async () =>
      (await api('GET', `/submissions/${open}/330102`, { token })).body.values;
    const typed = (await values()).ab_post as { numerator: number; denominator: number };
    const wanted = typed.numerator > 0 ? typed.numerator - 1 : typed.numerator + 1;
    const csv = `统计月份,机构编码,指标编码,分子,分母\n${open},330102,ab_post,${wanted},${typed.denominator}\n`;
    const choose = async () => {
      await page.getByTestId('import-kind-submissions').click();
      await page.locator('input[type="file"]').setInputFiles({
        name: '月报.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv, 'utf8'),
      });
      await page.getByTestId('import-submit').click();
      await page.getByTestId('import-replacements').waitFor({ timeout: 90_000 });
    };

    const page = await loginPage(browser, 'head-330102');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl()}/imports`);
    await choose();
    const listed = await page.getByTestId('import-replacements').innerText();
    expect(listed).toContain('1 项手工填报的数据');
    expect(listed).toContain(open);
    expect(listed).toContain('AB岗制度落实率');
    expect(listed).toMatch(
      new RegExp(
        `${typed.numerator} / ${typed.denominator}\\s*→\\s*${wanted} / ${typed.denominator}`,
      ),
    );
    await page.screenshot({ path: screenshotPath('import-needs-confirmation'), fullPage: true });
    expect((await values()).ab_post).toEqual(typed);

    await page.getByTestId('import-cancel').click();
    await page.getByTestId('import-result').waitFor();
    expect(await page.getByTestId('import-result').innerText()).toContain('已取消导入');
    expect((await values()).ab_post).toEqual(typed);

    await page.getByRole('button', { name: '继续导入' }).click();
    await choose();
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-result').waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('import-result').innerText()).toContain('导入成功');
    expect((await values()).ab_post).toEqual({ numerator: wanted, denominator: typed.denominator });
    await page.close();
  });
});
