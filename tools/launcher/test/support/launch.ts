import { type ChildProcess, spawn } from 'node:child_process';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../../..');
export const LAUNCHER = join(ROOT, 'dist/tools/launcher/tools/launcher/src/main.js');

export interface Launch {
  child: ChildProcess;
  output: () => string;
  ready: Promise<void>;
}

export function launch(dataDir: string, port: number): Launch {
  const child = spawn(process.execPath, [LAUNCHER], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      SCORECARD_DATA_DIR: dataDir,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      REDIS_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const ready = new Promise<void>((resolvePromise, reject) => {
    const timer = setInterval(() => {
      if (output.includes('Scorecard is running on')) {
        clearInterval(timer);
        resolvePromise();
      }
    }, 100);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`launcher exited (${code}):\n${output}`));
    });
  });
  return { child, output: () => output, ready };
}

export const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolvePromise) => child.once('exit', () => resolvePromise()));

export const portOpen = (port: number) =>
  new Promise<boolean>((resolvePromise) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolvePromise(true)));
    socket.once('error', () => resolvePromise(false));
  });

/** Processes are killed as the launcher exits; give the kernel a moment to close their ports. */
export async function eventually(check: () => Promise<boolean> | boolean): Promise<boolean> {
  for (let i = 0; i < 50; i++) {
    if (await check()) return true;
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 100));
  }
  return false;
}
