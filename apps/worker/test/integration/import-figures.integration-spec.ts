import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { ImportDto } from '@scorecard/contracts';
import { isLate } from '@scorecard/scoring';
import type { AppConfig } from '@scorecard/server-config';
import { ImportFileProducer } from '@scorecard/server-queue';
import { createTestDatabase, seedDemoProvince, testConfig } from '@scorecard/server-testing';
import { createWorkerContext } from '../../src/bootstrap';
import { jobFinished, registerImportFile } from '../support/import-jobs';

const OPEN = '2026-10';
const DEMO_NOW = new Date('2026-11-22T10:00:00+08:00');
const SUBMISSIONS = 'period,agency_code,indicator_code,numerator,denominator';

interface Uploader {
  username: string;
  role: string;
  agency: string;
}

describe('submissions files: the scheme of each row’s month, and who submitted', () => {
  let config: AppConfig;
  let dropDatabase: () => Promise<void>;
  let worker: INestApplicationContext;
  const db = () => worker.get(DataSource);

  beforeAll(async () => {
    const database = await createTestDatabase();
    dropDatabase = database.drop;
    config = testConfig(database.url);
    mkdirSync(config.importDir, { recursive: true });
    worker = await createWorkerContext(config);
    await seedDemoProvince(worker, DEMO_NOW);
  });
  afterAll(async () => {
    await worker?.close();
    await dropDatabase();
  });

  async function importSubmissions(uploader: Uploader, lines: string[]): Promise<ImportDto> {
    const id = randomUUID();
    const path = join(config.importDir, `${id}.csv`);
    writeFileSync(path, `${SUBMISSIONS}\n${lines.join('\n')}\n`);
    // The demo's figures were typed in by hand; asking before replacing them is tested elsewhere.
    await registerImportFile(db(), {
      id,
      kind: 'submissions',
      fileName: '月报.csv',
      path,
      uploader,
      replaceTyped: true,
    });
    const job = await jobFinished(
      worker,
      await worker.get(ImportFileProducer).enqueue({ importId: id }),
    );
    return job.result as ImportDto;
  }

  async function submission(period: string, agency: string) {
    const [row] = await db().query(
      `SELECT status, late, submitted_by AS "submittedBy", version FROM submission
        WHERE period = $1 AND agency_code = $2`,
      [period, agency],
    );
    return row as
      { status: string; late: boolean; submittedBy: string | null; version: number } | undefined;
  }

  async function figure(period: string, agency: string, code: string) {
    const [row] = await db().query(
      `SELECT numerator::text, denominator::text FROM submission_value
        WHERE period = $1 AND agency_code = $2 AND indicator_code = $3`,
      [period, agency, code],
    );
    return row as { numerator: string; denominator: string } | undefined;
  }

  /** A county of the open month whose submission is on time, and its city. */
  async function onTimeCounty(skip: string[] = []): Promise<{ county: string; city: string }> {
    const [row] = await db().query(
      `SELECT a.code AS county, a.parent_code AS city FROM agency a
         JOIN submission s ON s.agency_code = a.code AND s.period = $1
        WHERE a.level = 'county' AND NOT s.late AND s.submitted_by = 'head-' || a.code
          AND a.code <> ALL($2::text[])
        ORDER BY a.code LIMIT 1`,
      [OPEN, skip],
    );
    if (!row) throw new Error('the demo has no county that submitted on time');
    return row as { county: string; city: string };
  }

  it('checks each row against the indicators of its own month’s scheme, not this year’s', async () => {
    // Last year's scheme had an indicator this year's has not.
    await db().query(
      `INSERT INTO scheme_indicator (year, version, code, name_zh, name_en, weight, target, floor, sort_order)
       VALUES (2025, 1, 'legacy_rate', '旧指标', 'Former indicator', 10, 1, 0.5, 99)`,
    );
    await db().query(`UPDATE period SET status = 'open' WHERE period = '2025-12'`);
    const { county } = await onTimeCounty();
    const head = { username: `head-${county}`, role: 'agency_head', agency: county };

    const mixed = await importSubmissions(head, [
      `2025-12,${county},legacy_rate,5,10`,
      `${OPEN},${county},legacy_rate,5,10`,
    ]);
    expect(mixed.status).toBe('rejected');
    expect(mixed.errors).toEqual([
      expect.objectContaining({ row: 3, field: 'indicator_code', value: 'legacy_rate' }),
    ]);

    const lastYear = await importSubmissions(head, [
      `2025-12,${county},legacy_rate,5,10`,
      `2025-12,${county},collection,90,100`,
    ]);
    expect(lastYear).toMatchObject({ status: 'applied', errorCount: 0 });
    expect(await figure('2025-12', county, 'legacy_rate')).toEqual({
      numerator: '5.00',
      denominator: '10.00',
    });
  });

  it('leaves the submitter and the late flag of a county alone when its city’s admin imports its figures', async () => {
    const { county, city } = await onTimeCounty();
    const before = await submission(OPEN, county);
    const admin = { username: `city-${city}`, role: 'city_admin', agency: city };

    const result = await importSubmissions(admin, [`${OPEN},${county},collection,123.45,200`]);
    expect(result.status).toBe('applied');
    expect(await figure(OPEN, county, 'collection')).toEqual({
      numerator: '123.45',
      denominator: '200.00',
    });
    expect(await submission(OPEN, county)).toMatchObject({
      version: (before?.version ?? 0) + 1,
      late: false,
      submittedBy: `head-${county}`,
    });

    // A county with nothing yet: its figures arrive, but nobody from the county submitted them.
    const [{ code: unreported }] = await db().query(
      `SELECT a.code FROM agency a WHERE a.level = 'county' AND a.parent_code = $2
          AND NOT EXISTS (SELECT 1 FROM submission s WHERE s.period = $1 AND s.agency_code = a.code)
        ORDER BY a.code LIMIT 1`,
      [OPEN, city],
    );
    if (unreported) {
      await importSubmissions(admin, [`${OPEN},${unreported},collection,1,2`]);
      expect(await submission(OPEN, unreported)).toMatchObject({ late: false, submittedBy: null });
    }
  });

  it('makes a head importing its own figures the submitter, late as a save would be', async () => {
    const { county } = await onTimeCounty();
    const head = { username: `head-${county}`, role: 'agency_head', agency: county };
    const [{ due }] = await db().query(
      `SELECT due_date::text AS due FROM period WHERE period = $1`,
      [OPEN],
    );
    // Another account of the county saved last; the head's import makes the head the submitter.
    await db().query(
      `UPDATE submission SET submitted_by = 'someone-else' WHERE period = $1 AND agency_code = $2`,
      [OPEN, county],
    );
    const result = await importSubmissions(head, [`${OPEN},${county},collection,150,200`]);
    expect(result.status).toBe('applied');
    expect(await submission(OPEN, county)).toMatchObject({
      status: 'submitted',
      submittedBy: `head-${county}`,
      late: isLate(new Date(), due as string),
    });
  });
});
