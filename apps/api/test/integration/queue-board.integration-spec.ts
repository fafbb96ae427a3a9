import { getQueueToken } from '@nestjs/bullmq';
import { Queue, Worker } from 'bullmq';
import { QueueName } from '@scorecard/server-queue';
import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';

/** The operators' queue dashboard (bull-board), behind the API's own sessions. */
describe('queue dashboard', () => {
  let api: ApiTestApp;

  beforeAll(async () => {
    api = await startApiTestApp();
  });
  afterAll(() => api.close());

  /** Opens a dashboard session as a user and answers its cookie. */
  async function boardCookie(
    username: string,
  ): Promise<{ status: number; cookie: string | null; token: string }> {
    const token = await api.login(username);
    const response = await fetch(`${api.baseUrl}/api/operations/queue-session`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    const cookie = response.headers.get('set-cookie');
    return { status: response.status, cookie: cookie ? cookie.split(';')[0] : null, token };
  }

  const board = (path: string, cookie?: string | null, init: RequestInit = {}) =>
    fetch(`${api.baseUrl}/api/operations/queues${path}`, {
      ...init,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(init.headers as Record<string, string> | undefined),
      },
    });

  it('gives the province a cookie only the board receives, and no one else', async () => {
    const province = await boardCookie('admin');
    expect(province.status).toBe(200);
    expect(province.cookie).toMatch(/^scorecard_queue_board=/);
    const setCookie = (
      await fetch(`${api.baseUrl}/api/operations/queue-session`, {
        method: 'POST',
        headers: { authorization: `Bearer ${province.token}` },
      })
    ).headers.get('set-cookie');
    expect(setCookie).toContain('Path=/api/operations/queues');
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');

    for (const username of ['head-330100', 'head-330102', 'staff-330102-1']) {
      const refused = await boardCookie(username);
      expect(refused.status).toBe(403);
      expect(refused.cookie).toBeNull();
    }
  });

  it('serves the board and its queues to the province only', async () => {
    const { cookie } = await boardCookie('admin');
    const page = await board('/', cookie);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('__UI_CONFIG__');
    const queues = await board('/api/queues', cookie);
    expect(queues.status).toBe(200);
    const names = ((await queues.json()) as { queues: { name: string }[] }).queues
      .map((queue) => queue.name)
      .sort();
    expect(names).toEqual(Object.values(QueueName).sort());

    expect((await board('/api/queues')).status).toBe(401);
    expect((await board('/api/queues', 'scorecard_queue_board=forged.token.value')).status).toBe(
      401,
    );
    // A head's own token carried by hand is refused too.
    const headToken = await api.login('head-330102');
    expect((await board('/api/queues', `scorecard_queue_board=${headToken}`)).status).toBe(403);
  });

  it('ends with the session: after logout the cookie opens nothing', async () => {
    const { cookie, token } = await boardCookie('admin');
    expect((await board('/api/queues', cookie)).status).toBe(200);
    expect((await api.request('POST', '/auth/logout', { token })).status).toBeLessThan(300);
    expect((await board('/api/queues', cookie)).status).toBe(401);
  });

  it('lets the operator retry a job that failed for good', async () => {
    const queue = api.app.get<Queue>(getQueueToken(QueueName.Aggregate));
    const job = await queue.add(
      'compute-period',
      { period: '2000-01', revision: 1 },
      { attempts: 1, jobId: 'board-retry-test' },
    );
    // A worker of this test's queue fails it once, as a broken run would.
    let runs = 0;
    const worker = new Worker(
      QueueName.Aggregate,
      async () => {
        runs += 1;
        if (runs === 1) throw new Error('the database was away');
        return { recomputed: true };
      },
      { connection: queue.opts.connection, prefix: queue.opts.prefix },
    );
    try {
      await waitForState(queue, job.id as string, 'failed');
      const { cookie } = await boardCookie('admin');
      const retried = await board(`/api/queues/${QueueName.Aggregate}/${job.id}/retry`, cookie, {
        method: 'PUT',
      });
      expect([200, 204]).toContain(retried.status);
      await waitForState(queue, job.id as string, 'completed');
      expect(runs).toBe(2);
    } finally {
      await worker.close();
    }
  });
});

async function waitForState(queue: Queue, id: string, state: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if ((await queue.getJobState(id)) === state) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${id} did not become ${state}`);
}
