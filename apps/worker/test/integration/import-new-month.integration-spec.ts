import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@scorecard/server-config';
import { ImportFileProducer } from '@scorecard/server-queue';
import { createTestDatabase, seedDemoProvince, testConfig } from '@scorecard/server-testing';
import { createWorkerContext } from '../../src/bootstrap';
import {
  applyRatingsFile,
  jobFinished,
  registerImportFile,
  storedChunks,
} from '../support/import-jobs';

const OPEN_PERIOD = '2026-10';
const DEMO_NOW = new Date('2026-11-22T10:00:00+08:00');

/**
 * The first ratings file of a month is loaded straight into what becomes the month's partition.
 * It must behave as any other import: a later file replaces only its agency's rows, and a file
 * refused at its very last rows leaves nothing behind, not even the partition.
 */
describe('the first raw-record file of a month', () => {
  let config: AppConfig;
  let dropDatabase: () => Promise<void>;
  let worker: INestApplicationContext;
  let counties: string[];
  const dataSource = () => worker.get(DataSource);

  /** Writes a ratings file, `levels(i)` giving each row's agency and level, as an upload of the province. */
  async function importRatings(
    rows: number,
    row: (i: number) => { agency: string; level: number | string; month?: string },
  ) {
    const { importId } = await writeRatings(rows, row);
    const job = await jobFinished(
      worker,
      await worker.get(ImportFileProducer).enqueue({ importId }),
      180_000,
    );
    return { importId, job };
  }

  /** Writes a ratings file and registers it as an upload of the province, not yet imported. */
  async function writeRatings(
    rows: number,
    row: (i: number) => { agency: string; level: number | string; month?: string },
  ) {
    const importId = randomUUID();
    const path = join(config.importDir, `${importId}.csv`);
    await new Promise<void>((done, fail) => {
      const out = createWriteStream(path);
      out.on('error', fail);
      out.write('agency_code,rated_at,channel,level\n');
      let i = 0;
      const more = () => {
        let ok = true;
        while (i < rows && ok) {
          const { agency, level, month = OPEN_PERIOD } = row(i);
          // Days up to the 20th in November: no time after the clock's today.
          const day = String((i % (month === OPEN_PERIOD ? 28 : 20)) + 1).padStart(2, '0');
          const minute = String(i % 60).padStart(2, '0');
          ok = out.write(`${agency},${month}-${day}T08:${minute}:00+08:00,window,${level}\n`);
          i++;
        }
        if (i < rows) out.once('drain', more);
        else out.end(done);
      };
      more();
    });
    await registerImportFile(dataSource(), {
      id: importId,
      kind: 'ratings',
      fileName: 'ratings.csv',
      path,
      uploader: { username: 'admin', role: 'province_admin', agency: '330000' },
      replaceTyped: true,
    });
    return { importId, path };
  }

  const partition = async () =>
    (
      await dataSource().query(
        `SELECT to_regclass('rating_2026_10')::text AS name,
                (SELECT count(*)::int FROM pg_inherits i WHERE i.inhparent = 'rating'::regclass
                    AND i.inhrelid = to_regclass('rating_2026_10')) AS attached`,
      )
    )[0] as { name: string | null; attached: number };

  const ratingsOf = async () =>
    Object.fromEntries(
      (
        (await dataSource().query(
          `SELECT agency_code, count(*)::int AS count FROM rating WHERE period = $1 GROUP BY agency_code`,
          [OPEN_PERIOD],
        )) as { agency_code: string; count: number }[]
      ).map((row) => [row.agency_code, row.count]),
    );

  /** The bad-review cases of the month (the demo has some), by status. */
  const cases = async () =>
    (await dataSource().query(
      `SELECT status, count(*)::int AS count FROM bad_review WHERE period = $1 GROUP BY status ORDER BY status`,
      [OPEN_PERIOD],
    )) as { status: string; count: number }[];

  beforeAll(async () => {
    const database = await createTestDatabase();
    dropDatabase = database.drop;
    config = testConfig(database.url);
    mkdirSync(config.importDir, { recursive: true });
    worker = await createWorkerContext(config);
    await seedDemoProvince(worker, DEMO_NOW);
    counties = (
      (await dataSource().query(
        `SELECT code FROM agency WHERE level = 'county' ORDER BY code LIMIT 2`,
      )) as { code: string }[]
    ).map((row) => row.code);
  });
  afterAll(async () => {
    await worker?.close();
    await dropDatabase?.();
  });

  it('names a bad row at the end of a million rows, and leaves no partition, rows or cases behind', async () => {
    expect(await partition()).toEqual({ name: null, attached: 0 });
    const casesBefore = await cases();
    const { importId, job } = await importRatings(1_000_000, (i) => ({
      agency: counties[i % 2] as string,
      level: i === 999_996 ? 6 : (i % 5) + 1,
    }));
    expect(job.result).toMatchObject({ status: 'rejected', rows: 1_000_000, errorCount: 1 });
    // Row 999,998 as Excel shows it: the header is row 1.
    expect((job.result as { errors: unknown[] }).errors).toEqual([
      expect.objectContaining({ row: 999_998, field: 'level', value: '6' }),
    ]);
    expect(await partition()).toEqual({ name: null, attached: 0 });
    expect(await ratingsOf()).toEqual({});
    expect(await cases()).toEqual(casesBefore);
    expect(
      (
        await dataSource().query(
          `SELECT count(*)::int AS count FROM pg_class WHERE relname LIKE 'import_load_%'`,
        )
      )[0].count,
    ).toBe(0);
    expect(await storedChunks(dataSource(), importId)).toBe(0);
  }, 240_000);

  it('makes the month a partition, whose agencies a later file replaces one by one', async () => {
    const [first, second] = counties as [string, string];
    const { importId, job } = await importRatings(30_000, (i) => ({
      agency: i % 3 === 0 ? first : second,
      level: (i % 5) + 1,
    }));
    expect(job.result).toMatchObject({ status: 'applied', rows: 30_000 });
    expect(await partition()).toEqual({ name: 'rating_2026_10', attached: 1 });
    // The partition has the table's columns only (the bad-review details go to the cases alone).
    const columns = (
      (await dataSource().query(
        `SELECT attname FROM pg_attribute WHERE attrelid = 'rating_2026_10'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
      )) as { attname: string }[]
    ).map((row) => row.attname);
    expect(columns).toEqual(['period', 'agency_code', 'rated_at', 'channel', 'level', 'import_id']);
    expect(await ratingsOf()).toEqual({ [first]: 10_000, [second]: 20_000 });
    // Each value arrives exactly: times to the second, channels, levels.
    const [values] = await dataSource().query(
      `SELECT extract(epoch FROM min(rated_at))::bigint * 1000 AS first, extract(epoch FROM max(rated_at))::bigint * 1000 AS last,
              array_agg(DISTINCT channel) AS channels, array_agg(DISTINCT level ORDER BY level) AS levels,
              count(DISTINCT import_id)::int AS imports
         FROM rating WHERE period = $1`,
      [OPEN_PERIOD],
    );
    expect(values).toEqual({
      first: String(Date.parse('2026-10-01T08:00:00+08:00')),
      last: String(Date.parse('2026-10-28T08:59:00+08:00')),
      channels: ['window'],
      levels: [1, 2, 3, 4, 5],
      imports: 1,
    });
    // Satisfaction derived from the levels: 4 and 5 of each five rows.
    const figures = await dataSource().query(
      `SELECT agency_code, numerator::text, denominator::text FROM submission_value
        WHERE period = $1 AND indicator_code = 'satisfaction' AND agency_code = ANY($2) ORDER BY agency_code`,
      [OPEN_PERIOD, counties],
    );
    expect(figures).toEqual([
      { agency_code: first, numerator: '4000.00', denominator: '10000.00' },
      { agency_code: second, numerator: '8000.00', denominator: '20000.00' },
    ]);
    // Levels 1 and 2 are bad-review cases.
    expect(
      (
        await dataSource().query(
          'SELECT count(*)::int AS count FROM bad_review WHERE period = $1 AND import_id = $2',
          [OPEN_PERIOD, importId],
        )
      )[0].count,
    ).toBe(12_000);

    // A later file of the first agency alone replaces its rows and no other's.
    const later = await importRatings(500, () => ({ agency: first, level: 5 }));
    expect(later.job.result).toMatchObject({ status: 'applied', rows: 500 });
    expect(await ratingsOf()).toEqual({ [first]: 500, [second]: 20_000 });
  }, 240_000);

  it('reads a file whose first rows start a month and whose last rows fall in another into both', async () => {
    await dataSource().query(
      `INSERT INTO period (period, status, due_date) VALUES ('2026-11', 'open', '2026-12-05')
       ON CONFLICT (period) DO UPDATE SET status = 'open'`,
    );
    const first = counties[0] as string;
    const { job } = await importRatings(7_000, (i) => ({
      agency: first,
      level: 5,
      month: i < 6_000 ? '2026-11' : OPEN_PERIOD,
    }));
    expect(job.result).toMatchObject({ status: 'applied', rows: 7_000 });
    expect(
      await dataSource().query(
        `SELECT period, count(*)::int AS count FROM rating WHERE agency_code = $1 GROUP BY period ORDER BY period`,
        [first],
      ),
    ).toEqual([
      { period: OPEN_PERIOD, count: 1_000 },
      { period: '2026-11', count: 6_000 },
    ]);
    const columns = (
      (await dataSource().query(
        `SELECT attname FROM pg_attribute WHERE attrelid = 'rating_2026_11'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
      )) as { attname: string }[]
    ).map((row) => row.attname);
    expect(columns).toEqual(['period', 'agency_code', 'rated_at', 'channel', 'level', 'import_id']);
    expect(
      (
        await dataSource().query(
          `SELECT count(*)::int AS count FROM pg_class WHERE relname LIKE 'import_load_%'`,
        )
      )[0].count,
    ).toBe(0);
  }, 240_000);

  it('applies two files starting the same month at once: the second joins the partition the first made', async () => {
    await dataSource().query(
      `INSERT INTO period (period, status, due_date) VALUES ('2025-06', 'open', '2025-07-07')
       ON CONFLICT (period) DO UPDATE SET status = 'open'`,
    );
    expect(
      (await dataSource().query(`SELECT to_regclass('rating_2025_06')::text AS name`))[0].name,
    ).toBeNull();
    // A month of no records and no cases, and more rows than a batch, so that each import starts
    // as the month's first.
    const files = await Promise.all(
      counties.map((agency) => writeRatings(6_000, () => ({ agency, level: 4, month: '2025-06' }))),
    );
    const outcomes = await Promise.all(
      files.map(({ importId, path }) =>
        applyRatingsFile(worker, { importId, path, agencies: counties, now: new Date() }),
      ),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['applied', 'applied']);
    expect(
      await dataSource().query(
        `SELECT agency_code, count(*)::int AS count FROM rating WHERE period = '2025-06' GROUP BY agency_code ORDER BY agency_code`,
      ),
    ).toEqual(counties.map((agency_code) => ({ agency_code, count: 6_000 })));
    expect(
      (
        await dataSource().query(
          `SELECT count(*)::int AS count FROM pg_class WHERE relname LIKE 'import_load_%'`,
        )
      )[0].count,
    ).toBe(0);
  }, 240_000);
});
