import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_NODE_FLAGS } from '@scorecard/server-config';
import { findFreePort, isProcessAlive, removeDataDir } from '@scorecard/server-embedded';
import { eventually, exited, launch, LAUNCHER, portOpen, ROOT } from './support/launch';

const postgresPid = (dataDir: string) =>
  Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
const redisPort = (output: string) =>
  Number(/redis:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1] ?? NaN);

/** The command lines (arguments) of the processes whose parent is `pid`. */
function childCommandLines(pid: number): string[][] {
  const lines: string[][] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the command name, which is in parentheses and may hold spaces; the parent is the second.
      const parent = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      if (parent === pid) lines.push(readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean));
    } catch {
      // The process ended while it was read.
    }
  }
  return lines;
}

async function newestComputedAt(port: number): Promise<string> {
  const base = `http://127.0.0.1:${port}/api`;
  const login = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'demo' }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const periods = await fetch(`${base}/periods`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  const [newest] = (await periods.json()) as { computedAt: string }[];
  return newest.computedAt;
}

describe('npm start (the launcher)', () => {
  const dataDir = join(ROOT, '.data', `launcher-test-${process.pid}`);

  beforeAll(() => {
    if (!existsSync(LAUNCHER))
      throw new Error(`${LAUNCHER} is missing: run through nx (it builds first)`);
    removeDataDir(dataDir);
  });
  afterAll(() => removeDataDir(dataDir));

  it('serves the API and web app, prints the demo logins, and stops PostgreSQL and Redis on Ctrl-C', async () => {
    const port = await findFreePort();
    const run = launch(dataDir, port);
    await run.ready;
    expect(run.output()).toContain(`http://localhost:${port}`);
    expect(run.output()).toContain('admin');
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok', db: 'up', redis: 'up' });
    const page = await fetch(`http://127.0.0.1:${port}/rankings`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="app"');
    // The API runs with the V8 flags it is deployed with (see API_NODE_FLAGS).
    const api = childCommandLines(run.child.pid ?? 0).find((line) => line.some((arg) => arg.endsWith('apps/api/src/main.js')));
    expect(api).toEqual(expect.arrayContaining([...API_NODE_FLAGS]));

    const pgPid = postgresPid(dataDir);
    const redis = redisPort(run.output());
    expect(isProcessAlive(pgPid)).toBe(true);
    expect(await portOpen(redis)).toBe(true);

    run.child.kill('SIGINT');
    await exited(run.child);
    // Exits by itself; 130 is the conventional status after Ctrl-C.
    expect([0, 130]).toContain(run.child.exitCode);
    expect(await eventually(() => !isProcessAlive(pgPid))).toBe(true);
    expect(await eventually(async () => !(await portOpen(redis)))).toBe(true);
    expect(await eventually(async () => !(await portOpen(port)))).toBe(true);
  });

  it('keeps the data between runs and takes over after a launcher that was killed outright', async () => {
    const port = await findFreePort();
    const first = launch(dataDir, port);
    await first.ready;
    const pgPid = postgresPid(dataDir);
    const firstRedis = redisPort(first.output());
    const seededAt = await newestComputedAt(port);
    first.child.kill('SIGKILL');
    await exited(first.child);

    const secondPort = await findFreePort();
    const second = launch(dataDir, secondPort);
    await second.ready;
    expect(second.output()).toContain('left running by an earlier launcher');
    expect(isProcessAlive(pgPid)).toBe(false);
    expect(await eventually(async () => !(await portOpen(firstRedis)))).toBe(true);
    expect(await eventually(async () => !(await portOpen(port)))).toBe(true);
    // The same database: the demo province was not loaded a second time.
    expect(await newestComputedAt(secondPort)).toBe(seededAt);
    second.child.kill('SIGTERM');
    await exited(second.child);
    expect([0, 143]).toContain(second.child.exitCode);
  });

  it('refuses to start twice on the same data folder', async () => {
    const first = launch(dataDir, await findFreePort());
    await first.ready;
    const second = launch(dataDir, await findFreePort());
    await expect(second.ready).rejects.toThrow(/already running/);
    first.child.kill('SIGINT');
    await exited(first.child);
  });
});
