import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
// Jest loads global setup and teardown outside its module mapper, so the alias is spelled out as a path.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { removeDataDir } from '../../../libs/server/embedded/src';

const ROOT = resolve(__dirname, '../../..');
const LAUNCHER = join(ROOT, 'dist/tools/launcher/tools/launcher/src/main.js');
export const ARTIFACTS_DIR = join(ROOT, 'test-artifacts');

/**
 * Starts the built product exactly as `npm start` does (launcher → embedded PostgreSQL and Redis,
 * API with the demo province, one worker) on a free port with a fresh data folder.
 */
export default async function globalSetup(): Promise<void> {
  if (!existsSync(LAUNCHER))
    throw new Error(`${LAUNCHER} is missing: build first (npx nx run e2e:test builds it)`);
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const port = await freePort();
  const dataDir = join(ROOT, '.data', `e2e-${process.pid}`);
  removeDataDir(dataDir);

  const log = createWriteStream(join(ARTIFACTS_DIR, 'e2e-server.log'));
  const child = spawn(process.execPath, [LAUNCHER], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      SCORECARD_DATA_DIR: dataDir,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      // The suite logs in as a dozen users from one address within a minute; the per-address
      // login limit itself is tested in the API's hardening tests.
      LOGIN_RATE_LIMIT_PER_MINUTE: '600',
      DATABASE_URL: '',
      REDIS_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);

  const startedAt = Date.now();
  await new Promise<void>((resolvePromise, reject) => {
    let output = '';
    const remember = (): void => {
      // Where the embedded services listen, so a spec can start a second API on them.
      const databaseUrl = /PostgreSQL: (\S+)/.exec(output)?.[1];
      const redisUrl = /Redis: (\S+)/.exec(output)?.[1];
      if (databaseUrl) process.env['E2E_DATABASE_URL'] = databaseUrl;
      if (redisUrl) process.env['E2E_REDIS_URL'] = redisUrl;
    };
    const timer = setTimeout(
      () => reject(new Error(`Scorecard did not start in 120 s:\n${output}`)),
      120_000,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Scorecard is running on')) {
        clearTimeout(timer);
        remember();
        resolvePromise();
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The launcher exited with code ${code}:\n${output}`));
    });
  });

  process.env['E2E_BASE_URL'] = `http://127.0.0.1:${port}`;
  process.env['E2E_STARTUP_MS'] = String(Date.now() - startedAt);
  const state = globalThis as { __scorecardLauncher?: ChildProcess; __scorecardDataDir?: string };
  state.__scorecardLauncher = child;
  state.__scorecardDataDir = dataDir;
}

export function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePromise(port));
    });
  });
}
