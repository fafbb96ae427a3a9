import type { Browser } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../support/browser';
import { api } from '../support/http';
import { importFile } from '../support/imports';
import { loginPage, newest, tokenFor } from '../support/web';

const REASON = '抽查发现首问登记台账缺失';
const COMMENT = '窗口排队两个小时无人引导';

interface FollowUp {
  kind: string;
  id: string;
  deadline: string;
}

/**
 * The county head's home starts with what needs them (需要您处理): its open rectification item
 * and its bad-review case in one list by deadline, each with its time left and a link to where it
 * is answered, readable on a phone.
 */
describe('the head’s home: rectification items and bad reviews in one list by deadline', () => {
  let browser: Browser;
  let county: string;
  let published: string;
  let openPeriod: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const admin = await tokenFor('admin');
    const periods = (await api('GET', '/periods', { token: admin })).body;
    published = newest(periods, 'published').period;
    openPeriod = newest(periods, 'open').period;
    // A county without figures or bad-review cases of the open month (the demo's cases of a county
    // whose rating the file leaves out would be withdrawn beside the new one), away from those
    // other files take.
    const ranking = (
      await api('GET', `/rankings?period=${openPeriod}&level=county`, { token: admin })
    ).body;
    const unreported: string[] = ranking.rows
      .filter((row: { reported: boolean }) => !row.reported)
      .map((row: { agencyCode: string }) => row.agencyCode);
    const middle = Math.floor(unreported.length / 2);
    for (const candidate of [...unreported.slice(middle), ...unreported.slice(0, middle)]) {
      const cases = await api('GET', `/bad-reviews?agencyCode=${candidate}&period=${openPeriod}`, {
        token: admin,
      });
      if (cases.body.items.length === 0) {
        county = candidate;
        break;
      }
    }
    if (!county) throw new Error('Every county without figures has bad-review cases already');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the head its item and its case, nearest deadline first, each linked, without sideways scrolling at 390 px', async () => {
    const admin = await tokenFor('admin');
    const raised = await api('POST', '/rectifications', {
      token: admin,
      body: { period: published, agencyCode: county, reason: REASON },
    });
    expect(raised.status).toBe(201);
    const itemId = raised.body.id as string;

    const head = await tokenFor(`head-${county}`);
    const file = [
      '评价编号,机构编码,评价时间,渠道,评价等级,办理事项,评价内容',
      `HOME-${Date.now()},${county},${openPeriod}-03T10:00:00+08:00,窗口,1,医保关系转移,${COMMENT}`,
    ].join('\r\n');
    const { status, job } = await importFile(head, 'ratings', 'ratings.csv', file);
    expect(status).toBe(202);
    expect(job.result).toMatchObject({ status: 'applied' });
    const cases = (
      await api('GET', `/bad-reviews?agencyCode=${county}&period=${openPeriod}`, { token: head })
    ).body as { items: { id: string; deadline: string }[] };
    expect(cases.items).toHaveLength(1);
    const caseId = cases.items[0].id;

    // The order the page must show: by deadline, read from each kind's own list.
    const mine = (await api('GET', '/follow-ups/mine', { token: head })).body as FollowUp[];
    const ours = mine.filter(
      (entry) =>
        (entry.kind === 'rectification' && entry.id === itemId) ||
        (entry.kind === 'badReview' && entry.id === caseId),
    );
    expect(ours).toHaveLength(2);
    const deadlines = mine.map((entry) => entry.deadline);
    expect(deadlines).toEqual([...deadlines].sort());
    const itemTestId = `needs-you-${itemId}`;
    const caseTestId = `needs-you-bad-review-${caseId}`;
    const expected = ours.map((entry) =>
      entry.kind === 'rectification' ? itemTestId : caseTestId,
    );

    const page = await loginPage(browser, `head-${county}`);
    const panel = page.getByTestId('rectification-panel');
    await panel.getByText('需要您处理').waitFor();
    await panel.getByTestId(itemTestId).waitFor();
    await panel.getByTestId(caseTestId).waitFor();
    const shown = await panel
      .getByTestId('needs-you')
      .locator('li')
      .evaluateAll((lines) => lines.map((line) => line.getAttribute('data-testid')));
    expect(shown.filter((id) => id === itemTestId || id === caseTestId)).toEqual(expected);
    for (const testId of [itemTestId, caseTestId])
      expect(await panel.getByTestId(testId).innerText()).toMatch(
        /剩余 \d+ 个工作日|今天到期|已逾期 \d+ 个工作日/,
      );
    expect(await panel.getByTestId(itemTestId).innerText()).toContain('整改');
    expect(await panel.getByTestId(caseTestId).innerText()).toContain('差评');
    expect(await panel.getByTestId(caseTestId).locator('a').getAttribute('href')).toBe(
      `/bad-reviews?period=${openPeriod}`,
    );

    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: screenshotPath('head-follow-ups-390'), fullPage: true });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);

    // The case's link opens it where it is answered.
    await panel.getByTestId(caseTestId).locator('a').click();
    await page.getByTestId(`bad-review-${caseId}`).getByText(COMMENT).waitFor();
    await page.close();
  });
});
