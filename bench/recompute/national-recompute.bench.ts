import 'reflect-metadata';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';
import { shiftPeriod } from '@scorecard/scoring';
import {
  AgencyRepository,
  createDataSource,
  ResultRepository,
  runMigrations,
  SchemeRepository,
  SubmissionRepository,
} from '@scorecard/server-database';
import {
  calculatePeriodResults,
  loadReportedCounts,
  toGradeThresholds,
  toSchemeIndicators,
} from '@scorecard/server-months';
import { periodComputation, startNationalDemoPostgres } from '../support/national-demo';
import { NATIONAL_ROLL_UP_SQL, type ResultFields, resultFieldsOf, STORED_RESULTS_SQL } from './national-roll-up.sql';

/**
 * Recomputing a national month from its submissions (every agency, both scopes, the three rank
 * groups, rank changes) as the product does it — `PeriodComputationService.compute`: load, score,
 * rank, store, in one transaction — against one hand-written SQL statement computing the same
 * roll-up on the same database in the same run. Each is timed RUNS times (the median is the
 * figure), and every field of every row of the two is compared: a mismatch fails the bench.
 * Writes bench/results/national-recompute.json.
 *
 * SCORECARD_DEMO_PROVINCES=33,44 seeds only those provinces (a quick try; the figure is the whole
 * country's). The demo is seeded once and kept (bench/support/national-demo.ts); this bench runs on
 * a copy of it.
 */
const ROOT = resolve(__dirname, '../../../..');
const RUNS = Number(process.env['RECOMPUTE_RUNS'] ?? 7);
const WORK = join(ROOT, '.data', `bench-recompute-${process.pid}`);
const PROVINCES = (process.env['SCORECARD_DEMO_PROVINCES'] ?? '')
  .split(',')
  .map((code) => code.trim())
  .filter((code) => code !== '');
const GOAL = { ms: 1_000, ratioToSql: 1.5 };

async function main(): Promise<void> {
  const loadAtStart = loadavg();
  mkdirSync(WORK, { recursive: true });
  const postgres = await startNationalDemoPostgres(WORK);
  const dataSource = await createDataSource({ url: postgres.url }).initialize();
  try {
    await runMigrations(dataSource);
    const { computation, schemes } = services(dataSource);
    const seeded = postgres.seedSeconds > 0;
    const seedSeconds = postgres.seedSeconds;

    // The newest published month: its previous month is published too, so rank changes count.
    const [{ period }]: { period: string }[] = await dataSource.query(
      `SELECT max(period) AS period FROM period WHERE status = 'published'`,
    );
    const scheme = await schemes.findInForce(period);
    if (!scheme) throw new Error(`no scheme in force in ${period}`);
    const [size]: { agencies: number; figures: number }[] = await dataSource.query(
      `SELECT (SELECT count(*)::int FROM agency) AS agencies,
              (SELECT count(*)::int FROM submission_value WHERE period = $1) AS figures`,
      [period],
    );

    // Every row written: the month's stored results are removed (untimed) before each run.
    const product: number[] = [];
    const productCpu: number[] = [];
    for (let run = 0; run <= RUNS; run++) {
      await dataSource.query('DELETE FROM agency_result WHERE period = $1', [period]);
      await dataSource.query('VACUUM agency_result');
      const cpuBefore = await cpuMs(dataSource);
      const started = performance.now();
      await computation.compute(period);
      // The first run warms the JIT and the caches; it is not counted.
      if (run > 0) product.push(performance.now() - started);
      if (run > 0) productCpu.push((await cpuMs(dataSource)) - cpuBefore);
    }
    const stored = (await dataSource.query(STORED_RESULTS_SQL, [period])) as Record<string, unknown>[];
    // Nothing changed since: what "recompute" and a publication find most of the time.
    const unchanged: number[] = [];
    const unchangedCpu: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const cpuBefore = await cpuMs(dataSource);
      const started = performance.now();
      await computation.compute(period);
      unchanged.push(performance.now() - started);
      unchangedCpu.push((await cpuMs(dataSource)) - cpuBefore);
    }
    const calculation = await timeCalculation(dataSource, period);

    const sqlParameters = [period, scheme.year, scheme.version, shiftPeriod(period, -1)];
    const baseline: number[] = [];
    const baselineCpu: number[] = [];
    let computed: Record<string, unknown>[] = [];
    for (let run = 0; run <= RUNS; run++) {
      const cpuBefore = await cpuMs(dataSource);
      const started = performance.now();
      computed = (await dataSource.query(NATIONAL_ROLL_UP_SQL, sqlParameters)) as Record<string, unknown>[];
      if (run > 0) baseline.push(performance.now() - started);
      if (run > 0) baselineCpu.push((await cpuMs(dataSource)) - cpuBefore);
    }

    const mismatches = compareResults(stored.map(resultFieldsOf), computed.map(resultFieldsOf));
    const value = median(product);
    const baselineMs = median(baseline);
    const result = {
      measuredAt: new Date().toISOString(),
      figure: `recompute of a national month (${period}) from submissions: ${size.agencies} agencies × ${scheme.indicators.length} indicators, both scopes, ranks in parent, level and nation, rank changes; load, calculate and store every row in one transaction`,
      value: round(value),
      unit: 'ms (median)',
      baseline: round(baselineMs),
      baselineWhat: 'one hand-written SQL statement (recursive CTE over the agency tree) computing the same rows, answered to the client',
      ratio: round(value / baselineMs),
      goal: `≤ ${GOAL.ms} ms and ≤ ${GOAL.ratioToSql} × the SQL statement`,
      met: value <= GOAL.ms && value / baselineMs <= GOAL.ratioToSql,
      identical: mismatches.length === 0,
      // Other work on the machine stretches both wall times; the processor time each needs does not.
      cpu: {
        what: 'processor time of this process and its PostgreSQL sessions per run (median), what the machine load does not change',
        value: round(median(productCpu)),
        baseline: round(median(baselineCpu)),
        ratio: round(median(productCpu) / median(baselineCpu)),
        unit: 'ms',
      },
      unchangedMonth: {
        what: 'the same recompute when the stored rows are already up to date (nothing is rewritten)',
        value: round(median(unchanged)),
        ratio: round(median(unchanged) / baselineMs),
        cpuMs: round(median(unchangedCpu)),
      },
      calculationOnly: {
        what: 'calculatePeriodResults alone (pure: evaluation, roll-up, ranks), inputs already loaded',
        value: round(calculation),
      },
      rowsCompared: stored.length,
      runs: { product: product.map(round), unchanged: unchanged.map(round), sql: baseline.map(round) },
      agencies: size.agencies,
      figures: size.figures,
      provinces: PROVINCES.length > 0 ? PROVINCES : 'all',
      seedSeconds: seeded ? seedSeconds : null,
      machine: { cpus: cpus().length, loadAverageAtStart: loadAtStart.map(round) },
    };
    console.log(JSON.stringify(result, null, 2));
    if (mismatches.length > 0) {
      throw new Error(
        `the product and the SQL statement disagree on ${mismatches.length} fields, e.g.:\n${mismatches.slice(0, 10).join('\n')}`,
      );
    }
    if (stored.length !== 2 * size.agencies) {
      throw new Error(`expected ${2 * size.agencies} rows, the product stored ${stored.length}`);
    }
    mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
    writeFileSync(join(ROOT, 'bench/results/national-recompute.json'), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await dataSource.destroy();
    await postgres.stop();
    rmSync(WORK, { recursive: true, force: true });
  }
}

/** The product's services, wired by hand as the worker's modules would. */
function services(dataSource: DataSource) {
  return { computation: periodComputation(dataSource), schemes: new SchemeRepository(dataSource) };
}

/** Median time of the pure calculation of a month, on inputs loaded as the computation loads them. */
async function timeCalculation(dataSource: DataSource, period: string): Promise<number> {
  const scheme = await new SchemeRepository(dataSource).findInForce(period);
  if (!scheme) throw new Error(`no scheme in force in ${period}`);
  const agencies = await new AgencyRepository(dataSource).findAll();
  const own = await loadReportedCounts(dataSource.manager, new SubmissionRepository(dataSource), period);
  const previousRanks = await new ResultRepository(dataSource).publishedRanksOfPeriod(
    dataSource.manager,
    shiftPeriod(period, -1),
  );
  const input = {
    period,
    agencies: agencies.map(({ code, parentCode, level }) => ({ code, parentCode, level })),
    scheme: toSchemeIndicators(scheme.indicators),
    grades: toGradeThresholds(scheme.grades),
    schemeVersion: { year: scheme.year, version: scheme.version },
    own,
    previousRanks,
  };
  const times: number[] = [];
  for (let run = 0; run <= RUNS; run++) {
    const started = performance.now();
    calculatePeriodResults(input);
    if (run > 0) times.push(performance.now() - started);
  }
  return median(times);
}

/** Processor time used so far by this process and by the PostgreSQL sessions serving it, in ms. */
async function cpuMs(dataSource: DataSource): Promise<number> {
  const sessions: { pid: number }[] = await dataSource.query(
    `SELECT pid FROM pg_stat_activity WHERE backend_type = 'client backend' AND datname = current_database()`,
  );
  let ticks = 0;
  for (const { pid } of sessions) {
    try {
      // Fields after the command name, which is in parentheses and may hold spaces.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // A session that ended in between used no more.
    }
  }
  const own = process.cpuUsage();
  return ticks * 10 + (own.user + own.system) / 1000;
}

/** Every field of every row, keyed by agency and scope; answers one line per difference. */
function compareResults(product: ResultFields[], sql: ResultFields[]): string[] {
  const mismatches: string[] = [];
  const byKey = new Map(sql.map((row) => [`${row.agencyCode}/${row.scope}`, row]));
  if (product.length !== sql.length) {
    mismatches.push(`rows: product ${product.length}, SQL ${sql.length}`);
  }
  for (const row of product) {
    const key = `${row.agencyCode}/${row.scope}`;
    const other = byKey.get(key);
    if (!other) {
      mismatches.push(`${key}: missing from the SQL answer`);
      continue;
    }
    for (const field of Object.keys(row) as (keyof ResultFields)[]) {
      const mine = JSON.stringify(row[field]);
      const theirs = JSON.stringify(other[field]);
      if (mine !== theirs) mismatches.push(`${key} ${field}: product ${mine}, SQL ${theirs}`);
    }
  }
  return mismatches;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const round = (value: number): number => Math.round(value * 100) / 100;

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
