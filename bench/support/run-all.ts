import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

/**
 * `npm run bench`: runs the scripts it is given (paths under dist/bench/bench: the national demo's
 * seeding, then every benchmark) in turn, each in a process of its own and one after the other so
 * none takes processor time from another, then prints the
 * total and each part's duration and writes bench/results/summary.json: each figure beside its
 * baseline, their ratio, the goal and whether it is met, and the run's duration and load average.
 * A part that fails does not stop the others; the run then ends with a failure.
 */
const ROOT = resolve(__dirname, '../../../..');
const DIST = join(ROOT, 'dist/bench/bench');
const RESULTS = join(ROOT, 'bench/results');
/** What the whole run may take on the 2-core machine. */
const BUDGET_SECONDS = 600;

interface Figure {
  figure: string;
  value: number | null;
  unit: string;
  baseline: number | null;
  ratio: number | null;
  goal: string;
  met: boolean | null;
}

type Result = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A part's figure from its results file: the standard fields, or the import's own. */
function figureOf(result: Result): Figure {
  if (result['figure'] === undefined && result['psqlCopy'] !== undefined) {
    // The import writes rows/s of its import against `psql \copy` of the same file.
    const share = result['throughputShareOfCopy'];
    return {
      figure: `import of a ${Number(result['rows']).toLocaleString('en')}-row ratings CSV: rows/s`,
      value: result['scorecardImport']?.rowsPerSecond ?? null,
      unit: 'rows/s',
      baseline: result['psqlCopy']?.rowsPerSecond ?? null,
      ratio: share ?? null,
      goal: '≥ 0.7 × the rows/s of psql \\copy',
      met: typeof share === 'number' ? share >= 0.7 : null,
    };
  }
  return {
    figure: result['figure'] ?? '',
    value: result['value'] ?? null,
    unit: result['unit'] ?? '',
    baseline: result['baseline'] ?? null,
    ratio: result['ratio'] ?? null,
    goal: result['goal'] ?? '',
    met: result['met'] ?? null,
  };
}

interface Outcome {
  name: string;
  seconds: number;
  exitCode: number;
  /** What the part spent seeding its database, as it reports it. */
  seedSeconds: number | null;
  /** How long the machine was left to settle before the part, and its load average then. */
  settled: { seconds: number; loadAverage: number };
  result?: Figure & { measuredAt: string | null; file: string };
}

/** The 1-minute load average a part waits for (at most SETTLE_SECONDS): the last part's work, its
 * database's checkpoint and the kernel's writeback are over, and only the part measures. */
const SETTLED_LOAD = 1;
const SETTLE_SECONDS = 45;

async function settle(): Promise<{ seconds: number; loadAverage: number }> {
  const started = performance.now();
  while (loadavg()[0] > SETTLED_LOAD && performance.now() - started < SETTLE_SECONDS * 1000)
    await new Promise((resolve) => setTimeout(resolve, 1000));
  const seconds = round((performance.now() - started) / 1000);
  console.log(`settled for ${seconds} s: load average ${loadavg()[0].toFixed(2)}`);
  return { seconds, loadAverage: round(loadavg()[0]) };
}

async function main(): Promise<void> {
  const loadAtStart = loadavg();
  const startedAt = new Date();
  const started = performance.now();
  const outcomes: Outcome[] = [];
  for (const script of process.argv.slice(2)) {
    const name = basename(script).replace(/(\.bench)?\.js$/, '');
    const before = resultFiles();
    console.log(`\n=== ${name} ===`);
    // Seeding measures nothing: only the benchmarks wait for a quiet machine.
    const settled = script.startsWith('support/')
      ? { seconds: 0, loadAverage: round(loadavg()[0]) }
      : await settle();
    const partStarted = performance.now();
    const exitCode = await run(join(DIST, script));
    const seconds = round((performance.now() - partStarted) / 1000);
    const outcome: Outcome = { name, seconds, exitCode, seedSeconds: null, settled };
    // The part's results: the file it wrote in this run (one left from an earlier run is not this run's).
    const written = [...resultFiles()].find(([file, text]) => before.get(file) !== text);
    if (written) {
      const [file, text] = written;
      const result = JSON.parse(text) as Result;
      outcome.result = {
        ...figureOf(result),
        measuredAt: result['measuredAt'] ?? null,
        file: `bench/results/${file}`,
      };
      outcome.seedSeconds =
        typeof result['seedSeconds'] === 'number' ? result['seedSeconds'] : null;
    }
    outcomes.push(outcome);
    console.log(
      `=== ${name}: ${seconds} s${exitCode === 0 ? '' : ` (failed, exit code ${exitCode})`} ===`,
    );
  }
  const totalSeconds = round((performance.now() - started) / 1000);
  const summary = {
    startedAt: startedAt.toISOString(),
    totalSeconds,
    budgetSeconds: BUDGET_SECONDS,
    withinBudget: totalSeconds < BUDGET_SECONDS,
    parts: outcomes.map((outcome) => ({
      name: outcome.name,
      seconds: outcome.seconds,
      ok: outcome.exitCode === 0,
      ...(outcome.seedSeconds === null ? {} : { seedSeconds: outcome.seedSeconds }),
      settled: outcome.settled,
      ...(outcome.result ?? {}),
    })),
    // Other work on the machine takes processor time from every part.
    machine: {
      cpus: cpus().length,
      loadAverageAtStart: loadAtStart.map(round),
      loadAverageAtEnd: loadavg().map(round),
    },
  };
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);

  console.log('\n=== npm run bench ===');
  const rows = outcomes.map((outcome) => [
    outcome.name,
    `${outcome.seconds.toFixed(1)} s`,
    outcome.exitCode === 0 ? 'ok' : `failed (${outcome.exitCode})`,
    outcome.result ? `${format(outcome.result.value)} ${outcome.result.unit}` : '',
    outcome.result ? format(outcome.result.baseline) : '',
    outcome.result ? format(outcome.result.ratio) : '',
    outcome.result ? outcome.result.goal : '',
    outcome.result
      ? outcome.result.met === null
        ? ''
        : outcome.result.met
          ? 'met'
          : 'not met'
      : '',
  ]);
  printTable([['part', 'duration', 'status', 'figure', 'baseline', 'ratio', 'goal', ''], ...rows]);
  console.log(
    `total ${totalSeconds.toFixed(1)} s (${(totalSeconds / 60).toFixed(1)} min, budget ${BUDGET_SECONDS / 60} min); ` +
      `load average ${loadAtStart.map((value) => value.toFixed(2)).join(' ')} at start, ${loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')} at end`,
  );
  console.log('written: bench/results/summary.json');
  if (outcomes.some((outcome) => outcome.exitCode !== 0)) process.exitCode = 1;
}

/** The results files in bench/results and their contents (the summary aside). */
function resultFiles(): Map<string, string> {
  if (!existsSync(RESULTS)) return new Map();
  return new Map(
    readdirSync(RESULTS)
      .filter((file) => file.endsWith('.json') && file !== 'summary.json')
      .map((file) => [file, readFileSync(join(RESULTS, file), 'utf8')]),
  );
}

function run(script: string): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [script], { cwd: ROOT, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolvePromise(code ?? (signal ? 128 : 1)));
  });
}

function printTable(rows: string[][]): void {
  const widths = rows[0].map((_, column) =>
    Math.max(...rows.map((row) => [...row[column]].length)),
  );
  for (const row of rows)
    console.log(
      row
        .map((cell, column) => cell + ' '.repeat(widths[column] - [...cell].length))
        .join('  ')
        .trimEnd(),
    );
}

function format(value: number | null): string {
  return value === null || value === undefined
    ? ''
    : value.toLocaleString('en', { maximumFractionDigits: 2 });
}

const round = (value: number): number => Math.round(value * 100) / 100;

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
