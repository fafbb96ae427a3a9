import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@scorecard/server-config';
import { PeriodComputationService } from '@scorecard/server-months';
import { ImportFileProducer } from '@scorecard/server-queue';
import { createTestDatabase, seedDemoProvince, testConfig, waitFor } from '@scorecard/server-testing';
import { createWorkerContext } from '../../src/bootstrap';
import { jobFinished, registerImportFile } from '../support/import-jobs';

const OPEN = '2026-10';
const DEMO_NOW = new Date('2026-11-22T10:00:00+08:00');

/**
 * An import marks the agency-months it changes in the transaction that applies it, and the
 * month's computation then redoes only those agencies, their ancestors and their rank groups.
 */
describe('an import recomputed incrementally', () => {
  let config: AppConfig;
  let dropDatabase: () => Promise<void>;
  let worker: INestApplicationContext;
  const db = () => worker.get(DataSource);

  const settled = () =>
    waitFor(
      async () => {
        const [month] = await db().query(
          `SELECT data_revision, computed_revision,
                  (SELECT count(*)::int FROM result_stale WHERE period = $1) AS marks
             FROM period WHERE period = $1`,
          [OPEN],
        );
        return month.computed_revision === month.data_revision && month.marks === 0 ? month : undefined;
      },
      { what: 'the month to be computed', timeoutMs: 60_000, intervalMs: 100 },
    );

  const snapshot = async (): Promise<{ key: string; xmin: string; row: Record<string, unknown> }[]> =>
    db().query(
      `SELECT agency_code || '/' || scope AS key, xmin::text AS xmin, to_jsonb(r) AS row FROM agency_result r
        WHERE period = $1 ORDER BY agency_code, scope`,
      [OPEN],
    );

  beforeAll(async () => {
    const database = await createTestDatabase();
    dropDatabase = database.drop;
    config = testConfig(database.url);
    mkdirSync(config.importDir, { recursive: true });
    worker = await createWorkerContext(config);
    await seedDemoProvince(worker, DEMO_NOW);
    await settled();
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await dropDatabase();
  });

  it('marks the agencies a file changes, and leaves the rows a full recompute gives', async () => {
    const counties: string[] = (
      await db().query(`SELECT code FROM agency WHERE level = 'county' ORDER BY code LIMIT 2`)
    ).map((row: { code: string }) => row.code);
    const before = await snapshot();
    const id = randomUUID();
    const path = join(config.importDir, `${id}.csv`);
    writeFileSync(
      path,
      `period,agency_code,indicator_code,numerator,denominator\n${counties
        .map((code, index) => `${OPEN},${code},satisfaction,${612 + index},1000`)
        .join('\n')}\n`,
    );
    await registerImportFile(db(), {
      id,
      kind: 'submissions',
      fileName: 'figures.csv',
      path,
      uploader: { username: 'admin', role: 'province_admin', agency: '330000' },
      replaceTyped: true,
    });
    // Kept from the computation for a moment: the import's marks are committed with its figures.
    const holder = db().createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      await holder.query(`SELECT pg_advisory_xact_lock(hashtext('result_stale'), hashtext($1))`, [OPEN]);
      const job = await jobFinished(worker, await worker.get(ImportFileProducer).enqueue({ importId: id }));
      expect(job.result).toMatchObject({ status: 'applied' });
      const marks = await db().query('SELECT agency_code FROM result_stale WHERE period = $1 ORDER BY agency_code', [OPEN]);
      expect(marks).toEqual(counties.map((code) => ({ agency_code: code })));
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
    await settled();

    const incremental = await snapshot();
    const own = incremental.filter((entry) => counties.some((code) => entry.key === `${code}/own`));
    expect(own.map((entry) => (entry.row['indicators'] as Record<string, { numerator: string }>)['satisfaction'].numerator)).toEqual([
      '612.00',
      '613.00',
    ]);
    // Written incrementally: some rows are the ones stored before.
    const xminBefore = new Map(before.map((entry) => [entry.key, entry.xmin]));
    expect(incremental.some((entry) => xminBefore.get(entry.key) === entry.xmin)).toBe(true);

    await worker.get(PeriodComputationService).compute(OPEN);
    const full = await snapshot();
    expect(full.map((entry) => entry.row)).toEqual(incremental.map((entry) => entry.row));
  });
});
