import { type ChildProcess, fork } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { API_NODE_FLAGS } from '@scorecard/server-config';
import { findFreePort, startLocalServices } from '@scorecard/server-embedded';
import type { FixedRateOrder, FixedRateResult } from './fixed-rate.sender';
import { untilReady, stopProcess, peakRssMiB } from '../support/processes';

/**
 * `GET /rankings` of a province's counties (the demo province, 90 counties), served by the built
 * API on an embedded PostgreSQL and Redis with the demo seeded:
 * (a) the highest rate held at 50 connections, (b) latency at a fixed 1,000 requests/s (sent evenly,
 * open loop; autocannon's per-second bursts are reported beside it), each with
 * the league-table memory on and, as the baseline in the same run, off (RANKING_CACHE_BYTES=0:
 * every answer built from the database), (c) the API's peak resident memory, and (d) the worker's
 * peak resident memory while it recomputes a month and imports a ratings file of IMPORT_ROWS rows
 * (uploaded through the API). Both peaks are held to a fixed budget (RSS_BUDGET_MIB): past it the
 * bench fails. Writes bench/results/rankings.json.
 */
const ROOT = resolve(__dirname, '../../../..');
const WORK = join(ROOT, '.data', `bench-rankings-${process.pid}`);
const API_MAIN = join(ROOT, 'dist/apps/api/apps/api/src/main.js');
const WORKER_MAIN = join(ROOT, 'dist/apps/worker/apps/worker/src/main.js');
const SENDER_MAIN = join(__dirname, 'fixed-rate.sender.js');
/** Ratings in the file the worker imports while its memory is watched. */
const IMPORT_ROWS = Number(process.env['BENCH_IMPORT_ROWS'] ?? 300_000);
/** What each process may grow to (peak resident set) under this bench's work; the bench fails past it. */
const RSS_BUDGET_MIB = { api: 512, worker: 768 };
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 6);
const CONNECTIONS = 50;
const FIXED_RATE = 1_000;
const PROFILE_DIR = process.env['BENCH_CPU_PROFILE'] ? resolve(process.env['BENCH_CPU_PROFILE']) : '';
/** Extra V8 flags for the API, to look into it (e.g. `--trace-gc`); what it prints goes to this output. */
const API_DIAGNOSTIC_FLAGS = (process.env['BENCH_API_NODE_FLAGS'] ?? '').split(' ').filter(Boolean);
/** V8 flags of the fixed-rate sender (BENCH_SENDER_NODE_FLAGS adds to them, e.g. `--trace-gc`). */
const SENDER_NODE_FLAGS = [...(process.env['BENCH_SENDER_NODE_FLAGS'] ?? '').split(' ').filter(Boolean)];
const GOAL = { requestsPerSecond: 1_000, p99Ms: 10 };
/**
 * BENCH_RANKINGS_CACHED_ONLY=1: only the league-table memory's runs, to look into them; no baseline,
 * no worker, and nothing written to bench/results (the figures are printed).
 */
const CACHED_ONLY = process.env['BENCH_RANKINGS_CACHED_ONLY'] === '1';

interface Autocannon {
  (options: Record<string, unknown>): Promise<AutocannonResult>;
}
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p99: number; max: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

interface LatencyFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  non2xx: number;
}

interface Figures {
  maxRate: { requestsPerSecond: number; p50Ms: number; p99Ms: number; non2xx: number; errors: number };
  /** Sent evenly (open loop), each latency counted from when its request was due. */
  fixedRate: LatencyFigures;
  /** autocannon's `overallRate`: per-second bursts per connection (closed loop). */
  autocannonFixedRate: LatencyFigures;
  /** The API's processor time per request over the fixed-rate run: what the machine's load does not change. */
  apiCpuMsPerRequest: number;
  peakRssMiB: number;
}

async function main(): Promise<void> {
  const loadAtStart = loadavg();
  const autocannon = loadAutocannon();
  if (!existsSync(API_MAIN)) throw new Error(`Build the API first (npx nx build api): ${API_MAIN} is missing`);
  if (!existsSync(WORKER_MAIN)) throw new Error(`Build the worker first (npx nx build worker): ${WORKER_MAIN} is missing`);
  mkdirSync(WORK, { recursive: true });
  const services = await startLocalServices({ postgresDataDir: join(WORK, 'postgres'), database: 'bench', ephemeral: true });
  try {
    // A first start seeds the demo province into the empty database, outside the measured runs.
    const serviceEnv = { DATABASE_URL: services.databaseUrl, REDIS_URL: services.redisUrl };
    await stopProcess(await startApi(await findFreePort(), serviceEnv));
    const cached = await measure(autocannon, services, { RANKING_CACHE_BYTES: String(64 * 1024 * 1024) });
    if (CACHED_ONLY) {
      console.log(JSON.stringify({ cached: cached.figures, loadAverageAtStart: loadAtStart.map(round), loadAverageAtEnd: loadavg().map(round) }));
      return;
    }
    const uncached = await measure(autocannon, services, { RANKING_CACHE_BYTES: '0' });
    const work = await measureWorker(serviceEnv);
    const apiPeakRssMiB = Math.max(cached.figures.peakRssMiB, uncached.figures.peakRssMiB, work.apiPeakRssMiB);
    const memory = {
      budgetMiB: RSS_BUDGET_MIB,
      apiPeakRssMiB,
      workerPeakRssMiB: work.workerPeakRssMiB,
      workerWork: work.description,
      withinBudget: apiPeakRssMiB <= RSS_BUDGET_MIB.api && work.workerPeakRssMiB <= RSS_BUDGET_MIB.worker,
    };
    const result = {
      measuredAt: new Date().toISOString(),
      request: cached.request,
      figure: `GET /rankings of a province's ${cached.rows} counties: highest rate held at ${CONNECTIONS} connections`,
      value: cached.figures.maxRate.requestsPerSecond,
      unit: 'requests/s',
      baseline: uncached.figures.maxRate.requestsPerSecond,
      ratio: round(cached.figures.maxRate.requestsPerSecond / uncached.figures.maxRate.requestsPerSecond),
      goal: `≥ ${GOAL.requestsPerSecond} requests/s with p99 ≤ ${GOAL.p99Ms} ms`,
      met:
        cached.figures.fixedRate.requestsPerSecond >= GOAL.requestsPerSecond * 0.98 &&
        cached.figures.fixedRate.p99Ms <= GOAL.p99Ms &&
        cached.figures.fixedRate.non2xx === 0,
      latencyAtFixedRate: {
        requestsPerSecond: FIXED_RATE,
        value: cached.figures.fixedRate.p99Ms,
        unit: 'ms (p99)',
        baseline: uncached.figures.fixedRate.p99Ms,
        ratio: round(uncached.figures.fixedRate.p99Ms / Math.max(1, cached.figures.fixedRate.p99Ms)),
      },
      apiCpuMsPerRequest: {
        value: cached.figures.apiCpuMsPerRequest,
        baseline: uncached.figures.apiCpuMsPerRequest,
        ratio: round(uncached.figures.apiCpuMsPerRequest / Math.max(0.01, cached.figures.apiCpuMsPerRequest)),
      },
      cached: cached.figures,
      uncached: uncached.figures,
      memory,
      answerBytes: cached.bytes,
      seconds: SECONDS,
      // Other work on the machine takes processor time from the API and from autocannon alike.
      machine: { cpus: cpus().length, loadAverageAtStart: loadAtStart.map(round), loadAverageAtEnd: loadavg().map(round) },
    };
    mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
    writeFileSync(join(ROOT, 'bench/results/rankings.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
    console.log(
      `peak RSS: API ${memory.apiPeakRssMiB} MiB (budget ${RSS_BUDGET_MIB.api}), worker ${memory.workerPeakRssMiB} MiB (budget ${RSS_BUDGET_MIB.worker})`,
    );
    if (!memory.withinBudget) {
      console.error('the API or the worker grew past its memory budget');
      process.exitCode = 1;
    }
  } finally {
    await services.stop();
    rmSync(WORK, { recursive: true, force: true });
  }
}

/** Starts the API with `env`, logs in, then loads it twice: flat out, and at the fixed rate. */
async function measure(
  autocannon: Autocannon,
  services: { databaseUrl: string; redisUrl: string },
  env: Record<string, string>,
): Promise<{ figures: Figures; request: string; rows: number; bytes: { json: number; gzip: number } }> {
  const port = await findFreePort();
  const api = await startApi(port, { DATABASE_URL: services.databaseUrl, REDIS_URL: services.redisUrl, ...env });
  try {
    const base = `http://127.0.0.1:${port}/api`;
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'demo' }),
    });
    if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const authorization = `Bearer ${accessToken}`;
    const periods = (await (await fetch(`${base}/periods`, { headers: { authorization } })).json()) as {
      period: string;
      status: string;
    }[];
    const published = periods.find((period) => period.status === 'published');
    if (!published) throw new Error('the demo has no published month');
    const path = `/rankings?period=${published.period}&level=county`;
    const url = `${base}${path}`;
    const plain = await fetch(url, { headers: { authorization, 'accept-encoding': 'identity' } });
    if (!plain.ok) throw new Error(`${path}: ${plain.status}`);
    const json = Buffer.from(await plain.arrayBuffer());
    const rows = (JSON.parse(json.toString('utf8')) as { rows: unknown[] }).rows.length;
    const gzip = await rawLength(url, { authorization, 'accept-encoding': 'gzip' });

    // What a browser sends: it takes gzip (and brotli), and decompresses transparently.
    const headers = { authorization, 'accept-encoding': 'gzip, deflate, br' };
    await autocannon({ url, headers, connections: 10, amount: 500 });
    const flat = await autocannon({ url, headers, connections: CONNECTIONS, duration: SECONDS });
    // autocannon's own fixed rate, as measured before: each connection sends its share of a second
    // back to back at the start of the second, and the percentiles are padded for a 1 ms interval.
    const bursts = await autocannon({ url, headers, connections: CONNECTIONS, duration: SECONDS, overallRate: FIXED_RATE });
    // A second at the rate first, so that the connections it needs are open.
    await sendAtFixedRate(url, headers, FIXED_RATE, 1);
    // What autocannon left behind is collected now, not while this process times the answers.
    collectGarbage();
    const cpuBefore = cpuMs(api);
    const fixed = await sendAtFixedRate(url, headers, FIXED_RATE, SECONDS);
    const cpuUsed = cpuMs(api) - cpuBefore;
    const figures: Figures = {
      maxRate: {
        requestsPerSecond: Math.round(flat.requests.average),
        p50Ms: flat.latency.p50,
        p99Ms: flat.latency.p99,
        non2xx: flat.non2xx,
        errors: flat.errors + flat.timeouts,
      },
      fixedRate: fixed.figures,
      autocannonFixedRate: {
        requestsPerSecond: Math.round(bursts.requests.average),
        p50Ms: bursts.latency.p50,
        p90Ms: bursts.latency.p90,
        p99Ms: bursts.latency.p99,
        maxMs: bursts.latency.max,
        non2xx: bursts.non2xx + bursts.errors + bursts.timeouts,
      },
      apiCpuMsPerRequest: round(cpuUsed / Math.max(1, fixed.total)),
      peakRssMiB: peakRssMiB(api),
    };
    console.log(`${env['RANKING_CACHE_BYTES'] === '0' ? 'uncached' : 'cached'}: ${JSON.stringify(figures)}`);
    return { figures, request: `GET /api${path}`, rows, bytes: { json: json.length, gzip } };
  } finally {
    await stopProcess(api);
  }
}

/**
 * The API (league tables kept) and one worker: a month recomputed, then a ratings file of
 * IMPORT_ROWS rows for the open month uploaded through the API and imported by the worker; the
 * peak resident set of both, read when the work is done.
 */
async function measureWorker(
  services: { DATABASE_URL: string; REDIS_URL: string },
): Promise<{ apiPeakRssMiB: number; workerPeakRssMiB: number; description: string }> {
  const port = await findFreePort();
  const api = await startApi(port, services);
  const worker = await startProcess(WORKER_MAIN, workerEnv(services), 'the worker');
  try {
    const base = `http://127.0.0.1:${port}/api`;
    const authorization = `Bearer ${await loginAs(base, 'admin')}`;
    const periods = (await (await fetch(`${base}/periods`, { headers: { authorization } })).json()) as {
      period: string;
      status: string;
    }[];
    const open = periods.find((period) => period.status === 'open');
    if (!open) throw new Error('the demo has no open month');

    const computeStarted = performance.now();
    const compute = await fetch(`${base}/periods/${open.period}/compute`, { method: 'POST', headers: { authorization } });
    if (compute.status !== 202) throw new Error(`compute: ${compute.status} ${await compute.text()}`);
    await jobDone(base, authorization, ((await compute.json()) as { jobId: string }).jobId);
    const computeSeconds = (performance.now() - computeStarted) / 1000;

    const agencies = ((await (await fetch(`${base}/agencies`, { headers: { authorization } })).json()) as {
      code: string;
      level: string;
    }[])
      .filter((agency) => agency.level === 'county')
      .map((agency) => agency.code);
    const csv = ratingsCsv(open.period, agencies, IMPORT_ROWS);
    const importStarted = performance.now();
    const form = new FormData();
    form.set('kind', 'ratings');
    form.set('file', new Blob([csv], { type: 'text/csv' }), 'ratings.csv');
    const upload = await fetch(`${base}/imports`, { method: 'POST', headers: { authorization }, body: form });
    if (upload.status !== 202) throw new Error(`import: ${upload.status} ${await upload.text()}`);
    await jobDone(base, authorization, ((await upload.json()) as { jobId: string }).jobId);
    const importSeconds = (performance.now() - importStarted) / 1000;
    const description =
      `recompute of ${open.period} (${round(computeSeconds)} s), then an import of ${IMPORT_ROWS.toLocaleString('en')} ratings ` +
      `(${round(csv.length / 1024 / 1024)} MiB, ${round(importSeconds)} s from upload to applied)`;
    const figures = { apiPeakRssMiB: peakRssMiB(api), workerPeakRssMiB: peakRssMiB(worker), description };
    console.log(`worker: ${JSON.stringify(figures)}`);
    return figures;
  } finally {
    await stopProcess(worker);
    await stopProcess(api);
  }
}

async function loginAs(base: string, username: string): Promise<string> {
  const login = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
  return ((await login.json()) as { accessToken: string }).accessToken;
}

/** Waits for the job to complete; throws when it fails or takes more than five minutes. */
async function jobDone(base: string, authorization: string, jobId: string): Promise<void> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    const job = (await (await fetch(`${base}/jobs/${encodeURIComponent(jobId)}`, { headers: { authorization } })).json()) as {
      state: string;
      result?: unknown;
    };
    if (job.state === 'completed') return;
    if (job.state === 'failed') throw new Error(`job ${jobId} failed: ${JSON.stringify(job.result)}`);
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 200));
  }
  throw new Error(`job ${jobId} did not complete within five minutes`);
}

/** A ratings file of `rows` rows spread over the agencies and the month (Asia/Shanghai times). */
function ratingsCsv(period: string, agencies: string[], rows: number): string {
  const channels = ['window', 'online', 'phone', 'app'];
  const lines = ['agency_code,rated_at,channel,level'];
  for (let i = 0; i < rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const second = i % 86_400;
    const time = [Math.floor(second / 3600), Math.floor(second / 60) % 60, second % 60].map((part) => String(part).padStart(2, '0')).join(':');
    lines.push(`${agencies[i % agencies.length]},${period}-${day}T${time}+08:00,${channels[i % 4]},${1 + ((i * 7) % 5)}`);
  }
  return `${lines.join('\n')}\n`;
}

function workerEnv(services: { DATABASE_URL: string; REDIS_URL: string }): Record<string, string> {
  return { ...baseEnv(), ...services };
}

function baseEnv(): Record<string, string> {
  return {
    PATH: process.env['PATH'] ?? '',
    NODE_ENV: 'test',
    SCORECARD_DEMO: 'true',
    WEB_DIST_DIR: '',
    LOG_LEVEL: 'warn',
    API_DOCS: 'false',
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret',
    // One client address sends every request here.
    RATE_LIMIT_PER_MINUTE: '1000000',
    QUEUE_PREFIX: `bench${process.pid}`,
    IMPORT_DIR: join(WORK, 'imports'),
  };
}

/** The API as deployed: with the V8 flags it is started with in production (API_NODE_FLAGS). */
function startApi(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const flags = [...API_NODE_FLAGS, ...API_DIAGNOSTIC_FLAGS];
  return startProcess(API_MAIN, { ...baseEnv(), PORT: String(port), HOST: '127.0.0.1', ...env }, 'the API', flags);
}

/** Forks a built main, which says `ready` once it serves. */
function startProcess(main: string, env: Record<string, string>, name: string, flags: readonly string[] = []): Promise<ChildProcess> {
  const child = fork(main, [], {
    cwd: ROOT,
    // BENCH_CPU_PROFILE=<folder>: each process writes a V8 processor profile there when it stops.
    execArgv: [...flags, ...(PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [])],
    env,
    stdio: ['ignore', API_DIAGNOSTIC_FLAGS.length > 0 ? 'inherit' : 'ignore', 'inherit', 'ipc'],
  });
  return untilReady(child, name, 90_000);
}


/**
 * The fixed-rate load (see fixed-rate.sender.ts), sent from a process of its own so that this
 * process's own work and garbage collections are not counted as the API's latency.
 */
async function sendAtFixedRate(
  url: string,
  headers: Record<string, string>,
  rate: number,
  seconds: number,
): Promise<{ figures: LatencyFigures; total: number }> {
  const order: FixedRateOrder = { url, headers, rate, seconds, connections: CONNECTIONS };
  const sender = fork(SENDER_MAIN, [], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '' },
    execArgv: SENDER_NODE_FLAGS,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const result = await new Promise<FixedRateResult>((resolvePromise, reject) => {
    sender.once('message', (message) => resolvePromise(message as FixedRateResult));
    sender.once('exit', (code) => reject(new Error(`the fixed-rate sender exited with ${code}`)));
    sender.send(order);
  });
  const { latencies, total, elapsedSeconds, failed } = result;
  const at = (share: number) => round(latencies[Math.min(latencies.length - 1, Math.floor(share * latencies.length))] ?? 0);
  return {
    total,
    figures: {
      requestsPerSecond: Math.round(latencies.length / elapsedSeconds),
      p50Ms: at(0.5),
      p90Ms: at(0.9),
      p99Ms: at(0.99),
      maxMs: round(latencies[latencies.length - 1] ?? 0),
      non2xx: failed,
    },
  };
}

/** A full garbage collection of this process, now. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** Processor time the process has used (user + system), in ms. */
function cpuMs(child: ChildProcess): number {
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticksPerSecond = 100;
  return ((Number(fields[11]) + Number(fields[12])) / ticksPerSecond) * 1000;
}


/** Length of the body as sent (fetch would decompress it). */
async function rawLength(url: string, headers: Record<string, string>): Promise<number> {
  const { request } = await import('node:http');
  return new Promise((resolvePromise, reject) => {
    request(url, { headers }, (response) => {
      let length = 0;
      response.on('data', (chunk: Buffer) => (length += chunk.length));
      response.on('end', () => resolvePromise(length));
      response.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

function loadAutocannon(): Autocannon {
  try {
    return require('autocannon') as Autocannon;
  } catch {
    throw new Error('autocannon is needed for this benchmark: npm install --save-dev autocannon');
  }
}

const round = (value: number): number => Math.round(value * 100) / 100;

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
