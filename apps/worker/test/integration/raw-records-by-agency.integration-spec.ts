import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { RawRecordImporter } from '@scorecard/server-database';
import { createTestDatabase, seedDemoProvince, testConfig } from '@scorecard/server-testing';
import { createWorkerContext } from '../../src/bootstrap';
import { applyRatingsFile, registerImportFile } from '../support/import-jobs';

/** A month the demo has no records of, so that its partition's statistics are this test's alone. */
const MONTH = '2025-06';
const DEMO_NOW = new Date('2026-11-22T10:00:00+08:00');

/**
 * A later file for an agency-month replaces that agency-month's raw records. The import must not
 * read the month of every agency in the province (or the country) to do it: it adds its records
 * and notes the earlier ones as superseded; they are deleted once it is applied, in a pass of their
 * own that no import waits for.
 */
describe('replacing an agency-month of raw records', () => {
  let dropDatabase: () => Promise<void>;
  let worker: INestApplicationContext;
  let county: string;
  let importDir: string;
  const dataSource = () => worker.get(DataSource);

  beforeAll(async () => {
    const database = await createTestDatabase();
    dropDatabase = database.drop;
    const config = testConfig(database.url);
    mkdirSync(config.importDir, { recursive: true });
    importDir = config.importDir;
    worker = await createWorkerContext(config);
    await seedDemoProvince(worker, DEMO_NOW);
    county = (
      (await dataSource().query(
        `SELECT code FROM agency WHERE level = 'county' ORDER BY code LIMIT 1`,
      )) as { code: string }[]
    )[0]?.code as string;
  });
  afterAll(async () => {
    await worker?.close();
    await dropDatabase?.();
  });

  /** Applies a ratings file of the county's `levels`, as the province; the superseded stay. */
  async function applyRatings(levels: number[]) {
    const importId = randomUUID();
    const csv = [
      'agency_code,rated_at,channel,level',
      ...levels.map(
        (level, i) =>
          `${county},${MONTH}-${String((i % 28) + 1).padStart(2, '0')}T09:00:00+08:00,online,${level}`,
      ),
    ].join('\n');
    const path = join(importDir, `${importId}.csv`);
    writeFileSync(path, csv);
    await registerImportFile(dataSource(), {
      id: importId,
      kind: 'ratings',
      fileName: 'ratings.csv',
      path,
      uploader: { username: 'admin', role: 'province_admin', agency: '330000' },
      replaceTyped: true,
    });
    const outcome = await applyRatingsFile(worker, {
      importId,
      path,
      agencies: [county],
      now: DEMO_NOW,
    });
    expect(outcome.status).toBe('applied');
    return importId;
  }

  /** The month's records of the county by import, and of every other agency. */
  const records = async () =>
    (await dataSource().query(
      `SELECT agency_code = $1 AS own, import_id::text AS import_id, count(*)::int AS count
         FROM rating WHERE period = $2 GROUP BY 1, 2 ORDER BY 1, 2`,
      [county, MONTH],
    )) as { own: boolean; import_id: string; count: number }[];

  /** Scans of the month's partition so far, once the server has published its statistics. */
  async function scansOfMonth(rowsWritten: number): Promise<{ seq: number; index: number }> {
    for (let attempt = 0; attempt < 150; attempt++) {
      const [stats] = (await dataSource().query(
        `SELECT seq_scan::int AS seq, coalesce(idx_scan, 0)::int AS index, n_tup_ins::int AS inserted
           FROM pg_stat_user_tables WHERE relname = 'rating_2025_06'`,
      )) as { seq: number; index: number; inserted: number }[];
      if (stats && stats.inserted >= rowsWritten) return { seq: stats.seq, index: stats.index };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the statistics of rating_2025_06 were not published');
  }

  it('adds the file without reading the month, and deletes what it superseded afterwards', async () => {
    // A month of 200 other agencies' ratings, as a province's busy month holds them.
    await dataSource().query(
      `INSERT INTO period (period, status, due_date) VALUES ($1, 'open', '2025-07-07')
       ON CONFLICT (period) DO UPDATE SET status = 'open'`,
      [MONTH],
    );
    await dataSource().query(
      `CREATE TABLE rating_2025_06 PARTITION OF rating FOR VALUES IN ('2025-06')`,
    );
    await dataSource().query(`ALTER TABLE rating_2025_06 SET (autovacuum_enabled = false)`);
    const others = randomUUID();
    await dataSource().query(
      `INSERT INTO rating (period, agency_code, rated_at, channel, level, import_id)
       SELECT '2025-06', lpad((900000 + i % 200)::text, 6, '0'), timestamptz '2025-06-01' + i * interval '1 second',
              'online', 1 + i % 5, $1
         FROM generate_series(1, 200000) AS i`,
      [others],
    );
    const first = await applyRatings([5, 4, 1, 3]);
    const before = await scansOfMonth(200_004);

    const second = await applyRatings([5, 5]);
    // The import read nothing of the month: no scan, and no index to scan.
    expect(await scansOfMonth(200_006)).toEqual(before);
    expect(await records()).toEqual([
      { own: false, import_id: others, count: 200_000 },
      expect.objectContaining({ own: true, count: expect.any(Number) }),
      expect.objectContaining({ own: true, count: expect.any(Number) }),
    ]);
    expect(
      await dataSource().query(
        `SELECT kind, period, agency_code, import_id::text AS import_id FROM raw_record_superseded`,
      ),
    ).toEqual([{ kind: 'ratings', period: MONTH, agency_code: county, import_id: second }]);
    // Its figures count the new file alone already.
    expect(
      await dataSource().query(
        `SELECT numerator::text, denominator::text FROM submission_value
          WHERE period = $1 AND agency_code = $2 AND indicator_code = 'satisfaction'`,
        [MONTH, county],
      ),
    ).toEqual([{ numerator: '2.00', denominator: '2.00' }]);

    // Then the superseded records go, and no other agency's.
    expect(await worker.get(RawRecordImporter).pruneSuperseded('ratings')).toBe(4);
    expect(await records()).toEqual([
      { own: false, import_id: others, count: 200_000 },
      { own: true, import_id: second, count: 2 },
    ]);
    expect(await dataSource().query(`SELECT * FROM raw_record_superseded`)).toEqual([]);
    expect(first).not.toBe(second);
  }, 120_000);
});
