import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const state = globalThis as { __scorecardLauncher?: ChildProcess; __scorecardDataDir?: string };
  const child = state.__scorecardLauncher;
  if (child && child.exitCode === null && child.signalCode === null) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.once('exit', () => (clearTimeout(timer), resolve()));
      child.kill('SIGTERM');
    });
  }
  if (state.__scorecardDataDir) rmSync(state.__scorecardDataDir, { recursive: true, force: true });
}
