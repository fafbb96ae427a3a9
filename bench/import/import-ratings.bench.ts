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
  type StagedRecord,
  SchemeRepository,
  WorkingCalendarRepository,
} from '@scorecard/server-database';
import { startEmbeddedPostgres } from '@scorecard/server-embedded';
import { readImportFile } from '@scorecard/server-imports';

/**
 * Import throughput for a ratings CSV of ROWS rows (default 1,000,000): our whole pipeline (the
 * upload streamed into PostgreSQL as the API stores it, copied out to a local file as a worker does,
 * then stream, decode, validate every row, COPY into staging, merge, derive satisfaction) against
 * `psql \copy` of the same file into a plain table, on the same server in the same run. Writes
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

async function main(): Promise<void> {
  const loadAtStart = loadavg();
  mkdirSync(WORK, { recursive: true });
  const file = join(WORK, 'ratings.csv');
  await writeRatings(file, ROWS);
  const sizeMb = statSync(file).size / 1024 / 1024;
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
      `INSERT INTO period (period, status, due_date) VALUES ('2026-10', 'open', '2026-11-05')`,
    );

    // Baseline: psql \copy of the same file into a table of the file's columns.
    await dataSource.query(
      'CREATE TABLE copy_baseline (agency_code text, rated_at timestamptz, channel text, level smallint)',
    );
    const psql = findPsql();
    const copyStarted = process.hrtime.bigint();
    const copy = spawnSync(
      psql,
      [
        postgres.url,
        '-v',
        'ON_ERROR_STOP=1',
        '-c',
        `\\copy copy_baseline FROM '${file}' WITH (FORMAT csv, HEADER true)`,
      ],
      {
        encoding: 'utf8',
      },
    );
    const copySeconds = Number(process.hrtime.bigint() - copyStarted) / 1e9;
    if (copy.status !== 0) throw new Error(`psql \\copy failed: ${copy.stderr}`);

    // Ours, end to end: the upload stored in PostgreSQL as the API stores it…
    const heapBefore = process.memoryUsage().rss;
    let peakRss = heapBefore;
    const sampler = setInterval(
      () => (peakRss = Math.max(peakRss, process.memoryUsage().rss)),
      100,
    );
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
    // …copied to the worker's own disk as the worker does…
    const copyOutStarted = process.hrtime.bigint();
    const local = join(WORK, `${importId}.upload`);
    await pipeline(Readable.from(uploads.read(importId)), createWriteStream(local));
    const copyToWorkerSeconds = Number(process.hrtime.bigint() - copyOutStarted) / 1e9;
    // …and imported from there.
    const started = process.hrtime.bigint();
    const reader = readImportFile({
      stream: createReadStream(local),
      fileName: 'ratings.csv',
      context: {
        kind: 'ratings',
        agenciesInScope: new Set(AGENCIES),
        knownAgencies: new Set(['330000', '330100', ...AGENCIES]),
        indicatorsFor: () => new Map([['satisfaction', { allowsOverTarget: false }]]),
        now: new Date('2026-11-22T12:00:00+08:00'),
        maxErrors: 1000,
      },
      xlsxLimits: { maxPartBytes: 256 * 1024 * 1024, maxTotalBytes: 512 * 1024 * 1024 },
    });
    const outcome = await new RawRecordImporter(
      dataSource,
      new AuditLogRepository(dataSource),
      new WorkingCalendarRepository(dataSource),
      new SchemeRepository(dataSource),
    ).apply({
      importId,
      kind: 'ratings',
      contentHash: upload.contentHash,
      uploader: { username: 'admin', role: 'province_admin', agencyCode: '330000' },
      replaceTyped: true,
      batches: reader.batches as AsyncIterable<StagedRecord[]>,
      summary: reader.summary,
    });
    const oursSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    clearInterval(sampler);
    if (outcome.status !== 'applied')
      throw new Error(`import not applied: ${JSON.stringify(outcome).slice(0, 500)}`);

    const result = {
      measuredAt: new Date().toISOString(),
      rows: ROWS,
      fileMiB: Number(sizeMb.toFixed(1)),
      psqlCopy: { seconds: round(copySeconds), rowsPerSecond: Math.round(ROWS / copySeconds) },
      uploadToPostgres: { seconds: round(uploadSeconds) },
      copyToWorker: { seconds: round(copyToWorkerSeconds) },
      scorecardImport: {
        seconds: round(oursSeconds),
        rowsPerSecond: Math.round(ROWS / oursSeconds),
        peakRssMiB: Math.round(peakRss / 1024 / 1024),
      },
      ratioToCopy: round(oursSeconds / copySeconds),
      /** Upload stored, copied to the worker and imported, against psql \copy. */
      endToEnd: {
        seconds: round(uploadSeconds + copyToWorkerSeconds + oursSeconds),
        ratioToCopy: round((uploadSeconds + copyToWorkerSeconds + oursSeconds) / copySeconds),
      },
      /** Ours in rows/s as a share of \copy's (the goal is 0.7 or more). */
      throughputShareOfCopy: round(copySeconds / oursSeconds),
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

/** A deterministic ratings file; every row valid, ten agencies, all in October 2026 (Shanghai). */
function writeRatings(path: string, rows: number): Promise<void> {
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
        const hour = String(i % 24).padStart(2, '0');
        const minute = String(i % 60).padStart(2, '0');
        ok = out.write(
          `${AGENCIES[i % AGENCIES.length]},2026-10-${day}T${hour}:${minute}:00+08:00,${channels[i % 4]},${(i % 5) + 1}\n`,
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
