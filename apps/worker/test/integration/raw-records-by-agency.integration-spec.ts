import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { replacedRecordsDelete } from '@scorecard/server-database';
import { createTestDatabase, testConfig } from '@scorecard/server-testing';
import { createWorkerContext } from '../../src/bootstrap';

/**
 * A later file for an agency-month replaces that agency-month's raw records. The delete must read
 * only the agency's rows, not the month of every agency in the province (or the country).
 */
describe('replacing an agency-month of raw records', () => {
  let dropDatabase: () => Promise<void>;
  let worker: INestApplicationContext;
  const dataSource = () => worker.get(DataSource);

  beforeAll(async () => {
    const database = await createTestDatabase();
    dropDatabase = database.drop;
    const config = testConfig(database.url);
    mkdirSync(config.importDir, { recursive: true });
    worker = await createWorkerContext(config);
  });
  afterAll(async () => {
    await worker?.close();
    await dropDatabase?.();
  });

  it('reaches the agency-month by its index, never reading the whole month of every agency', async () => {
    // A month of 200 agencies' ratings, as a province's busy month holds them.
    await dataSource().query(
      `CREATE TABLE IF NOT EXISTS rating_2026_10 PARTITION OF rating FOR VALUES IN ('2026-10')`,
    );
    await dataSource().query(
      `INSERT INTO rating (period, agency_code, rated_at, channel, level, import_id)
       SELECT '2026-10', lpad((900000 + i % 200)::text, 6, '0'), timestamptz '2026-10-01' + i * interval '1 second',
              'online', 1 + i % 5, $1
         FROM generate_series(1, 200000) AS i`,
      [randomUUID()],
    );
    await dataSource().query('ANALYZE rating_2026_10');
    const runner = dataSource().createQueryRunner();
    await runner.connect();
    const plan = async () =>
      (
        (await runner.query(`EXPLAIN ${replacedRecordsDelete('rating')}`)) as {
          'QUERY PLAN': string;
        }[]
      )
        .map((line) => line['QUERY PLAN'])
        .join('\n');
    try {
      await runner.query('BEGIN');
      // What the importer holds at that point: the agency-months its file covers, analysed.
      await runner.query(
        `CREATE TEMP TABLE import_affected ON COMMIT DROP AS SELECT '2026-10'::char(7) AS period, '900007'::char(6) AS agency_code`,
      );
      await runner.query('ANALYZE import_affected');
      const withIndex = await plan();
      expect(withIndex).not.toMatch(/Seq Scan on rating_2026_10/);
      expect(withIndex).toMatch(/Index[^\n]* on rating_2026_10/);
      // Without the index the same delete reads the month's partition whole.
      await runner.query('DROP INDEX rating_period_agency_idx');
      expect(await plan()).toMatch(/Seq Scan on rating_2026_10/);
    } finally {
      await runner.query('ROLLBACK');
      await runner.release();
    }
  });
});
