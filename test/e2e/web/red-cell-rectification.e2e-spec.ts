import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../support/browser';
import { api, baseUrl } from '../support/http';
import { loginPage, newest, tokenFor } from '../support/web';

const REASON = '抽查发现该指标台账与系统数据不符';
const CAUSE = '窗口登记与系统录入不同步';
const MEASURES = '每日核对登记台账与系统数据，每周通报';

interface Row {
  agencyCode: string;
  reported: boolean;
  indicators: Record<string, { rate: number | null }>;
}
interface Item {
  id: string;
  indicatorCode: string | null;
  stage: string;
  status: string;
  reason: string;
}

/** The text area of an Element Plus input (the test id sits on the textarea or on its wrapper). */
function textArea(scope: Page | Locator, testId: string): Locator {
  return scope.locator(`[data-testid="${testId}"] textarea, textarea[data-testid="${testId}"]`);
}

/**
 * From a red cell of the overview: the province admin opens a county's failing indicator of a
 * published month, raises a rectification item on it, the county head answers it, the city admin
 * accepts it, and the cell then shows the item closed.
 */
describe('a rectification raised from a red cell of the overview', () => {
  let browser: Browser;
  let published: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    published = newest(
      (await api('GET', '/periods', { token: await tokenFor('admin') })).body,
      'published',
    ).period;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is raised on the cell’s indicator, answered, accepted by the city and shown closed in the cell', async () => {
    const admin = await tokenFor('admin');
    const indicators = (await api('GET', `/indicators?period=${published}`, { token: admin }))
      .body as { code: string; floor: number }[];
    const counties = (
      await api('GET', `/rankings?period=${published}&level=county&scope=aggregate`, {
        token: admin,
      })
    ).body.rows as Row[];
    // Every failing (red) cell of a county: its rate at or below the indicator's floor.
    const failing = counties.flatMap((row) =>
      row.reported
        ? indicators
            .filter((indicator) => {
              const rate = row.indicators[indicator.code]?.rate;
              return rate != null && rate <= indicator.floor;
            })
            .map((indicator) => ({ county: row.agencyCode, code: indicator.code }))
        : [],
    );
    expect(failing.length).toBeGreaterThan(0);
    // One without an item still open on that indicator (publication raises some by itself).
    let cell: { county: string; code: string } | undefined;
    for (const candidate of failing) {
      const items = (
        await api('GET', `/rectifications?agencyCode=${candidate.county}&period=${published}`, {
          token: admin,
        })
      ).body as Item[];
      const open = items.filter(
        (item) => item.indicatorCode === candidate.code && item.stage !== 'closed',
      );
      if (open.length === 0) {
        cell = candidate;
        break;
      }
    }
    if (!cell) {
      // Every red cell has its item already: close the first one's through its head and city.
      cell = failing[0];
      const items = (
        await api('GET', `/rectifications?agencyCode=${cell.county}&period=${published}`, {
          token: admin,
        })
      ).body as Item[];
      for (const item of items.filter(
        (entry) => entry.indicatorCode === cell?.code && entry.stage !== 'closed',
      )) {
        if (item.stage === 'open') {
          const answered = await api('POST', `/rectifications/${item.id}/response`, {
            token: await tokenFor(`head-${cell.county}`),
            body: { cause: CAUSE, measures: MEASURES },
          });
          expect(answered.status).toBe(200);
        }
        const accepted = await api('POST', `/rectifications/${item.id}/verify`, {
          token: admin,
          body: { accepted: true, note: '已核实' },
        });
        expect(accepted.status).toBe(200);
      }
    }
    const { county, code } = cell;
    const city = `${county.slice(0, 4)}00`;

    // The province admin opens the red cell and raises an item on its indicator.
    const page = await loginPage(browser, 'admin');
    await page.goto(`${baseUrl()}/overview?period=${published}&parent=${city}`);
    await page.getByTestId(`cell-${county}-${code}`).click();
    const drawer = page.locator('.el-drawer');
    const section = drawer.getByTestId('cell-rectification');
    await section.waitFor();
    await textArea(section, 'cell-rectification-reason').fill(REASON);
    await section.getByTestId('cell-rectification-raise').click();
    await page.locator('.el-message--success').waitFor();
    await section.getByTestId('cell-rectification-status').getByText('待整改').waitFor();
    expect(await section.getByTestId('cell-rectification-link').getAttribute('href')).toBe(
      `/rectifications?period=${published}`,
    );
    await page.screenshot({ path: screenshotPath('red-cell-rectification'), fullPage: false });
    await page.keyboard.press('Escape');

    const raised = (
      (
        await api('GET', `/rectifications?agencyCode=${county}&period=${published}`, {
          token: admin,
        })
      ).body as Item[]
    ).find((item) => item.reason === REASON && item.indicatorCode === code);
    expect(raised).toMatchObject({ status: 'open' });
    const id = raised?.id ?? '';

    // The county head answers it.
    const head = await loginPage(browser, `head-${county}`);
    await head.goto(`${baseUrl()}/rectifications?period=${published}`);
    const card = head.getByTestId(`rectification-${id}`);
    await textArea(card, 'rectification-cause').fill(CAUSE);
    await textArea(card, 'rectification-measures').fill(MEASURES);
    await card.getByTestId('rectification-respond').click();
    await card.getByTestId('rectification-status').getByText('待验收').waitFor();
    await head.close();

    // The city admin accepts it.
    const cityPage = await loginPage(browser, `city-${city}`);
    await cityPage.goto(`${baseUrl()}/rectifications?period=${published}`);
    const toVerify = cityPage.getByTestId(`rectification-${id}`);
    await toVerify.getByText(CAUSE).waitFor();
    await toVerify.getByTestId('rectification-accept').click();
    await toVerify.getByTestId('rectification-status').getByText('已办结').waitFor();
    await cityPage.close();

    // The cell now shows the item closed.
    await page.reload();
    await page.getByTestId(`cell-${county}-${code}`).click();
    await section.getByTestId('cell-rectification-status').getByText('已办结').waitFor();
    await page.close();
  });
});
