import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import {
  createReadStream,
  createWriteStream,
  mkdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  AuditLogRepository,
  createDataSource,
  ImportUploadRepository,
  RawRecordImporter,
  runMigrations,
  SchemeRepository,
  WorkingCalendarRepository,
} from '@scorecard/server-database';
import { startEmbeddedPostgres } from '@scorecard/server-embedded';
import { readImportFile } from '@scorecard/server-imports';
import type { DataSource } from 'typeorm';

/**
 * Import throughput for a ratings CSV of ROWS rows (default 1,000,000): our whole pipeline (the
 * upload streamed into PostgreSQL as the API stores it, copied out to a local file as a worker does,
 * then stream, decode, validate every row, COPY, derive satisfaction, open the bad-review cases)
 * against `psql \copy` of the same file into a plain table, on the same server in the same run.
 *
 * The figure is the first file of a month with the levels a 好差评 system reports (2 % of ratings
 * at level 1–2: each is a case to answer; published national figures are well under 1 %). Beside it:
 * the same with every level equally often (40 % cases, a stress case), and a second file replacing
 * every agency of the month (its superseded records deleted afterwards, timed apart). Writes
 * bench/results/import-ratings.json.
 */
const ROWS = Number(process.env['ROWS'] ?? 1_000_000);
const ROOT = resolve(__dirname, '../../../..');
const WORK = join(ROOT, '.data', `bench-${process.pid}`);
const AGENCIES = [
  '330102',
  '330105',
  '330106',
  '330108',
  '330109',
  '330110',
  '330111',
  '330112',
  '330113',
  '330114',
];
const NOW = new Date('2026-11-22T12:00:00+08:00');
const GOAL_SHARE = 0.7;

/** Levels as a 好差评 system reports them: 80 % 非常满意 … 0.8 % 非常不满意 (2 % bad). */
function usualLevel(i: number): number {
  const permille = (i * 7919) % 1000;
  if (permille < 8) return 1;
  if (permille < 20) return 2;
  if (permille < 60) return 3;
  if (permille < 200) return 4;
  return 5;
}

/** Every level equally often: 40 % bad ratings, each a case. */
function evenLevel(i: number): number {
  return (i % 5) + 1;
}

interface ImportRun {
  seconds: number;
  rowsPerSecond: number;
  uploadSeconds: number;
  copyToWorkerSeconds: number;
  badReviewCases: number;
}

async function main(): Promise<void> {
  const loadAtStart = loadavg();
  mkdirSync(WORK, { recursive: true });
  const usual = join(WORK, 'ratings.csv');
  const stress = join(WORK, 'ratings-even-levels.csv');
  const replacement = join(WORK, 'ratings-replacement.csv');
  await writeRatings(usual, ROWS, '2026-10', usualLevel, 0);
  await writeRatings(stress, ROWS, '2026-09', evenLevel, 0);
  await writeRatings(replacement, ROWS, '2026-10', usualLevel, 1);
  const sizeMb = statSync(usual).size / 1024 / 1024;
  console.log(`ratings.csv: ${ROWS.toLocaleString('en')} rows, ${sizeMb.toFixed(1)} MiB`);

  const postgres = await startEmbeddedPostgres({
    dataDir: join(WORK, 'postgres'),
    database: 'bench',
    ephemeral: true,
  });
  const dataSource = await createDataSource({ url: postgres.url }).initialize();
  try {
    await runMigrations(dataSource);
    await dataSource.query(
      `INSERT INTO agency (code, name, level, parent_code) VALUES ('330000', '浙江省', 'province', NULL), ('330100', '杭州市', 'city', '330000')`,
    );
    await dataSource.query(
      `INSERT INTO agency (code, name, level, parent_code) SELECT code, code, 'county', '330100' FROM unnest($1::text[]) AS code`,
      [AGENCIES],
    );
    await dataSource.query(`INSERT INTO indicator_scheme (year) VALUES (2026)`);
    await dataSource.query(
      `INSERT INTO period (period, status, due_date) VALUES ('2026-09', 'open', '2026-10-08'), ('2026-10', 'open', '2026-11-05')`,
    );

    // Baseline: psql \copy of the same file into a table of the file's columns.
    await dataSource.query(
      'CREATE TABLE copy_baseline (agency_code text, rated_at timestamptz, channel text, level smallint)',
    );
    const copySeconds = psqlCopy(postgres.url, usual);

    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(
      () => (peakRss = Math.max(peakRss, process.memoryUsage().rss)),
      100,
    );
    const first = await importFile(dataSource, usual);
    const evenLevels = await importFile(dataSource, stress);
    const replaced = await importFile(dataSource, replacement);
    const pruneStarted = process.hrtime.bigint();
    const pruned = await importer(dataSource).pruneSuperseded('ratings');
    const pruneSeconds = Number(process.hrtime.bigint() - pruneStarted) / 1e9;
    clearInterval(sampler);
    const [{ count: remaining }] = await dataSource.query(
      `SELECT count(*)::int AS count FROM rating WHERE period = '2026-10'`,
    );
    if (pruned !== ROWS || remaining !== ROWS)
      throw new Error(`the replacement left ${remaining} records (${pruned} pruned)`);

    const share = round(copySeconds / first.seconds);
    const result = {
      measuredAt: new Date().toISOString(),
      figure: `import of a ${ROWS.toLocaleString('en')}-row ratings CSV (first file of a month, 2 % bad ratings): rows/s`,
      value: first.rowsPerSecond,
      unit: 'rows/s',
      baseline: Math.round(ROWS / copySeconds),
      ratio: share,
      goal: `≥ ${GOAL_SHARE} × the rows/s of psql \\copy`,
      met: share >= GOAL_SHARE,
      rows: ROWS,
      fileMiB: Number(sizeMb.toFixed(1)),
      psqlCopy: { seconds: round(copySeconds), rowsPerSecond: Math.round(ROWS / copySeconds) },
      uploadToPostgres: { seconds: first.uploadSeconds },
      copyToWorker: { seconds: first.copyToWorkerSeconds },
      scorecardImport: {
        seconds: first.seconds,
        rowsPerSecond: first.rowsPerSecond,
        badReviewCases: first.badReviewCases,
        peakRssMiB: Math.round(peakRss / 1024 / 1024),
      },
      ratioToCopy: round(first.seconds / copySeconds),
      /** Upload stored, copied to the worker and imported, against psql \copy. */
      endToEnd: {
        seconds: round(first.uploadSeconds + first.copyToWorkerSeconds + first.seconds),
        ratioToCopy: round(
          (first.uploadSeconds + first.copyToWorkerSeconds + first.seconds) / copySeconds,
        ),
      },
      /** Ours in rows/s as a share of \copy's (the goal is 0.7 or more). */
      throughputShareOfCopy: share,
      /** Every level equally often: 40 % of the ratings open a bad-review case. */
      evenLevels: {
        seconds: evenLevels.seconds,
        rowsPerSecond: evenLevels.rowsPerSecond,
        badReviewCases: evenLevels.badReviewCases,
        throughputShareOfCopy: round(copySeconds / evenLevels.seconds),
      },
      /** A second file for every agency of the month: added beside the first, which it supersedes. */
      replacement: {
        seconds: replaced.seconds,
        rowsPerSecond: replaced.rowsPerSecond,
        throughputShareOfCopy: round(copySeconds / replaced.seconds),
        supersededDeleted: { records: pruned, seconds: round(pruneSeconds) },
      },
      machine: {
        cpus: cpus().length,
        loadAverageAtStart: loadAtStart.map(round),
        loadAverageAtEnd: loadavg().map(round),
      },
    };
    mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
    writeFileSync(
      join(ROOT, 'bench/results/import-ratings.json'),
      `${JSON.stringify(result, null, 2)}\n`,
    );
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await dataSource.destroy();
    await postgres.stop();
    rmSync(WORK, { recursive: true, force: true });
  }
}

function importer(dataSource: DataSource): RawRecordImporter {
  return new RawRecordImporter(
    dataSource,
    new AuditLogRepository(dataSource),
    new WorkingCalendarRepository(dataSource),
    new SchemeRepository(dataSource),
  );
}

/** `psql \copy` of the file into copy_baseline, emptied first: seconds. */
function psqlCopy(url: string, file: string): number {
  const psql = findPsql();
  spawnSync(psql, [url, '-c', 'TRUNCATE copy_baseline']);
  const started = process.hrtime.bigint();
  const copy = spawnSync(
    psql,
    [
      url,
      '-v',
      'ON_ERROR_STOP=1',
      '-c',
      `\\copy copy_baseline FROM '${file}' WITH (FORMAT csv, HEADER true)`,
    ],
    { encoding: 'utf8' },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (copy.status !== 0) throw new Error(`psql \\copy failed: ${copy.stderr}`);
  return seconds;
}

/**
 * Ours, end to end: the upload stored in PostgreSQL as the API stores it, copied to the worker's
 * own disk as the worker does, and imported from there (only the import is `seconds`).
 */
async function importFile(dataSource: DataSource, file: string): Promise<ImportRun> {
  const uploads = new ImportUploadRepository(dataSource);
  const uploadStarted = process.hrtime.bigint();
  const upload = await uploads.receive(createReadStream(file));
  await upload.record({
    kind: 'ratings',
    fileName: 'ratings.csv',
    uploadedBy: 'admin',
    uploaderRole: 'province_admin',
    uploaderAgency: '330000',
    replaceTyped: true,
  });
  const uploadSeconds = Number(process.hrtime.bigint() - uploadStarted) / 1e9;
  const importId = upload.id;
  const copyOutStarted = process.hrtime.bigint();
  const local = join(WORK, `${importId}.upload`);
  await pipeline(Readable.from(uploads.read(importId)), createWriteStream(local));
  const copyToWorkerSeconds = Number(process.hrtime.bigint() - copyOutStarted) / 1e9;

  const started = process.hrtime.bigint();
  const reader = readImportFile({
    stream: createReadStream(local),
    fileName: 'ratings.csv',
    context: {
      kind: 'ratings',
      agenciesInScope: new Set(AGENCIES),
      knownAgencies: new Set(['330000', '330100', ...AGENCIES]),
      indicatorsFor: () => new Map([['satisfaction', { allowsOverTarget: false }]]),
      now: NOW,
      maxErrors: 1000,
    },
    xlsxLimits: { maxPartBytes: 256 * 1024 * 1024, maxTotalBytes: 512 * 1024 * 1024 },
  });
  const outcome = await importer(dataSource).apply({
    importId,
    kind: 'ratings',
    contentHash: upload.contentHash,
    uploader: { username: 'admin', role: 'province_admin', agencyCode: '330000' },
    replaceTyped: true,
    batches: reader.batches,
    summary: reader.summary,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (outcome.status !== 'applied')
    throw new Error(`import not applied: ${JSON.stringify(outcome).slice(0, 500)}`);
  rmSync(local, { force: true });
  const [{ count }] = await dataSource.query(
    'SELECT count(*)::int AS count FROM bad_review WHERE import_id = $1',
    [importId],
  );
  return {
    seconds: round(seconds),
    rowsPerSecond: Math.round(ROWS / seconds),
    uploadSeconds: round(uploadSeconds),
    copyToWorkerSeconds: round(copyToWorkerSeconds),
    badReviewCases: count as number,
  };
}

/** The PostgreSQL client on the PATH, or Debian's (the postgresql-client package). */
function findPsql(): string {
  const candidates = [
    'psql',
    ...['17', '16', '15'].map((major) => `/usr/lib/postgresql/${major}/bin/psql`),
  ];
  const found = candidates.find((candidate) => spawnSync(candidate, ['--version']).status === 0);
  if (!found)
    throw new Error('psql is needed for the \\copy baseline: apt-get install postgresql-client');
  return found;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * A deterministic ratings file; every row valid, ten agencies, all in `month` (Shanghai times,
 * before the bench's today). `shift` varies the times and channels of a second file.
 */
function writeRatings(
  path: string,
  rows: number,
  month: string,
  levelOf: (i: number) => number,
  shift: number,
): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const out = createWriteStream(path);
    out.on('error', reject);
    out.write('agency_code,rated_at,channel,level\n');
    const channels = ['window', 'online', 'phone', 'app'];
    let i = 0;
    const writeMore = () => {
      let ok = true;
      while (i < rows && ok) {
        const day = String((i % 30) + 1).padStart(2, '0');
        const hour = String((i + shift) % 24).padStart(2, '0');
        const minute = String(i % 60).padStart(2, '0');
        ok = out.write(
          `${AGENCIES[i % AGENCIES.length]},${month}-${day}T${hour}:${minute}:00+08:00,${channels[(i + shift) % 4]},${levelOf(i)}\n`,
        );
        i++;
      }
      if (i < rows) out.once('drain', writeMore);
      else out.end(resolvePromise);
    };
    writeMore();
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
