import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { RunningService } from './embedded-postgres';
import { findFreePort } from './free-port';

export class MissingRedisError extends Error {
  constructor() {
    super(
      'redis-server was not found: install the Debian/Ubuntu package "redis-server" (apt-get install redis-server) or set REDIS_URL',
    );
    this.name = 'MissingRedisError';
  }
}

/** Locates `redis-server`; on a Debian-like machine where we are root, installs it with apt. */
export function ensureRedisServer(log: (line: string) => void = console.log): string {
  const found = which('redis-server');
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && which('apt-get')) {
    log('redis-server is missing: installing the Debian package "redis-server" with apt-get');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install =
      update.status === 0 &&
      spawnSync('apt-get', ['install', '-y', '-qq', 'redis-server'], { stdio: 'inherit', env });
    if (install && install.status === 0) {
      const installed = which('redis-server');
      if (installed) return installed;
    }
  }
  throw new MissingRedisError();
}

function which(command: string): string | null {
  const result = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  const path = result.stdout.trim();
  return result.status === 0 && path ? path : null;
}

/** Starts a throw-away Redis (no persistence) on a free loopback port. */
export async function startEmbeddedRedis(
  options: { log?: (line: string) => void } = {},
): Promise<RunningService> {
  const log = options.log ?? (() => undefined);
  const binary = ensureRedisServer(log);
  const port = await findFreePort();
  const child = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );

  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`redis-server did not become ready in 15 s:\n${output}`));
    }, 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with code ${code}:\n${output}`));
    });
  });
  child.stdout.resume();
  child.stderr.resume();

  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  return {
    url: `redis://127.0.0.1:${port}`,
    pid: child.pid,
    async stop() {
      process.off('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    },
  };
}

/** Stops a redis-server left running by a parent that was killed outright. */
export function stopOrphanedRedis(pid: number): void {
  let commandLine = '';
  try {
    commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return; // not running any more
  }
  if (commandLine.includes('redis-server')) process.kill(pid, 'SIGTERM');
}
