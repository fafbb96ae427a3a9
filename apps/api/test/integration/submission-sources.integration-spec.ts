import { randomUUID } from 'node:crypto';
import { type ApiTestApp, OPEN_PERIOD, startApiTestApp } from '../support/api-test-app';

/** Where an agency-month's figures came from: typed in, or which imported file. */
describe('GET /submissions: the sources of the figures', () => {
  let api: ApiTestApp;
  let admin: string;
  let county: string;

  beforeAll(async () => {
    api = await startApiTestApp();
    admin = await api.login('admin');
    const ranking = await api.request('GET', `/rankings?period=${OPEN_PERIOD}&level=county&parent=330300`, { token: admin });
    county = ranking.body.rows.find((row: { reported: boolean }) => row.reported).agencyCode;
  });
  afterAll(() => api.close());

  it('lists no imported file for figures that were typed in', async () => {
    const { status, body } = await api.request('GET', `/submissions/${OPEN_PERIOD}/${county}`, { token: admin });
    expect(status).toBe(200);
    expect(body).toMatchObject({ submittedBy: `head-${county}`, version: 1, sources: [] });
    expect(body.submittedAt).toEqual(expect.any(String));
  });

  it('names the imported file (name, uploader, time) behind the figures, until a person overwrites them', async () => {
    const importId = randomUUID();
    await api.dataSource.query(
      `INSERT INTO import_file (id, kind, file_name, size_bytes, content_hash, uploaded_by, uploader_role, uploader_agency, status, rows, error_count, created_at, finished_at)
       VALUES ($1, 'ratings', '好差评-十月.csv', 120, $2, $3, 'agency_head', $4, 'applied', 3, 0, '2026-11-02T01:30:00Z', now())`,
      [importId, 'a'.repeat(64), `head-${county}`, county],
    );
    await api.dataSource.query(
      `INSERT INTO import_source (kind, period, agency_code, import_id, content_hash) VALUES ('ratings', $1, $2, $3, $4)`,
      [OPEN_PERIOD, county, importId, 'a'.repeat(64)],
    );

    const { body } = await api.request('GET', `/submissions/${OPEN_PERIOD}/${county}`, { token: admin });
    expect(body.sources).toEqual([
      {
        kind: 'ratings',
        importId,
        fileName: '好差评-十月.csv',
        uploadedBy: `head-${county}`,
        uploadedAt: '2026-11-02T01:30:00.000Z',
        // What the file makes up: the drawer of another indicator does not name it.
        indicators: ['satisfaction'],
      },
    ]);

    // Typing the figures in replaces the file's: the source goes with them.
    const put = await api.request('PUT', `/submissions/${OPEN_PERIOD}/${county}`, {
      token: admin,
      body: { version: body.version, values: body.values },
    });
    expect(put.status).toBe(200);
    const after = await api.request('GET', `/submissions/${OPEN_PERIOD}/${county}`, { token: admin });
    expect(after.body).toMatchObject({ version: body.version + 1, submittedBy: 'admin', sources: [] });
  });
});
