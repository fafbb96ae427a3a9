import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';
import {
  AgencyRepository,
  createDataSource,
  MonthDueDateRepository,
  PeriodLifecycleRepository,
  PeriodRepository,
  ResultRepository,
  ResultStaleRepository,
  runMigrations,
  SchemeRepository,
  SubmissionRepository,
  TransactionRunner,
  WorkingCalendarRepository,
} from '@scorecard/server-database';
import { DemoNationSeeder } from '@scorecard/server-demo';
import {
  type LocalServices,
  type RunningService,
  startEmbeddedPostgres,
  startLocalServices,
} from '@scorecard/server-embedded';
import { MonthDueDateService, PeriodComputationService } from '@scorecard/server-months';

/**
 * The national demo, seeded once and handed to each benchmark as a copy of its own.
 *
 * The first benchmark that needs it (or `npm run bench`'s first step) seeds the demo into a
 * PostgreSQL cluster under `.data/bench/national-<key>/`, stops the server cleanly and keeps the
 * folder. The key covers what decides the seeded rows: the sources of the libraries the seeder,
 * the migrations and the computation are built from, the lockfile, the month (the demo's months
 * end with the previous one) and SCORECARD_DEMO_PROVINCES. Each benchmark then starts its server
 * on a file copy of that stopped cluster, so what one benchmark writes never reaches the next.
 */
const ROOT = workspaceRoot(__dirname);
/** Where seeded clusters are kept (tests point it elsewhere). */
const CACHE = process.env['BENCH_NATIONAL_DEMO_DIR']
  ? resolve(process.env['BENCH_NATIONAL_DEMO_DIR'])
  : join(ROOT, '.data', 'bench');
/** The database the demo is seeded into (and each copy's server serves). */
export const NATIONAL_DEMO_DATABASE = 'bench';
/** What the seeded rows are made from: a change to any of these seeds the demo again. */
const SOURCES = ['libs', 'package-lock.json', 'tsconfig.base.json'];

export interface NationalDemoCluster {
  /** The stopped cluster's folder (a template: copy it, never start a server on it). */
  dataDir: string;
  key: string;
  /** Seconds spent seeding in this call; 0 when an earlier run's cluster was found. */
  seedSeconds: number;
  /** What the seeding cost when it was done. */
  seededInSeconds: number;
}

export interface NationalDemoServices extends LocalServices {
  /** Seconds spent seeding in this call (0 when reused) and copying the cluster. */
  seedSeconds: number;
  copySeconds: number;
}

function provinces(): string[] {
  return (process.env['SCORECARD_DEMO_PROVINCES'] ?? '')
    .split(',')
    .map((code) => code.trim())
    .filter((code) => code !== '');
}

/** The key of the seeded cluster: the sources' digest, the month and the provinces. */
export function nationalDemoKey(now: Date = new Date()): string {
  const hash = createHash('sha256');
  const visit = (path: string) => {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) {
        if (name === 'node_modules' || name.startsWith('.')) continue;
        visit(join(path, name));
      }
      return;
    }
    if (/\.(spec|integration-spec|test)\.ts$/.test(path)) return;
    hash.update(relative(ROOT, path)).update('\0').update(readFileSync(path)).update('\0');
  };
  for (const source of SOURCES) if (existsSync(join(ROOT, source))) visit(join(ROOT, source));
  hash.update(now.toISOString().slice(0, 7)).update(provinces().join(','));
  return hash.digest('hex').slice(0, 16);
}

/** The seeded national demo's cluster: found from an earlier run, or seeded now. */
export async function prepareNationalDemo(
  log: (line: string) => void = console.log,
): Promise<NationalDemoCluster> {
  const now = new Date();
  const key = nationalDemoKey(now);
  const home = join(CACHE, `national-${key}`);
  const dataDir = join(home, 'postgres');
  const marker = join(home, 'seeded.json');
  if (existsSync(marker)) {
    const { seededInSeconds } = JSON.parse(readFileSync(marker, 'utf8')) as {
      seededInSeconds: number;
    };
    log(`national demo: seeded cluster ${key} reused (it took ${seededInSeconds} s to seed)`);
    return { dataDir, key, seedSeconds: 0, seededInSeconds };
  }

  // Clusters seeded from other sources or in other months will not be used again.
  mkdirSync(CACHE, { recursive: true });
  for (const name of readdirSync(CACHE))
    if (name.startsWith('national-')) rmSync(join(CACHE, name), { recursive: true, force: true });

  const partial = join(CACHE, `partial-${key}-${process.pid}`);
  const started = performance.now();
  const postgres = await startEmbeddedPostgres({
    dataDir: join(partial, 'postgres'),
    database: NATIONAL_DEMO_DATABASE,
  });
  try {
    const dataSource = await createDataSource({ url: postgres.url }).initialize();
    try {
      await runMigrations(dataSource);
      const seeded = await nationalDemoSeeder(dataSource).seedIfEmpty(
        now,
        provinces().length > 0 ? { provinces: provinces() } : {},
      );
      if (!seeded) throw new Error(`the fresh cluster in ${partial} was not empty`);
      // Fresh statistics and a checkpoint: each copy starts from the same planned, flushed state.
      await dataSource.query('VACUUM ANALYZE');
      await dataSource.query('CHECKPOINT');
    } finally {
      await dataSource.destroy();
    }
  } catch (error) {
    await postgres.stop();
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
  await postgres.stop();
  const seededInSeconds = round((performance.now() - started) / 1000);
  writeFileSync(
    join(partial, 'seeded.json'),
    `${JSON.stringify({ key, seededInSeconds, seededAt: now.toISOString(), provinces: provinces() })}\n`,
  );
  renameSync(partial, home);
  log(`national demo: seeded cluster ${key} in ${seededInSeconds} s`);
  return { dataDir, key, seedSeconds: seededInSeconds, seededInSeconds };
}

export interface NationalDemoCopy {
  /** The copy's cluster folder, for a server of the benchmark's own. */
  dataDir: string;
  /** Seconds spent seeding in this call (0 when reused) and copying the cluster. */
  seedSeconds: number;
  copySeconds: number;
}

/** A copy of the seeded national demo's cluster in `workDir`/postgres, seeding it first if need be. */
export async function copyNationalDemo(
  workDir: string,
  log: (line: string) => void = console.log,
): Promise<NationalDemoCopy> {
  const cluster = await prepareNationalDemo(log);
  const dataDir = join(workDir, 'postgres');
  const started = performance.now();
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  // `cp -a` keeps the files' owner (the server's account when run as root) and modes. A cluster
  // placed outside the project (see preparePostgresRuntime) is linked from its folder: the copy is
  // of what the link points to, never of the link, which would share the seeded cluster.
  const copied = spawnSync('cp', ['-a', realpathSync(cluster.dataDir), dataDir], {
    encoding: 'utf8',
  });
  if (copied.status !== 0) throw new Error(`copying ${cluster.dataDir}: ${copied.stderr}`);
  const copySeconds = round((performance.now() - started) / 1000);
  log(`national demo: cluster copied in ${copySeconds} s`);
  return { dataDir, seedSeconds: cluster.seedSeconds, copySeconds };
}

/**
 * An embedded PostgreSQL serving a copy of the seeded national demo (database `bench`) and an
 * embedded Redis, both removed when stopped. `workDir` is the benchmark's own folder.
 */
export async function startNationalDemoServices(
  workDir: string,
  log: (line: string) => void = console.log,
): Promise<NationalDemoServices> {
  const copy = await copyNationalDemo(workDir, log);
  const services = await startLocalServices({
    postgresDataDir: copy.dataDir,
    database: NATIONAL_DEMO_DATABASE,
    ephemeral: true,
  });
  return { ...services, seedSeconds: copy.seedSeconds, copySeconds: copy.copySeconds };
}

/** An embedded PostgreSQL alone on a copy of the seeded national demo, removed when stopped. */
export async function startNationalDemoPostgres(
  workDir: string,
  log: (line: string) => void = console.log,
): Promise<RunningService & NationalDemoCopy> {
  const copy = await copyNationalDemo(workDir, log);
  const postgres = await startEmbeddedPostgres({
    dataDir: copy.dataDir,
    database: NATIONAL_DEMO_DATABASE,
    ephemeral: true,
  });
  return Object.assign(postgres, copy);
}

/** The month's computation, wired by hand as the worker's modules would. */
export function periodComputation(dataSource: DataSource): PeriodComputationService {
  return new PeriodComputationService(
    new TransactionRunner(dataSource),
    new AgencyRepository(dataSource),
    new PeriodRepository(dataSource),
    new SchemeRepository(dataSource),
    new SubmissionRepository(dataSource),
    new ResultRepository(dataSource),
    new ResultStaleRepository(),
  );
}

/** The product's seeder, wired by hand as the API's modules would. */
export function nationalDemoSeeder(dataSource: DataSource): DemoNationSeeder {
  const agencies = new AgencyRepository(dataSource);
  const schemes = new SchemeRepository(dataSource);
  const computation = periodComputation(dataSource);
  const dueDates = new MonthDueDateService(
    schemes,
    new WorkingCalendarRepository(dataSource),
    new MonthDueDateRepository(),
  );
  return new DemoNationSeeder(
    dataSource,
    agencies,
    schemes,
    computation,
    new PeriodLifecycleRepository(dataSource),
    dueDates,
  );
}

/** The workspace's root (where nx.json is), whether this runs built (dist/bench/…) or from source. */
function workspaceRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no nx.json above ${from}`);
    dir = parent;
  }
  return dir;
}

const round = (value: number): number => Math.round(value * 100) / 100;
