import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AgencyResultEntity, ResultRepository } from '@scorecard/server-database';
import { PeriodComputationService } from '@scorecard/server-months';
import { createTestDatabase, seedDemoProvince, testConfig } from '@scorecard/server-testing';
import { createWorkerContext } from '../../src/bootstrap';

const OPEN_PERIOD = '2026-10';

/** How a month's computed results are stored: only what changed is written. */
describe('storing a month’s results', () => {
  let worker: INestApplicationContext;
  let dataSource: DataSource;
  let dropDatabase: () => Promise<void>;

  /** Each stored row's physical version: a row rewritten by the last transaction gets a new one. */
  const rowVersions = async (): Promise<Map<string, string>> => {
    const rows: { key: string; version: string }[] = await dataSource.query(
      `SELECT agency_code || '/' || scope AS key, xmin::text || ctid::text AS version
         FROM agency_result WHERE period = $1`,
      [OPEN_PERIOD],
    );
    return new Map(rows.map((row) => [row.key, row.version]));
  };

  const storedRows = () =>
    dataSource.query(
      `SELECT agency_code, scope, reported, score, grade, rank_in_parent, parent_size, rank_change_in_parent,
              rank_in_level, level_size, rank_change_in_level, rank_in_nation, nation_size,
              rank_change_in_nation, scheme_year, scheme_version, indicators
         FROM agency_result WHERE period = $1 ORDER BY agency_code, scope`,
      [OPEN_PERIOD],
    );

  const setSatisfaction = (agencyCode: string, numerator: number, denominator: number) =>
    dataSource.query(
      `UPDATE submission_value SET numerator = $3, denominator = $4
        WHERE period = $1 AND agency_code = $2 AND indicator_code = 'satisfaction'`,
      [OPEN_PERIOD, agencyCode, numerator, denominator],
    );

  beforeAll(async () => {
    const database = await createTestDatabase();
    dropDatabase = database.drop;
    worker = await createWorkerContext(testConfig(database.url));
    dataSource = worker.get(DataSource);
    await seedDemoProvince(worker, new Date('2026-11-22T10:00:00+08:00'));
    await worker.get(PeriodComputationService).compute(OPEN_PERIOD);
  });
  afterAll(async () => {
    await worker.close();
    await dropDatabase();
  });

  it('rewrites no row when a recompute finds nothing changed', async () => {
    const before = await rowVersions();
    expect(before.size).toBe(204);

    await worker.get(PeriodComputationService).compute(OPEN_PERIOD);

    expect(await rowVersions()).toEqual(before);
  });

  it('rewrites only the rows a changed figure moves, and stores what a computation from nothing stores', async () => {
    const before = await rowVersions();
    // One county's satisfaction falls to the floor: its rows, its city's and the province's
    // aggregates, and the ranks around it change; most of the province does not.
    await setSatisfaction('330102', 6000, 10000);

    await worker.get(PeriodComputationService).compute(OPEN_PERIOD);

    const after = await rowVersions();
    const rewritten = [...after].filter(([key, version]) => before.get(key) !== version).map(([key]) => key);
    expect(rewritten).toEqual(expect.arrayContaining(['330102/own', '330102/aggregate', '330100/aggregate', '330000/aggregate']));
    expect(rewritten.length).toBeLessThan(after.size / 2);

    const incremental = await storedRows();
    await dataSource.query('DELETE FROM agency_result WHERE period = $1', [OPEN_PERIOD]);
    await worker.get(PeriodComputationService).compute(OPEN_PERIOD);
    expect(await storedRows()).toEqual(incremental);
  });

  it('deletes the rows of agencies the new set leaves out', async () => {
    const rows: AgencyResultEntity[] = (await storedRows()).map((row: Record<string, unknown>) => ({
      period: OPEN_PERIOD,
      agencyCode: row['agency_code'],
      scope: row['scope'],
      reported: row['reported'],
      score: row['score'],
      grade: row['grade'],
      rankInParent: row['rank_in_parent'],
      parentSize: row['parent_size'],
      rankChangeInParent: row['rank_change_in_parent'],
      rankInLevel: row['rank_in_level'],
      levelSize: row['level_size'],
      rankChangeInLevel: row['rank_change_in_level'],
      rankInNation: row['rank_in_nation'],
      nationSize: row['nation_size'],
      rankChangeInNation: row['rank_change_in_nation'],
      schemeYear: row['scheme_year'],
      schemeVersion: row['scheme_version'],
      indicators: row['indicators'],
    })) as AgencyResultEntity[];
    const kept = rows.filter((row) => row.agencyCode !== '330102');
    const changed = kept.map((row) =>
      row.agencyCode === '330100' && row.scope === 'own' ? { ...row, score: '12.34', grade: 'fail' as const } : row,
    );

    await dataSource.transaction((manager) => worker.get(ResultRepository).replaceForPeriod(manager, OPEN_PERIOD, changed));

    const stored = await storedRows();
    expect(stored).toHaveLength(rows.length - 2);
    expect(stored.some((row: { agency_code: string }) => row.agency_code === '330102')).toBe(false);
    expect(stored.find((row: { agency_code: string; scope: string }) => row.agency_code === '330100' && row.scope === 'own')).toMatchObject({
      score: '12.34',
      grade: 'fail',
    });
  });
});
