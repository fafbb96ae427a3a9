import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AppConfig } from '@scorecard/server-config';

const ROOT = resolve(__dirname, '../../../../..');
const BUILT_WORKER = join(ROOT, 'dist/apps/worker/apps/worker/src/main.js');

export interface WorkerProcess {
  child: ChildProcess;
  /** Ends it as an operator would (SIGTERM) and waits. */
  stop(): Promise<void>;
  /** Kills it outright (SIGKILL), as a crash or the OOM killer would, and waits. */
  kill(): Promise<void>;
}

/** The built worker as production runs it, on a test's PostgreSQL, Redis and queue prefix. */
export function startWorkerProcess(config: AppConfig, logLevel = 'error'): WorkerProcess {
  if (!existsSync(BUILT_WORKER)) {
    throw new Error(`${BUILT_WORKER} is missing: build the worker first (nx builds it before the tests)`);
  }
  const child = spawn(process.execPath, [BUILT_WORKER], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: logLevel,
      DATABASE_URL: config.databaseUrl,
      REDIS_URL: config.redisUrl,
      QUEUE_PREFIX: config.queuePrefix,
      IMPORT_DIR: config.importDir,
    },
    stdio: 'ignore',
  });
  const end = async (signal: 'SIGTERM' | 'SIGKILL') => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise((done) => {
      child.once('exit', done);
      child.kill(signal);
    });
  };
  return { child, stop: () => end('SIGTERM'), kill: () => end('SIGKILL') };
}
