import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/** A folder of the test's own that PostgreSQL's account (when run as root) may enter, as .data/ is. */
function scratch(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

// One small province (Hainan) into a cache of the test's own, on a real embedded PostgreSQL.
const CACHE = scratch('bench-national-demo-');
process.env['BENCH_NATIONAL_DEMO_DIR'] = CACHE;
process.env['SCORECARD_DEMO_PROVINCES'] = '46';

// Read after the settings above.
const demo = require('./national-demo') as typeof import('./national-demo');

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

const COUNTS = `SELECT (SELECT count(*)::int FROM agency) AS agencies,
                       (SELECT count(*)::int FROM agency_result) AS results,
                       (SELECT count(*)::int FROM period WHERE status = 'published') AS published`;

describe('the national demo seeded once for the benchmarks', () => {
  const log = () => undefined;
  let work: string;

  beforeAll(() => {
    work = scratch('bench-work-');
  });
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(CACHE, { recursive: true, force: true });
  });

  it("seeds on first use, then hands every benchmark a copy that the others' writes never reach", async () => {
    const first = await demo.startNationalDemoPostgres(join(work, 'first'), log);
    let seeded: { agencies: number; results: number; published: number };
    try {
      expect(first.seedSeconds).toBeGreaterThan(0);
      [seeded] = await query<typeof seeded>(first.url, COUNTS);
      // Hainan's province, cities and counties under the nation, with results and 11 published months.
      expect(seeded.agencies).toBeGreaterThan(20);
      expect(seeded.results).toBeGreaterThan(0);
      expect(seeded.published).toBe(11);
      // A benchmark that writes.
      await query(first.url, 'DELETE FROM agency_result');
      await query(first.url, `UPDATE period SET status = 'open'`);
    } finally {
      await first.stop();
    }
    expect(existsSync(join(work, 'first', 'postgres'))).toBe(false);

    const second = await demo.startNationalDemoPostgres(join(work, 'second'), log);
    try {
      expect(second.seedSeconds).toBe(0);
      expect(await query(second.url, COUNTS)).toEqual([seeded]);
    } finally {
      await second.stop();
    }
    // One seeded cluster kept, nothing left half made.
    expect(readdirSync(CACHE)).toEqual([`national-${demo.nationalDemoKey()}`]);
  }, 300_000);

  it('keys the seeded cluster by the month and the provinces', () => {
    const now = new Date('2026-11-26T12:00:00Z');
    const key = demo.nationalDemoKey(now);
    expect(demo.nationalDemoKey(new Date('2026-11-30T23:00:00Z'))).toBe(key);
    expect(demo.nationalDemoKey(new Date('2026-12-01T00:00:00Z'))).not.toBe(key);
    process.env['SCORECARD_DEMO_PROVINCES'] = '46,33';
    try {
      expect(demo.nationalDemoKey(now)).not.toBe(key);
    } finally {
      process.env['SCORECARD_DEMO_PROVINCES'] = '46';
    }
  });
});
