import type { Browser } from 'playwright-core';
import { launchBrowser, screenshotPath } from '../support/browser';
import { loginPage } from '../support/web';

describe('the overview heatmap in the browser', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('draws the 90 counties with a legend of its bands and of 不适用 / 未报送', async () => {
    const page = await loginPage(browser, 'admin');
    await page.getByTestId('nav-overview').click();
    await page.getByTestId('overview-level-county').click();
    await page.getByTestId('score-heatmap').locator('canvas').first().waitFor();
    const legend = page.getByTestId('heatmap-legend');
    expect(await legend.innerText()).toContain('≥ 90');
    expect(await page.getByTestId('heatmap-legend-empty').innerText()).toContain('不适用 / 未报送');
    await page
      .locator('.overview__figure')
      .first()
      .screenshot({ path: screenshotPath('overview-county-heatmap') });
    await page.close();
  });
});
