import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './global-setup';
import { forkUntilReady } from './ready-process';

const ROOT = resolve(__dirname, '../../..');
export const BUILT = {
  api: join(ROOT, 'dist/apps/api/apps/api/src/main.js'),
  worker: join(ROOT, 'dist/apps/worker/apps/worker/src/main.js'),
  cli: join(ROOT, 'dist/apps/cli/apps/cli/src/main.js'),
};

export interface ServerProcess {
  name: string;
  url: string | null;
  /** Its own working folder, as its host's disk. */
  workDir: string;
  /** Pauses (SIGSTOP) or resumes (SIGCONT) the process. */
  signal(signal: 'SIGSTOP' | 'SIGCONT'): void;
  stop(): Promise<void>;
}

/** The environment every production process of one deployment shares: only PostgreSQL and Redis. */
export function productionEnv(databaseUrl: string, queuePrefix: string): Record<string, string> {
  const redisUrl = process.env['E2E_REDIS_URL'];
  if (!redisUrl) throw new Error('The suite did not say where Redis listens');
  return {
    PATH: process.env['PATH'] ?? '',
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: queuePrefix,
    JWT_SECRET: 'a-production-secret-of-more-than-32-characters',
    LOG_LEVEL: 'warn',
    LOGIN_RATE_LIMIT_PER_MINUTE: '600',
    HOST: '127.0.0.1',
  };
}

/** Runs `scorecard <args>` as an operator would. */
export async function runCli(
  args: string[],
  env: Record<string, string>,
): Promise<{ stdout: string; stderr: string }> {
  return promisify(execFile)(process.execPath, [BUILT.cli, ...args], { cwd: ROOT, env });
}

/**
 * Starts the built API or worker as its own process in a working folder of its own, as on a
 * separate host; resolves once it says it is ready.
 */
export async function startServerProcess(
  name: string,
  kind: 'api' | 'worker',
  env: Record<string, string>,
): Promise<ServerProcess> {
  const workDir = join(ROOT, '.data', `production-${process.pid}`, name);
  mkdirSync(workDir, { recursive: true });
  const port = kind === 'api' ? await freePort() : null;
  const server = await forkUntilReady(BUILT[kind], {
    logName: `production-${name}`,
    cwd: workDir,
    env: { ...env, IMPORT_DIR: join(workDir, 'imports'), ...(port ? { PORT: String(port) } : {}) },
  });
  return {
    name,
    url: port ? `http://127.0.0.1:${port}` : null,
    workDir,
    signal: (signal) => server.child.kill(signal),
    stop: server.stop,
  };
}
