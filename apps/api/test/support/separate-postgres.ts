import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as ts from 'typescript';

const ROOT = resolve(__dirname, '../../../..');
const EMBEDDED_SOURCES = join(ROOT, 'libs/server/embedded/src/lib');

/** What the child process runs: starts PostgreSQL, prints its URL, and stops it on SIGTERM. */
const DRIVER = `
const { startEmbeddedPostgres } = require('./embedded-postgres');
const [dataDir, database, port, ephemeral] = process.argv.slice(2);
startEmbeddedPostgres({ dataDir, database, port: port ? Number(port) : undefined, ephemeral: ephemeral === 'true' }).then(
  (service) => {
    process.stdout.write(JSON.stringify({ url: service.url }) + '\\n');
    process.on('SIGTERM', () => service.stop().then(() => process.exit(0), () => process.exit(1)));
  },
  (error) => { process.stderr.write(String(error && error.stack || error) + '\\n'); process.exit(1); },
);
`;

/**
 * A PostgreSQL server of a test's own, which the test can stop and start again on the same port:
 * the real thing going away, not a mock. It runs in a child process, because the
 * `embedded-postgres` package is an ES module that Jest's module system cannot load.
 */
export class SeparatePostgres {
  private child: ChildProcess | null = null;
  private port: number | undefined;
  url = '';

  private constructor(
    private readonly dataDir: string,
    private readonly database: string,
    private readonly codeDir: string,
  ) {}

  static async start(name: string): Promise<SeparatePostgres> {
    const codeDir = join(ROOT, '.data', `${name}-code-${process.pid}`);
    mkdirSync(codeDir, { recursive: true });
    for (const file of ['embedded-postgres', 'postgres-runtime', 'free-port']) {
      const source = readFileSync(join(EMBEDDED_SOURCES, `${file}.ts`), 'utf8');
      const output = ts.transpileModule(source, {
        compilerOptions: {
          module: ts.ModuleKind.CommonJS,
          target: ts.ScriptTarget.ES2022,
          esModuleInterop: true,
        },
      });
      writeFileSync(join(codeDir, `${file}.js`), output.outputText);
    }
    writeFileSync(join(codeDir, 'driver.js'), DRIVER);
    const postgres = new SeparatePostgres(
      join(ROOT, '.data', `${name}-postgres-${process.pid}`),
      name,
      codeDir,
    );
    await postgres.resume(false);
    postgres.port = Number(new URL(postgres.url).port);
    return postgres;
  }

  /** Starts the server again on the port it had, with its data. */
  async resume(ephemeral = true): Promise<void> {
    const child = spawn(
      process.execPath,
      [
        join(this.codeDir, 'driver.js'),
        this.dataDir,
        this.database,
        this.port ? String(this.port) : '',
        String(ephemeral),
      ],
      {
        cwd: ROOT,
        env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    this.url = await new Promise<string>((done, fail) => {
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const line = output.split('\n').find((candidate) => candidate.startsWith('{'));
        if (line) done((JSON.parse(line) as { url: string }).url);
      });
      child.on('exit', (code) =>
        fail(new Error(`PostgreSQL did not start (exit ${code}): ${errors}`)),
      );
    });
  }

  /** Stops the server (a fast shutdown: sessions are cut) and waits until it is gone. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    this.child = null;
    await new Promise<void>((done) => {
      child.on('exit', () => done());
      child.kill('SIGTERM');
    });
  }

  async remove(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
    rmSync(this.codeDir, { recursive: true, force: true });
  }
}
