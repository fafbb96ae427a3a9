import type { SchemeDto } from '@scorecard/contracts';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../support/browser';
import { api, baseUrl, waitUntil } from '../support/http';
import { loginPage, tokenFor } from '../support/web';

describe('assessment scheme editor in the browser (province admin)', () => {
  let browser: Browser;
  let page: Page;
  let year: number;
  /** The first month still open: a new version applies from there. */
  let firstOpen: string;
  let before: SchemeDto;

  const admin = async () => ({ token: await tokenFor('admin') });
  const rowOf = (code: string) => before.indicators.findIndex((i) => i.code === code);

  beforeAll(async () => {
    browser = await launchBrowser();
    const periods: { period: string; status: string }[] = (
      await api('GET', '/periods', await admin())
    ).body;
    firstOpen = periods
      .filter((p) => p.status === 'open')
      .map((p) => p.period)
      .sort()[0] as string;
    year = Number(firstOpen.slice(0, 4));
    const scheme = await api('GET', `/schemes/${year}`, await admin());
    expect(scheme.status).toBe(200);
    before = scheme.body;
  });
  afterAll(async () => {
    // Leave the demo's indicators as they were for the other browser tests (a version on top).
    if (before) {
      const body: Partial<SchemeDto> = { ...before };
      delete body.year;
      delete body.version;
      const latest = (await api('GET', `/schemes/${year}`, await admin())).body as SchemeDto;
      if (latest.version !== before.version) {
        await api('PUT', `/schemes/${year}`, {
          ...(await admin()),
          body: {
            ...body,
            effectiveFrom: firstOpen,
            reason: '恢复测试前的方案',
            version: latest.version,
          },
        });
      }
    }
    await browser?.close();
  });

  it('changes weights, adds an indicator, previews the rank changes and saves a new version', async () => {
    page = await loginPage(browser, 'admin');
    await page.getByTestId('nav-scheme').click();
    await page.waitForURL((url) => url.pathname === '/scheme');
    await page.goto(`${baseUrl()}/scheme?year=${year}`);
    await page.getByTestId('scheme-indicators').waitFor();
    expect(await page.getByTestId('scheme-weight-total').innerText()).toContain('100 / 100');

    const expansion = rowOf('enrollment_expansion');
    const inspection = rowOf('annual_inspection');
    const satisfaction = rowOf('satisfaction');
    expect(before.indicators[expansion]?.weight).toBe(20);
    expect(before.indicators[inspection]?.weight).toBe(10);
    expect(await page.getByTestId(`indicator-${rowOf('collection')}-target`).inputValue()).toBe(
      '98',
    );

    // 20 → 30 and 10 → 0 keeps the total at 100, but a weight of 0 is refused at its cell.
    await page.getByTestId(`indicator-${expansion}-weight`).fill('30');
    await page.getByTestId(`indicator-${inspection}-weight`).fill('0');
    const inspectionRow = page.getByTestId(`scheme-indicator-${inspection}`);
    await inspectionRow.getByText('权重须为正整数').waitFor();
    await page.getByTestId('scheme-preview-button').click();
    await page.getByText('请先修改标红的内容').waitFor();

    // A valid pair: 20 → 25 and 10 → 5.
    await page.getByTestId(`indicator-${expansion}-weight`).fill('25');
    await page.getByTestId(`indicator-${inspection}-weight`).fill('5');
    await inspectionRow.getByText('权重须为正整数').waitFor({ state: 'detached' });
    expect(await page.getByTestId('scheme-weight-total').innerText()).toContain('100 / 100');

    // 异地就医备案办结率, weighed 10 taken from satisfaction.
    const added = before.indicators.length;
    await page.getByTestId('scheme-add-indicator').click();
    await page.getByTestId(`indicator-${added}-code`).fill('remote_filing');
    await page.getByTestId(`indicator-${added}-nameZh`).fill('异地就医备案办结率');
    await page.getByTestId(`indicator-${added}-nameEn`).fill('Cross-region care filings completed');
    await page.getByTestId(`indicator-${added}-numeratorLabel`).fill('按时办结的备案数');
    await page.getByTestId(`indicator-${added}-denominatorLabel`).fill('受理的备案数');
    await page.getByTestId(`indicator-${added}-weight`).fill('10');
    await page.getByTestId(`indicator-${added}-target`).fill('95');
    await page.getByTestId(`indicator-${added}-floor`).fill('70');
    await page.getByTestId(`indicator-${added}-dimension`).fill('业务经办');
    await page.getByTestId(`indicator-${added}-dimension`).press('Tab');
    expect(await page.getByTestId('scheme-weight-total').innerText()).toContain('110 / 100');
    await page.getByText('权重合计须为 100，当前为 110').waitFor();
    await page.getByTestId(`indicator-${satisfaction}-weight`).fill('10');
    expect(await page.getByTestId('scheme-weight-total').innerText()).toContain('100 / 100');

    await page.getByTestId('scheme-preview-button').click();
    const table = page.getByTestId('scheme-preview-table');
    await table.waitFor();
    await page.getByTestId('scheme-preview-counties').click();
    const moves = async () =>
      page
        .getByTestId('scheme-preview-row')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-move')));
    const shown = await moves();
    expect(shown.length).toBeGreaterThan(10);
    const ranked = shown.filter((move) => move !== '').map(Number);
    expect(ranked.some((move) => move !== 0)).toBe(true);
    // Largest move either way first; the unranked (未报送) last.
    const magnitudes = ranked.map(Math.abs);
    expect(magnitudes).toEqual([...magnitudes].sort((a, b) => b - a));
    expect(shown.slice(ranked.length).every((move) => move === '')).toBe(true);
    // Sorted by the move itself: climbers first.
    await page.getByTestId('scheme-preview-sort-move').click();
    const signed = (await moves()).filter((move) => move !== '').map(Number);
    expect(signed).toEqual([...signed].sort((a, b) => b - a));
    await page.getByTestId('scheme-preview-sort-magnitude').click();

    await page.setViewportSize({ width: 1280, height: 900 });
    // The earlier warning toast gone, so the picture shows the preview alone.
    await page.locator('.el-message').waitFor({ state: 'detached' });
    await page.getByTestId('scheme-preview-chart').waitFor();
    await page.getByTestId('scheme-preview').screenshot({ path: screenshotPath('scheme-preview') });

    // Saving asks first, naming the months computed again from the first open month.
    expect(await page.getByTestId('scheme-effectiveFrom').innerText()).toContain(firstOpen);
    await page.getByTestId('scheme-reason').fill('新增异地就医备案办结率，调整扩面与年检权重');
    await page.getByTestId('scheme-save').click();
    const box = page.locator('.el-message-box').last();
    await box.getByText(firstOpen).first().waitFor();
    await box.getByRole('button', { name: '保存并重新计算' }).click();
    const version = before.version + 1;
    await page.getByText(`已保存 ${year} 年考核方案 v${version}`).waitFor();
    const history = page.getByTestId(`scheme-version-${version}`);
    await history.getByText('新增异地就医备案办结率').waitFor();
    expect(await history.innerText()).toContain(firstOpen);

    const stored = (await api('GET', `/schemes/${year}`, await admin())).body as SchemeDto;
    expect(stored.version).toBe(version);
    expect(stored.indicators.find((i) => i.code === 'remote_filing')).toMatchObject({
      weight: 10,
      target: 0.95,
      floor: 0.7,
      dimension: '业务经办',
    });
    expect(stored.indicators.find((i) => i.code === 'collection')?.target).toBe(0.98);
  });

  it('names the new version in the figures drawer and subtotals its dimensions on the scorecard', async () => {
    const version = before.version + 1;
    const label = `方案 ${year} v${version}`;
    // The open months are computed again under the new version.
    const ranking = await waitUntil(
      async () => {
        const answer = await api(
          'GET',
          `/rankings?period=${firstOpen}&level=county&parent=330100&scope=aggregate`,
          await admin(),
        );
        return answer.body.scheme?.version === version ? answer.body : undefined;
      },
      `${firstOpen} computed under v${version}`,
      90_000,
    );
    const county: string = ranking.rows.find(
      (row: { reported: boolean }) => row.reported,
    ).agencyCode;

    await page.goto(`${baseUrl()}/overview?period=${firstOpen}&parent=330100`);
    // The league table follows the month's indicators: the new one has its column.
    await page.getByTestId(`cell-${county}-remote_filing`).waitFor();
    await page.getByTestId(`cell-${county}-collection`).click();
    const drawer = page.locator('.el-drawer');
    expect(await drawer.getByTestId('inputs-scheme').innerText()).toBe(label);
    expect(await drawer.getByTestId('inputs-formula').innerText()).toContain(label);
    await page.keyboard.press('Escape');

    await page.goto(`${baseUrl()}/agencies/${county}?period=${firstOpen}`);
    const dimensions = page.getByTestId('scorecard-dimensions');
    await dimensions.getByTestId('dimension-业务经办').waitFor();
    await dimensions.getByTestId('dimension-服务质量').waitFor();
    // 25 + 20 + 5 + 10 (the new indicator) in 业务经办.
    expect(await dimensions.getByTestId('dimension-业务经办').innerText()).toContain('权重 60');
    expect(await page.getByTestId('scorecard-scheme').innerText()).toBe(label);
    await page.screenshot({ path: screenshotPath('scheme-scorecard-dimensions'), fullPage: false });
  });

  it('shows the API’s refusal at its cell, and a version saved meanwhile as a clear message', async () => {
    await page.goto(`${baseUrl()}/scheme?year=${year}`);
    await page.getByTestId('scheme-indicators').waitFor();
    const collection = rowOf('collection');
    // Only the API knows this rule here: a target above 100 % needs "may pass 100 %".
    await page.getByTestId(`indicator-${collection}-target`).fill('120');
    await page.getByTestId('scheme-preview-button').click();
    const row = page.getByTestId(`scheme-indicator-${collection}`);
    await row.getByText('目标值超过 100% 时须允许分子大于分母').waitFor();
    await page.getByTestId(`indicator-${collection}-target`).fill('98');
    await row.getByText('目标值超过 100% 时须允许分子大于分母').waitFor({ state: 'detached' });

    // Another administrator saves a version while this page still shows the one before.
    const shown = (await api('GET', `/schemes/${year}`, await admin())).body as SchemeDto;
    const meanwhile: Partial<SchemeDto> = { ...shown };
    delete meanwhile.year;
    delete meanwhile.version;
    const saved = await api('PUT', `/schemes/${year}`, {
      ...(await admin()),
      body: {
        ...meanwhile,
        effectiveFrom: firstOpen,
        reason: '另一位管理员的修改',
        version: shown.version,
      },
    });
    expect(saved.status).toBe(200);
    await page.getByTestId('scheme-reason').fill('基于旧版本的修改');
    await page.getByTestId('scheme-save').click();
    const box = page.locator('.el-message-box').last();
    await box.getByRole('button', { name: '保存并重新计算' }).click();
    const conflict = page.getByTestId('scheme-conflict');
    await conflict.getByText(`方案已有更新的版本 v${shown.version + 1}`).waitFor();
    expect(await conflict.innerText()).toContain('无法保存');
    expect(await conflict.innerText()).not.toContain('加载失败');
    expect(((await api('GET', `/schemes/${year}`, await admin())).body as SchemeDto).version).toBe(
      shown.version + 1,
    );
  });

  it('shows the new indicator on a county head’s data entry page', async () => {
    const head = await loginPage(browser, 'head-330102');
    await head.goto(`${baseUrl()}/entry?period=${firstOpen}`);
    await head.getByTestId('entry-form').waitFor();
    await head.getByTestId('entry-remote_filing-numerator').waitFor();
    await head.getByText('异地就医备案办结率').first().waitFor();
    // What each figure counts, as the scheme says.
    expect(await head.getByTestId('entry-remote_filing-numerator-label').innerText()).toBe(
      '按时办结的备案数',
    );
    expect(await head.getByTestId('entry-remote_filing-denominator-label').innerText()).toBe(
      '受理的备案数',
    );
    await head.screenshot({ path: screenshotPath('scheme-entry-new-indicator'), fullPage: true });
    await head.close();
  });

  it('fits a 390 px wide phone screen, the indicator table scrolling within', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl()}/scheme?year=${year}`);
    await page.getByTestId('scheme-indicators').waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('scheme-390'), fullPage: false });
  });

  it('offers no scheme editor to an agency head, not even by its address', async () => {
    const head = await loginPage(browser, 'head-330102');
    expect(await head.getByTestId('nav-scheme').count()).toBe(0);
    await head.goto(`${baseUrl()}/scheme`);
    await head.waitForURL((url) => url.pathname !== '/scheme');
    await head.close();
  });
});
