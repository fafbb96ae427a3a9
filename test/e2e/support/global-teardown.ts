import type { ChildProcess } from 'node:child_process';
// Jest loads global setup and teardown outside its module mapper, so the alias is spelled out as a path.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { removeDataDir } from '../../../libs/server/embedded/src';

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
  if (state.__scorecardDataDir) removeDataDir(state.__scorecardDataDir);
}
