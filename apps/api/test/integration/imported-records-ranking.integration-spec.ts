import { randomUUID } from 'node:crypto';
import { RawRecordImporter, type StagedRecord } from '@scorecard/server-database';
import { DEFAULT_SCHEME_INDICATORS, PeriodComputationService } from '@scorecard/server-months';
import { type ApiTestApp, OPEN_PERIOD, startApiTestApp } from '../support/api-test-app';

interface RankingRow {
  agencyCode: string;
  rank: number | null;
  score: number | null;
  reported: boolean;
}

const INDICATOR_CODES = DEFAULT_SCHEME_INDICATORS.map((indicator) => indicator.code);

/** Imported raw records alone do not make an agency reported: it is ranked once it submits its month. */
describe('imported ratings of an agency that has not submitted its month', () => {
  let api: ApiTestApp;
  let admin: string;
  let county: string;
  const city = '330300';

  const countiesOfCity = async (): Promise<RankingRow[]> =>
    (await api.request('GET', `/rankings?period=${OPEN_PERIOD}&level=county&parent=${city}&scope=own`, { token: admin }))
      .body.rows;

  async function importRatings(agencyCode: string, levels: number[]): Promise<void> {
    const importId = randomUUID();
    const contentHash = randomUUID().replace(/-/g, '').padEnd(64, '0');
    await api.dataSource.query(
      `INSERT INTO import_file (id, kind, file_name, size_bytes, content_hash, uploaded_by, uploader_role, uploader_agency, status, rows, error_count, created_at)
       VALUES ($1, 'ratings', 'ratings.csv', 100, $2, 'admin', 'province_admin', '330000', 'queued', 0, 0, now())`,
      [importId, contentHash],
    );
    const records: StagedRecord[] = levels.map((level, i) => ({
      period: OPEN_PERIOD,
      agencyCode,
      ratedAt: new Date(`2026-10-1${i}T02:00:00Z`),
      channel: 'online',
      level,
    }));
    async function* batches() {
      yield records;
    }
    const outcome = await api.app.get(RawRecordImporter).apply({
      importId,
      kind: 'ratings',
      contentHash,
      uploader: { username: 'admin', role: 'province_admin', agencyCode: '330000' },
      replaceTyped: false,
      batches: batches(),
      summary: Promise.resolve({ rows: records.length, errorCount: 0, errors: [] }),
    });
    expect(outcome.status).toBe('applied');
  }

  beforeAll(async () => {
    api = await startApiTestApp();
    admin = await api.login('admin');
    const before = await countiesOfCity();
    county = (before.find((row) => !row.reported) as RankingRow).agencyCode;
  });
  afterAll(() => api.close());

  it('leaves it 未报送 (unranked, below the ranked rows) however good its ratings are', async () => {
    await importRatings(county, [5, 5]);
    await api.app.get(PeriodComputationService).compute(OPEN_PERIOD);

    const rows = await countiesOfCity();
    const row = rows.find((candidate) => candidate.agencyCode === county);
    expect(row).toMatchObject({ reported: false, rank: null, score: null });
    const firstUnreported = rows.findIndex((candidate) => !candidate.reported);
    expect(rows.indexOf(row as RankingRow)).toBeGreaterThanOrEqual(firstUnreported);
    expect(rows.slice(firstUnreported).every((candidate) => !candidate.reported)).toBe(true);

    const submission = await api.request('GET', `/submissions/${OPEN_PERIOD}/${county}`, { token: admin });
    expect(submission.body).toMatchObject({ status: 'draft', values: { satisfaction: { numerator: 2, denominator: 2 } } });
  });

  it('ranks it once its figures are submitted', async () => {
    const submission = await api.request('GET', `/submissions/${OPEN_PERIOD}/${county}`, { token: admin });
    const values = Object.fromEntries(INDICATOR_CODES.map((code) => [code, { numerator: 10, denominator: 10 }]));
    const put = await api.request('PUT', `/submissions/${OPEN_PERIOD}/${county}`, {
      token: admin,
      body: { version: submission.body.version, values },
    });
    expect(put.status).toBe(200);
    await api.app.get(PeriodComputationService).compute(OPEN_PERIOD);

    const row = (await countiesOfCity()).find((candidate) => candidate.agencyCode === county);
    expect(row).toMatchObject({ reported: true, rank: 1, score: 100 });
    const after = await api.request('GET', `/submissions/${OPEN_PERIOD}/${county}`, { token: admin });
    expect(after.body.status).toBe('submitted');
  });
});
