import { type ChildProcess, fork } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS_DIR } from './global-setup';

export interface ReadyProcess {
  child: ChildProcess;
  /** SIGTERM, then SIGKILL after 10 s; resolves once it has exited. */
  stop(): Promise<void>;
}

/**
 * Forks a built API or worker, its output in `test-artifacts/<logName>.log`, and resolves once it
 * says it is ready (the `ready` message the apps send their parent).
 */
export async function forkUntilReady(
  script: string,
  options: { logName: string; cwd: string; env: NodeJS.ProcessEnv; readyTimeoutMs?: number },
): Promise<ReadyProcess> {
  const readyTimeoutMs = options.readyTimeoutMs ?? 60_000;
  const log = createWriteStream(join(ARTIFACTS_DIR, `${options.logName}.log`));
  const child = fork(script, [], {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  await new Promise<void>((resolvePromise, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${options.logName} did not start in ${readyTimeoutMs / 1000} s`)),
      readyTimeoutMs,
    );
    child.on('message', (message: { type?: string }) => {
      if (message?.type !== 'ready') return;
      clearTimeout(timer);
      resolvePromise();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(
        new Error(
          `${options.logName} exited with code ${code}; see test-artifacts/${options.logName}.log`,
        ),
      );
    });
  });
  return {
    child,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => (clearTimeout(timer), done()));
        child.kill('SIGTERM');
      }),
  };
}
