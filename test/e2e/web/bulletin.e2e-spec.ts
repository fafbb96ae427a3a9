import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../support/browser';
import { api, baseUrl } from '../support/http';
import { loginPage, tokenFor } from '../support/web';

describe('published rankings and the bulletin in the browser (staff)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('starts staff on their own agency, the league table one click away, no data entry in the menu', async () => {
    const page = await loginPage(browser, 'staff-330102-1');
    await page.waitForURL(/\/my-ranking/);
    await page.getByTestId('scorecard-score').waitFor();
    expect(await page.getByTestId('nav-entry').count()).toBe(0);
    expect(await page.getByTestId('nav-months').count()).toBe(0);
    await page.getByTestId('nav-rankings').click();
    await page.getByTestId('ranking-table').waitFor();
    await page.close();
  });

  it('heads the bulletin with its issuing body, publication date and version', async () => {
    const page = await loginPage(browser, 'staff-330102-1');
    await page.goto(`${baseUrl()}/bulletin`);
    await page.getByTestId('bulletin-paper').waitFor();
    const period = new URL(page.url()).searchParams.get('period');
    expect(period).toMatch(/^\d{4}-\d{2}$/);
    const token = await tokenFor('staff-330102-1');
    const agencies = (await api('GET', '/agencies', { token })).body as {
      name: string;
      parentCode: string | null;
    }[];
    const root = agencies.filter((agency) => agency.parentCode === null);
    expect(root).toHaveLength(1);
    const ranking = (await api('GET', `/rankings?period=${period}&level=city`, { token })).body as {
      version: number;
      publishedAt: string;
    };
    expect(ranking.version).toBeGreaterThanOrEqual(1);
    const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
      new Date(ranking.publishedAt),
    );

    expect(await page.getByTestId('bulletin-issuer').innerText()).toBe(
      `${root[0].name}医疗保障服务中心`,
    );
    expect(await page.getByTestId('bulletin-date').innerText()).toBe(`发布日期：${date}`);
    expect(await page.getByTestId('bulletin-version').innerText()).toBe(`第 ${ranking.version} 版`);
    expect(await page.getByTestId('bulletin-footer').innerText()).toContain(date);
    const counties = await page.getByTestId('bulletin-counties').innerText();
    expect(counties).toContain('所属地市');
    expect(counties).toMatch(/上城区\s+杭州市/);

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.getByTestId('bulletin-issuing').isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('bulletin-header-390'), fullPage: false });
    await page.close();
  });

  it('shows the printable bulletin and downloads it as a spreadsheet', async () => {
    const page = await loginPage(browser, 'staff-330102-1');
    await page.goto(`${baseUrl()}/bulletin`);
    await page.getByTestId('bulletin-paper').waitFor();
    expect(await page.locator('#bulletin-title').innerText()).toMatch(
      /\d{4} 年 \d{1,2} 月浙江省医保经办机构对标评价通报/,
    );
    expect(await page.getByTestId('bulletin-cities').innerText()).toContain('杭州市');
    expect(await page.getByTestId('bulletin-counties').innerText()).toContain('上城区');

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.getByTestId('bulletin-print').isVisible()).toBe(false);
    await page.screenshot({ path: screenshotPath('bulletin-print'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('bulletin-xlsx-city').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const path = await download.path();
    expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK');
    await page.close();
  });
});
