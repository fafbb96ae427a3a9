import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../support/browser';
import { api, baseUrl, waitUntil } from '../support/http';
import { loginPage, newest, tokenFor } from '../support/web';

const COUNTY = '330102';
const ARTIFACTS = resolve(__dirname, '../../../test-artifacts');
/** A4 portrait at the CSS 96 dpi: 297 mm tall. */
const A4_HEIGHT_PX = (297 / 25.4) * 96;

/** Pages of a PDF: its page objects (`/Type /Page`, not the `/Pages` tree). */
function pdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;
}

/**
 * The feedback sheet (反馈单) in the browser: a month is published again, the county head opens
 * the message it got, reads its sheet, and prints it on one A4 page without the app's header.
 */
describe('the feedback sheet in the browser', () => {
  let browser: Browser;
  let month: string;
  let admin: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await tokenFor('admin');
    month = newest((await api('GET', '/periods', { token: admin })).body, 'published').period;
    // Published again now: the heads are told at each publication.
    expect(
      (
        await api('POST', `/periods/${month}/reopen`, {
          token: admin,
          body: { reason: '重新发布以发送反馈单' },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await api('POST', `/periods/${month}/lock`, {
          token: admin,
          body: { force: true, reason: '重新核对后锁定' },
        })
      ).status,
    ).toBe(200);
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
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is opened from the head’s message, shows the result, and prints on one A4 page without the header', async () => {
    // Items raised by hand after a spot check fill the sheet's items table.
    const raised: string[] = [];
    for (const reason of [
      '抽查发现窗口首问登记台账缺失，部分咨询未按规定登记办理结果',
      '网上咨询回复超时件较多，未落实专人值守和超时预警',
      '征缴台账与税务部门数据未按月核对，存在差异未及时处理',
    ]) {
      const answer = await api('POST', '/rectifications', {
        token: admin,
        body: { period: month, agencyCode: COUNTY, reason },
      });
      expect(answer.status).toBe(201);
      raised.push(answer.body.id);
    }
    const head = await loginPage(browser, `head-${COUNTY}`);
    const sheet = (
      await api('GET', `/agencies/${COUNTY}/feedback?period=${month}`, {
        token: await tokenFor(`head-${COUNTY}`),
      })
    ).body as { score: number | null; issuer: string; belowTarget: { code: string }[] };

    await head.getByTestId('notification-bell').click();
    const [year, monthNumber] = month.split('-');
    const message = head
      .getByTestId('notification-list')
      .locator('li', { hasText: `${year}年${Number(monthNumber)}月对标结果已发布` })
      .first();
    await message.waitFor();
    await message.click();
    await head.waitForURL(
      (url) => url.pathname === `/feedback/${COUNTY}` && url.searchParams.get('period') === month,
    );

    const page = head.getByTestId('feedback-sheet');
    await page.waitFor();
    // The message list closes behind the page it led to.
    await head.getByTestId('notification-list').waitFor({ state: 'hidden' });
    expect(await head.getByTestId('feedback-issuer').innerText()).toBe(sheet.issuer);
    expect(await head.locator('#feedback-title').innerText()).toContain('上城区');
    if (sheet.score !== null)
      expect(await head.getByTestId('feedback-score').innerText()).toBe(sheet.score.toFixed(2));
    for (const row of sheet.belowTarget)
      expect(await head.getByTestId(`feedback-gap-${row.code}`).innerText()).toMatch(
        /\d+\.\d{2} %/,
      );
    for (const id of raised) await head.getByTestId(`feedback-item-${id}`).waitFor();
    await head.getByTestId('feedback-print').waitFor();
    await head.screenshot({ path: screenshotPath('feedback-sheet'), fullPage: true });

    // Readable on a phone: nothing wider than the screen.
    await head.setViewportSize({ width: 390, height: 844 });
    const overflow = await head.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await head.screenshot({ path: screenshotPath('feedback-sheet-390'), fullPage: true });

    // Printed: the header, its menu and the print button are gone, and the sheet fits one A4 page.
    await head.setViewportSize({ width: 794, height: 1123 });
    await head.emulateMedia({ media: 'print' });
    expect(await head.getByTestId('app-header').isVisible()).toBe(false);
    expect(await head.getByTestId('nav-menu').isVisible()).toBe(false);
    expect(await head.getByTestId('feedback-print').isVisible()).toBe(false);
    await head.screenshot({ path: screenshotPath('feedback-sheet-print'), fullPage: true });
    const height = await page.evaluate((element) => element.getBoundingClientRect().height);
    expect(height).toBeLessThan(A4_HEIGHT_PX);
    const pdf = await head.pdf({ format: 'A4', printBackground: true });
    writeFileSync(join(ARTIFACTS, 'feedback-sheet.pdf'), pdf);
    expect(pdfPages(pdf)).toBe(1);
    await head.close();
  });

  it('speaks the reader’s language: the message and the sheet in English', async () => {
    const head = await loginPage(browser, `head-${COUNTY}`);
    await head.getByTestId('lang-en').click();
    await head.getByTestId('notification-bell').click();
    const message = head
      .getByTestId('notification-list')
      .locator('li', { hasText: `Results of ${month} are out` })
      .first();
    await message.waitFor();
    await message.click();
    await head.waitForURL((url) => url.pathname === `/feedback/${COUNTY}`);
    await head.getByTestId('feedback-sheet').waitFor();
    expect(await head.locator('#feedback-title').innerText()).toContain(
      `Benchmarking feedback of 上城区, ${month}`,
    );
    expect(await head.getByTestId('feedback-print').innerText()).toBe('Print');
    await head.getByTestId('lang-zh').click();
    await head.close();
  });

  it('is linked from the agency’s scorecard of a published month', async () => {
    const head = await loginPage(browser, `head-${COUNTY}`);
    await head.goto(`${baseUrl()}/my-ranking?period=${month}`);
    await head.getByTestId('scorecard-feedback').click();
    await head.waitForURL((url) => url.pathname === `/feedback/${COUNTY}`);
    await head.getByTestId('feedback-sheet').waitFor();
    await head.close();
  });
});
