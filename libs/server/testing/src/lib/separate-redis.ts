import { type ChildProcess, spawn } from 'node:child_process';
import { ensureRedisServer, findFreePort } from '@scorecard/server-embedded';

/**
 * A redis-server of a test's own, which the test can pause (SIGSTOP: connections stay open and
 * nothing answers), stop, and start again empty on the same port: the real thing going away.
 */
export class SeparateRedis {
  private child: ChildProcess | null = null;

  private constructor(
    private readonly binary: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<SeparateRedis> {
    const redis = new SeparateRedis(ensureRedisServer(), await findFreePort());
    await redis.restart();
    return redis;
  }

  /** Starts the server (again) on its port, with no data. */
  async restart(): Promise<void> {
    const child = spawn(
      this.binary,
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    await new Promise<void>((ready, fail) => {
      let output = '';
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) ready();
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => fail(new Error(`redis-server exited with code ${code}: ${output}`)));
    });
    child.stdout?.resume();
    child.stderr?.resume();
    this.child = child;
  }

  /** Freezes the server: it keeps its connections but answers nothing. */
  pause(): void {
    this.child?.kill('SIGSTOP');
  }

  resume(): void {
    this.child?.kill('SIGCONT');
  }

  /** Stops the server (a paused one too) and waits until it is gone. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill('SIGKILL');
    });
  }
}
