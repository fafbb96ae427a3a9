import { type ChildProcess, fork } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { findFreePort, startLocalServices } from '@scorecard/server-embedded';

/**
 * `GET /rankings` of a province's counties (the demo province, 90 counties), served by the built
 * API on an embedded PostgreSQL and Redis with the demo seeded:
 * (a) the highest rate held at 50 connections, (b) latency at a fixed 1,000 requests/s, each with
 * the league-table memory on and, as the baseline in the same run, off (RANKING_CACHE_BYTES=0:
 * every answer built from the database), and (c) the API's peak resident memory.
 * Writes bench/results/rankings.json.
 */
const ROOT = resolve(__dirname, '../../../..');
const WORK = join(ROOT, '.data', `bench-rankings-${process.pid}`);
const API_MAIN = join(ROOT, 'dist/apps/api/apps/api/src/main.js');
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 6);
const CONNECTIONS = 50;
const FIXED_RATE = 1_000;
const GOAL = { requestsPerSecond: 1_000, p99Ms: 10 };

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

interface Figures {
  maxRate: { requestsPerSecond: number; p50Ms: number; p99Ms: number; non2xx: number; errors: number };
  fixedRate: { requestsPerSecond: number; p50Ms: number; p90Ms: number; p99Ms: number; maxMs: number; non2xx: number };
  /** The API's processor time per request over the fixed-rate run: what the machine's load does not change. */
  apiCpuMsPerRequest: number;
  peakRssMiB: number;
}

async function main(): Promise<void> {
  const loadAtStart = loadavg();
  const autocannon = loadAutocannon();
  if (!existsSync(API_MAIN)) throw new Error(`Build the API first (npx nx build api): ${API_MAIN} is missing`);
  mkdirSync(WORK, { recursive: true });
  const services = await startLocalServices({ postgresDataDir: join(WORK, 'postgres'), database: 'bench', ephemeral: true });
  try {
    // A first start seeds the demo province into the empty database, outside the measured runs.
    const serviceEnv = { DATABASE_URL: services.databaseUrl, REDIS_URL: services.redisUrl };
    await stopApi(await startApi(await findFreePort(), serviceEnv));
    const cached = await measure(autocannon, services, { RANKING_CACHE_BYTES: String(64 * 1024 * 1024) });
    const uncached = await measure(autocannon, services, { RANKING_CACHE_BYTES: '0' });
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
      answerBytes: cached.bytes,
      seconds: SECONDS,
      // Other work on the machine takes processor time from the API and from autocannon alike.
      machine: { cpus: cpus().length, loadAverageAtStart: loadAtStart.map(round) },
    };
    mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
    writeFileSync(join(ROOT, 'bench/results/rankings.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
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
    const cpuBefore = cpuMs(api);
    const fixed = await autocannon({ url, headers, connections: CONNECTIONS, duration: SECONDS, overallRate: FIXED_RATE });
    const cpuUsed = cpuMs(api) - cpuBefore;
    const figures: Figures = {
      maxRate: {
        requestsPerSecond: Math.round(flat.requests.average),
        p50Ms: flat.latency.p50,
        p99Ms: flat.latency.p99,
        non2xx: flat.non2xx,
        errors: flat.errors + flat.timeouts,
      },
      fixedRate: {
        requestsPerSecond: Math.round(fixed.requests.average),
        p50Ms: fixed.latency.p50,
        p90Ms: fixed.latency.p90,
        p99Ms: fixed.latency.p99,
        maxMs: fixed.latency.max,
        non2xx: fixed.non2xx + fixed.errors + fixed.timeouts,
      },
      apiCpuMsPerRequest: round(cpuUsed / Math.max(1, fixed.requests.total)),
      peakRssMiB: peakRssMiB(api),
    };
    console.log(`${env['RANKING_CACHE_BYTES'] === '0' ? 'uncached' : 'cached'}: ${JSON.stringify(figures)}`);
    return { figures, request: `GET /api${path}`, rows, bytes: { json: json.length, gzip } };
  } finally {
    await stopApi(api);
  }
}

function startApi(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = fork(API_MAIN, [], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      SCORECARD_DEMO: 'true',
      WEB_DIST_DIR: '',
      LOG_LEVEL: 'warn',
      API_DOCS: 'false',
      JWT_SECRET: 'bench-secret-bench-secret-bench-secret',
      // One client address sends every request here.
      RATE_LIMIT_PER_MINUTE: '1000000',
      QUEUE_PREFIX: `bench${process.pid}`,
      IMPORT_DIR: join(WORK, 'imports'),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error('the API did not start within 90 s')), 90_000);
    child.on('message', (message: { type?: string }) => {
      if (message.type !== 'ready') return;
      clearTimeout(timer);
      resolvePromise(child);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the API exited with ${code}`));
    });
  });
}

async function stopApi(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolvePromise) => child.once('exit', resolvePromise));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Processor time the process has used (user + system), in ms. */
function cpuMs(child: ChildProcess): number {
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticksPerSecond = 100;
  return ((Number(fields[11]) + Number(fields[12])) / ticksPerSecond) * 1000;
}

/** The process's peak resident set (VmHWM), in MiB. */
function peakRssMiB(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kib = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
  return Math.round(kib / 1024);
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
