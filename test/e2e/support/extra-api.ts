import { join, resolve } from 'node:path';
import { freePort } from './global-setup';
import { forkUntilReady } from './ready-process';

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
export async function startExtraApi(
  name: string,
  env: Record<string, string>,
  options: { readyTimeoutMs?: number } = {},
): Promise<ExtraApi> {
  const databaseUrl = process.env['E2E_DATABASE_URL'];
  const redisUrl = process.env['E2E_REDIS_URL'];
  if (!databaseUrl || !redisUrl)
    throw new Error('The suite did not say where PostgreSQL and Redis listen');
  const port = await freePort();
  const server = await forkUntilReady(API_MAIN, {
    logName: `e2e-${name}`,
    readyTimeoutMs: options.readyTimeoutMs,
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
  });
  return { url: `http://127.0.0.1:${port}`, stop: server.stop };
}
