import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../support/browser';
import { api } from '../support/http';
import { loginPage, newest, tokenFor } from '../support/web';

interface Row {
  agencyCode: string;
  rank: number | null;
  score: number | null;
  reported: boolean;
}
interface Window {
  kind: string;
  months: string[];
  missing: string[];
}

/** The quarter (2026-Q3) a month (2026-08) falls in. */
function quarterOf(month: string): string {
  return `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
}

/** "7–9 月、11 月": months as a reader names them, consecutive ones as a run. */
function monthList(months: string[]): string {
  const numbers = months.map((month) => Number(month.slice(5, 7))).sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const n of numbers) {
    const last = runs.at(-1);
    if (last && last[1] === n - 1) last[1] = n;
    else runs.push([n, n]);
  }
  return runs.map(([from, to]) => (from === to ? `${from} 月` : `${from}–${to} 月`)).join('、');
}

/** The window note as the page words it: "覆盖 7–8 月，缺 9 月". */
function coverage(window: Window): string {
  const covers = `覆盖 ${monthList(window.months)}`;
  return window.missing.length ? `${covers}，缺 ${monthList(window.missing)}` : covers;
}

describe('quarters, half-years and years in the browser', () => {
  let browser: Browser;
  let quarter: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const token = await tokenFor('admin');
    quarter = quarterOf(newest((await api('GET', '/periods', { token })).body, 'published').period);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lets the province admin choose a quarter on the rankings page: the months it covers and its rows, kept in the URL', async () => {
    const token = await tokenFor('admin');
    const league = (await api('GET', `/rankings?period=${quarter}&level=county`, { token })).body as {
      window: Window;
      rows: Row[];
    };
    expect(league.window.months.length).toBeGreaterThan(0);
    const ranked = league.rows.filter((row) => row.rank !== null).slice(0, 3);

    const page: Page = await loginPage(browser, 'admin');
    await page.getByTestId('nav-rankings').click();
    await page.getByTestId('level-county').click();
    await page.waitForURL((url) => url.searchParams.get('level') === 'county');
    await page.getByTestId('ranking-table').waitFor();
    await page.getByTestId('window-select').selectOption(quarter);
    await page.waitForURL((url) => url.searchParams.get('period') === quarter);

    const seesTheQuarter = async () => {
      await page.getByTestId('window-coverage').waitFor();
      expect(await page.getByTestId('window-coverage').innerText()).toBe(coverage(league.window));
      expect(await page.getByTestId('window-select').inputValue()).toBe(quarter);
      for (const row of ranked) {
        const rank = page.getByTestId(`rank-${row.agencyCode}`);
        await rank.waitFor();
        expect(await rank.innerText()).toContain(String(row.rank));
        expect(await page.getByTestId(`score-${row.agencyCode}`).innerText()).toBe((row.score as number).toFixed(2));
      }
    };
    await seesTheQuarter();
    expect(new URL(page.url()).searchParams.get('level')).toBe('county');
    await page.screenshot({ path: screenshotPath('rankings-quarter'), fullPage: true });

    // The address alone brings back the same view.
    await page.reload();
    await seesTheQuarter();

    // Back to the months: the quarter's newest published month.
    await page.getByTestId('window-select').selectOption('');
    await page.waitForURL((url) => url.searchParams.get('period') === league.window.months.at(-1));
    await page.getByTestId('window-note').waitFor({ state: 'detached' });
    expect(await page.getByTestId('window-select').inputValue()).toBe('');
    await page.close();
  });

  it('offers the windows on the overview too, when asked for, and shows the quarter’s cities', async () => {
    const token = await tokenFor('admin');
    const league = (await api('GET', `/rankings?period=${quarter}&level=city`, { token })).body as {
      window: Window;
      rows: Row[];
    };
    const page = await loginPage(browser, 'admin');
    await page.waitForURL(/\/overview/);
    await page.getByTestId('window-more').click();
    await page.getByTestId('window-select').selectOption(quarter);
    await page.waitForURL((url) => url.searchParams.get('period') === quarter);
    await page.getByTestId('window-coverage').waitFor();
    expect(await page.getByTestId('window-coverage').innerText()).toBe(coverage(league.window));
    const [first] = league.rows;
    if (first?.score != null) {
      const score = page.getByTestId(`score-${first.agencyCode}`);
      await score.waitFor();
      expect(await score.innerText()).toBe(first.score.toFixed(2));
    }
    await page.close();
  });

  it('opens a county head’s scorecard for the quarter, on a phone, without the month-only actions', async () => {
    const token = await tokenFor('head-330102');
    const card = (await api('GET', `/agencies/330102/scorecard?period=${quarter}`, { token })).body as {
      score: number | null;
      window: Window;
    };
    const page = await loginPage(browser, 'head-330102');
    await page.waitForURL(/\/my-ranking/);
    await page.getByTestId('scorecard-score').waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    const select = page.getByTestId('window-select');
    await select.selectOption(quarter);
    await page.waitForURL((url) => url.searchParams.get('period') === quarter);
    await page.getByTestId('window-coverage').waitFor();
    expect(await page.getByTestId('window-coverage').innerText()).toBe(coverage(card.window));
    if (card.score !== null) {
      await page.waitForFunction(
        (score) => document.querySelector('[data-testid="scorecard-score"]')?.textContent?.includes(score),
        card.score.toFixed(2),
      );
    }
    // Appeals and rectification items are a month's: not offered on a quarter.
    expect(await page.getByTestId('scorecard-appeal').count()).toBe(0);
    const box = await select.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    await page.screenshot({ path: screenshotPath('scorecard-quarter-phone'), fullPage: true });
    await page.close();
  });
});
