import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createHttpClient } from '@scorecard/server-testing';
import { launchBrowser, screenshotPath } from '../support/browser';
import { type ExtraApi, startExtraApi } from '../support/extra-api';
import { type ReadyProcess, forkUntilReady } from '../support/ready-process';
import { type OwnDatabase, createOwnDatabase } from '../support/own-database';
import { loginPage } from '../support/web';

const DATABASE = `province_months_e2e_${process.pid}`;
const BUILT_WORKER = join(
  resolve(__dirname, '../../..'),
  'dist/apps/worker/apps/worker/src/main.js',
);

/**
 * Months run per province, in the browser: on a national demo of three provinces (its own API,
 * worker and queues), Guangdong's administrator locks Guangdong's part of the open month; the
 * national administrator sees every province's part, publishes Guangdong's, and then forces the
 * national month out with a reason while the other provinces are still open.
 */
describe('months run per province in the browser', () => {
  let browser: Browser;
  let server: ExtraApi;
  let worker: ReadyProcess;
  let database: OwnDatabase;

  beforeAll(async () => {
    database = await createOwnDatabase(DATABASE);
    const env = {
      DATABASE_URL: database.url,
      SCORECARD_DEMO: 'national',
      SCORECARD_DEMO_PROVINCES: '33,44,46',
      // Its jobs stay its own, done by its own worker.
      QUEUE_PREFIX: `province-months-e2e-${process.pid}`,
    };
    server = await startExtraApi('province-months', env, { readyTimeoutMs: 240_000 });
    worker = await forkUntilReady(BUILT_WORKER, {
      logName: 'e2e-province-months-worker',
      cwd: resolve(__dirname, '../../..'),
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        REDIS_URL: process.env['E2E_REDIS_URL'],
        ...env,
      },
    });
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    await server?.stop();
    await database?.drop();
  });

  const loginAs = (username: string, width = 1440): Promise<Page> =>
    loginPage(browser, username, 'zh-CN', { url: server.url, width });

  it('lets a province lock its own part, and the nation publish it and force the national month', async () => {
    const http = createHttpClient(() => server.url);
    const nationToken = await http.login('nation');
    const open = (
      (await http.request('GET', '/periods', { token: nationToken })).body as {
        period: string;
        status: string;
      }[]
    ).find((month) => month.status === 'open')?.period as string;

    // Guangdong's administrator sees Guangdong's part of the month, and locks it.
    const guangdong = await loginAs('admin-440000');
    await guangdong.goto(`${server.url}/months`);
    const guangdongStatus = guangdong.getByTestId(`month-status-${open}`);
    await guangdongStatus.getByText('采集中').waitFor();
    expect(await guangdong.getByTestId('month-parts').count()).toBe(0);
    await guangdong.getByTestId(`month-lock-${open}`).click();
    await answerBox(guangdong);
    // Agencies that never reported are neither approved nor waived: the lock asks for a reason.
    await answerBox(guangdong, '逾期机构已电话确认');
    await guangdongStatus.getByText('已锁定').waitFor();
    await guangdong.close();

    // The nation sees each province's part: Guangdong locked, the others still open.
    const nation = await loginAs('nation');
    await nation.goto(`${server.url}/months`);
    await nation.getByTestId('month-parts-table').waitFor();
    await nation.getByTestId('part-status-440000').getByText('已锁定').waitFor();
    expect(await nation.getByTestId('part-status-330000').innerText()).toBe('采集中');
    expect(await nation.getByTestId('part-status-460000').innerText()).toBe('采集中');
    expect(await nation.getByTestId('month-parts-table').innerText()).toContain('广东省');

    await nation.getByTestId('part-publish-440000').click();
    await nation.getByTestId('month-job-state').getByText('已完成').waitFor({ timeout: 60_000 });
    await nation.getByTestId('part-status-440000').getByText('已发布').waitFor();
    // The national month waits for the other provinces.
    await nation.getByTestId(`month-status-${open}`).getByText('采集中').waitFor();

    await nation.getByTestId('month-force-publish').click();
    await answerBox(nation, '浙江、海南逾期，按期通报');
    await nation
      .getByTestId(`month-status-${open}`)
      .getByText('已发布')
      .waitFor({ timeout: 60_000 });
    await nation.getByTestId('month-event-force_publish').waitFor();
    await nation.screenshot({ path: screenshotPath('province-months-nation'), fullPage: true });

    const history = (await http.request('GET', `/periods/${open}/history`, { token: nationToken }))
      .body as { action: string; reason: string | null; province: string | null }[];
    expect(history.at(-1)).toMatchObject({
      action: 'force_publish',
      reason: '浙江、海南逾期，按期通报',
    });
    const zhejiang = (await http.request('GET', `/periods?province=33`, { token: nationToken }))
      .body as {
      period: string;
      status: string;
    }[];
    expect(zhejiang.find((month) => month.period === open)?.status).toBe('open');

    // On a phone the provinces' table stays usable.
    const phone = await loginAs('nation', 390);
    await phone.goto(`${server.url}/months`);
    await phone.getByTestId('month-parts-table').waitFor();
    await phone.screenshot({ path: screenshotPath('province-months-phone'), fullPage: true });
  });
});

/** Answers the newest message box (typing a reason into a prompt first) and waits until it is gone. */
async function answerBox(page: Page, reason?: string): Promise<void> {
  const box = page.locator('.el-message-box').last();
  await box.waitFor();
  const handle = await box.elementHandle();
  if (reason !== undefined) await box.getByRole('textbox').fill(reason);
  await box.getByRole('button', { name: '确定' }).click();
  await handle?.waitForElementState('hidden');
}
