import { DataSource, type MigrationInterface } from 'typeorm';
import { SchemeRepository, createDataSource } from '@scorecard/server-database';
import { createTestDatabase } from '@scorecard/server-testing';

const SCHEME_VERSIONS = 1764660000000;

/** The migrations up to (`through`) or before a timestamp, as the data source lists them. */
function migrationsUntil(url: string, timestamp: number, through: boolean) {
  const all = createDataSource({ url }).options.migrations as (new () => MigrationInterface)[];
  return all.filter((migration) => {
    const stamp = Number(/([0-9]{13})$/.exec(new migration().name ?? '')?.[1]);
    return through ? stamp <= timestamp : stamp < timestamp;
  });
}

function dataSourceWith(url: string, migrations: (new () => MigrationInterface)[]): DataSource {
  return new DataSource({ ...createDataSource({ url }).options, migrations } as never);
}

describe('migration to scheme versions', () => {
  let database: { url: string; drop(): Promise<void> };

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('turns each year’s scheme into its version 1 from January, keeping its due settings, and records v1 on stored results', async () => {
    const before = await dataSourceWith(
      database.url,
      migrationsUntil(database.url, SCHEME_VERSIONS, false),
    ).initialize();
    try {
      await before.runMigrations({ transaction: 'all' });
      await before.query(`
        INSERT INTO agency (code, name, level, parent_code) VALUES ('330000', '浙江省', 'province', NULL);
        INSERT INTO indicator_scheme (year, due_day) VALUES (2025, 5);
        INSERT INTO indicator_scheme (year, due_day, due_on_working_day) VALUES (2026, 7, true);
        INSERT INTO scheme_indicator (year, code, name_zh, name_en, weight, target, floor, allows_over_target, sort_order)
        VALUES (2025, 'legacy_rate', '旧指标', 'Former', 100, 1, 0.5, false, 1),
               (2026, 'collection', '医保费征缴率', 'Collection', 60, 0.98, 0.8, false, 1),
               (2026, 'satisfaction', '参保人员满意度', 'Satisfaction', 40, 0.9, 0.6, false, 2);
        INSERT INTO period (period, status, due_date) VALUES ('2026-09', 'published', '2026-10-12');
        INSERT INTO agency_result (period, agency_code, scope, reported, score, grade, parent_size, level_size, indicators)
        VALUES ('2026-09', '330000', 'own', true, 88.5, 'good', 1, 1, '{}');
      `);
    } finally {
      await before.destroy();
    }

    const after = await dataSourceWith(
      database.url,
      migrationsUntil(database.url, SCHEME_VERSIONS, true),
    ).initialize();
    try {
      await after.runMigrations({ transaction: 'all' });
      const versions = await after.query(
        `SELECT year, version, effective_from, due_day, due_on_working_day, rectify_working_days,
                appeal_working_days, bad_review_working_days, warn_fail_months, grades
           FROM scheme_version ORDER BY year`,
      );
      expect(versions).toEqual([
        expect.objectContaining({
          year: 2025,
          version: 1,
          effective_from: '2025-01',
          due_day: 5,
          due_on_working_day: false,
        }),
        expect.objectContaining({
          year: 2026,
          version: 1,
          effective_from: '2026-01',
          due_day: 7,
          due_on_working_day: true,
          rectify_working_days: 10,
          appeal_working_days: 3,
          bad_review_working_days: 15,
          warn_fail_months: 2,
        }),
      ]);
      expect(
        versions[1].grades.map((band: { code: string; min: number }) => [band.code, band.min]),
      ).toEqual([
        ['excellent', 90],
        ['good', 80],
        ['pass', 70],
        ['basic', 60],
        ['fail', 0],
      ]);
      expect(
        await after.query(
          `SELECT year, version, code, dimension FROM scheme_indicator ORDER BY year, sort_order`,
        ),
      ).toEqual([
        { year: 2025, version: 1, code: 'legacy_rate', dimension: '' },
        { year: 2026, version: 1, code: 'collection', dimension: '业务经办' },
        { year: 2026, version: 1, code: 'satisfaction', dimension: '服务质量' },
      ]);
      expect(await after.query(`SELECT scheme_year, scheme_version FROM agency_result`)).toEqual([
        { scheme_year: 2026, scheme_version: 1 },
      ]);

      const schemes = new SchemeRepository(after);
      const october = await schemes.findInForce('2026-10');
      expect(october).toMatchObject({ year: 2026, version: 1, dueDay: 7, dueOnWorkingDay: true });
      expect(october?.indicators.map((indicator) => indicator.code)).toEqual([
        'collection',
        'satisfaction',
      ]);
      expect((await schemes.findInForce('2027-02'))?.year).toBe(2026);
      expect(
        (await schemes.findInForce('2025-12'))?.indicators.map((indicator) => indicator.code),
      ).toEqual(['legacy_rate']);

      // And back: the year rows get their due settings again.
      await after.undoLastMigration({ transaction: 'all' });
      expect(
        await after.query(
          `SELECT year, due_day, due_on_working_day FROM indicator_scheme ORDER BY year`,
        ),
      ).toEqual([
        { year: 2025, due_day: 5, due_on_working_day: false },
        { year: 2026, due_day: 7, due_on_working_day: true },
      ]);
    } finally {
      await after.destroy();
    }
  });
});
