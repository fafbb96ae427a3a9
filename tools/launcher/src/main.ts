import { type ChildProcess, fork } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { API_NODE_FLAGS, loadLauncherConfig } from '@scorecard/server-config';
import {
  type LocalServices,
  isProcessAlive,
  startLocalServices,
  stopOrphanedPostgres,
  stopOrphanedRedis,
} from '@scorecard/server-embedded';

/**
 * `npm start`: brings up PostgreSQL and Redis when no URLs are given, then the API (which also
 * serves the web app) and one worker, and stops all of it on Ctrl-C, on SIGTERM and when any
 * part dies.
 */
const DIST = resolve(__dirname, '../../../../..');
const API_MAIN = join(DIST, 'apps/api/apps/api/src/main.js');
const WORKER_MAIN = join(DIST, 'apps/worker/apps/worker/src/main.js');

const children: ChildProcess[] = [];
let services: LocalServices | null = null;
let shuttingDown = false;
let lockFile: string | null = null;

async function main(): Promise<void> {
  const config = loadLauncherConfig();
  mkdirSync(config.dataDir, { recursive: true });
  lockFile = acquireLock(config.dataDir);
  const startedAt = Date.now();

  const log = (line: string) => console.log(`[scorecard] ${line}`);
  if (!config.databaseUrl) log('DATABASE_URL not set: starting an embedded PostgreSQL');
  if (!config.redisUrl) log('REDIS_URL not set: starting a local Redis');
  services = await startLocalServices({
    databaseUrl: config.databaseUrl,
    redisUrl: config.redisUrl,
    postgresDataDir: join(config.dataDir, 'postgres'),
  });
  if (services.started.includes('postgres')) log(`PostgreSQL: ${services.databaseUrl} (data in ${join(config.dataDir, 'postgres')})`);
  if (services.started.includes('redis')) log(`Redis: ${services.redisUrl}`);
  if (services.redisPid) writeFileSync(join(config.dataDir, 'redis.pid'), String(services.redisPid));

  const env = {
    ...process.env,
    DATABASE_URL: services.databaseUrl,
    REDIS_URL: services.redisUrl,
    PORT: String(config.port),
    WEB_DIST_DIR: process.env['WEB_DIST_DIR'] ?? join(DIST, 'apps/web'),
  };
  // The API migrates and loads the demo first; the worker starts once the schema exists.
  const apiReady = startChild('api', API_MAIN, env, API_NODE_FLAGS);
  const { url } = await apiReady;
  await startChild('worker', WORKER_MAIN, env);

  const publicUrl = url.replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost').replace('0.0.0.0', 'localhost');
  console.log(
    [
      '',
      `  Scorecard is running on ${publicUrl}  (ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s)`,
      `  API docs: ${publicUrl}/api/docs`,
      config.nationalDemo
        ? '  Demo logins (password "demo"): nation · admin-440000 · admin · city-330100 · head-330102 · staff-330102-1'
        : '  Demo logins (password "demo"): admin · city-330100 · head-330100 · head-330102 · staff-330102-1',
      '  Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

function startChild(name: string, script: string, env: NodeJS.ProcessEnv, flags: readonly string[] = []): Promise<{ url: string }> {
  if (!existsSync(script)) throw new Error(`${script} is missing: run "npx nx run-many -t build" first`);
  const child = fork(script, [], { env, stdio: 'inherit', execArgv: [...process.execArgv, ...flags] });
  children.push(child);
  return new Promise((resolvePromise, reject) => {
    child.on('message', (message: { type?: string; url?: string }) => {
      if (message?.type === 'ready') resolvePromise({ url: message.url ?? '' });
    });
    child.on('exit', (code, signal) => {
      reject(new Error(`${name} exited before it was ready`));
      if (!shuttingDown) {
        console.error(`[scorecard] ${name} stopped (${signal ?? `exit code ${code}`}); shutting down`);
        void shutdown(1);
      }
    });
  });
}

async function shutdown(exitCode: number): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          child.once('exit', () => (clearTimeout(timer), done()));
          child.kill('SIGTERM');
        }),
    ),
  );
  await services?.stop().catch((error: unknown) => console.error(error));
  if (lockFile) rmSync(lockFile, { force: true });
  process.exit(exitCode);
}

/** One launcher per data folder; a lock left by a launcher that was killed is taken over. */
function acquireLock(dataDir: string): string {
  const file = join(dataDir, 'launcher.pid');
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8'));
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isProcessAlive(pid)) {
      throw new Error(`Scorecard is already running from ${dataDir} (pid ${pid})`);
    }
    stopOrphanedPostgres(join(dataDir, 'postgres'), (line) => console.log(`[scorecard] ${line}`));
    const redisPidFile = join(dataDir, 'redis.pid');
    if (existsSync(redisPidFile)) stopOrphanedRedis(Number(readFileSync(redisPidFile, 'utf8')));
  }
  writeFileSync(file, String(process.pid));
  return file;
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('uncaughtException', (error) => {
  console.error(error);
  void shutdown(1);
});

main().catch((error: unknown) => {
  console.error(`[scorecard] ${error instanceof Error ? error.message : String(error)}`);
  void shutdown(1);
});
