import { type ChildProcess, fork } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join, resolve } from 'node:path';
import { ARTIFACTS_DIR, freePort } from './global-setup';

const ROOT = resolve(__dirname, '../../..');
const API_MAIN = join(ROOT, 'dist/apps/api/apps/api/src/main.js');

export interface ExtraApi {
  url: string;
  stop(): Promise<void>;
}

/**
 * A second API (serving the web app too) on the suite's PostgreSQL and Redis, with settings of its
 * own, e.g. a short token life. Several APIs on one database is the production shape.
 */
export async function startExtraApi(name: string, env: Record<string, string>): Promise<ExtraApi> {
  const databaseUrl = process.env['E2E_DATABASE_URL'];
  const redisUrl = process.env['E2E_REDIS_URL'];
  if (!databaseUrl || !redisUrl)
    throw new Error('The suite did not say where PostgreSQL and Redis listen');
  const port = await freePort();
  const log = createWriteStream(join(ARTIFACTS_DIR, `e2e-${name}.log`));
  const child: ChildProcess = fork(API_MAIN, [], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      LOGIN_RATE_LIMIT_PER_MINUTE: '600',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      WEB_DIST_DIR: join(ROOT, 'dist/apps/web'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  await new Promise<void>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start in 60 s`)), 60_000);
    child.on('message', (message: { type?: string }) => {
      if (message?.type !== 'ready') return;
      clearTimeout(timer);
      resolvePromise();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with code ${code}; see test-artifacts/e2e-${name}.log`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => (clearTimeout(timer), done()));
        child.kill('SIGTERM');
      }),
  };
}
