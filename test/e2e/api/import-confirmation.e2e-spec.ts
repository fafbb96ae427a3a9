import { Client } from 'pg';
import { api, login } from '../support/http';
import { importFile, jobFinished } from '../support/imports';

/** How many chunks of the import's upload the product's PostgreSQL still holds. */
async function storedChunks(importId: string): Promise<number> {
  const url = process.env['E2E_DATABASE_URL'];
  if (!url) throw new Error('The suite did not say where PostgreSQL listens');
  const database = new Client({ connectionString: url });
  await database.connect();
  try {
    const { rows } = await database.query(
      'SELECT count(*)::int AS count FROM import_upload_chunk WHERE import_id = $1',
      [importId],
    );
    return rows[0].count as number;
  } finally {
    await database.end();
  }
}

/** A submissions file over figures a county head typed in: nothing is applied until confirmed. */
describe('a file that would replace figures typed in by hand', () => {
  let admin: string;
  let head: string;
  let openPeriod: string;
  let county: string;

  const values = async () =>
    (await api('GET', `/submissions/${openPeriod}/${county}`, { token: admin })).body.values;
  const figuresFile = (figure: { numerator: number; denominator: number }) =>
    `统计月份,机构编码,指标编码,分子,分母\r\n${openPeriod},${county},annual_inspection,${figure.numerator},${figure.denominator}\r\n`;

  beforeAll(async () => {
    admin = await login('admin');
    const periods = (await api('GET', '/periods', { token: admin })).body;
    openPeriod = periods.find((period: { status: string }) => period.status === 'open').period;
    const ranking = (
      await api('GET', `/rankings?period=${openPeriod}&level=county`, { token: admin })
    ).body;
    // A county that reported by typing its figures in; the imports suite uses the first unreported one.
    county = ranking.rows.filter((row: { reported: boolean }) => row.reported).at(-1).agencyCode;
    head = await login(`head-${county}`);
  });

  it('lists what it would replace, old → new, and applies nothing; cancelled, it leaves everything as it was', async () => {
    const before = await values();
    const typed = before.annual_inspection as { numerator: number; denominator: number };
    const wanted = { numerator: typed.denominator - 1, denominator: typed.denominator };

    const { status, body, job } = await importFile(
      head,
      'submissions',
      '月报.csv',
      figuresFile(wanted),
    );
    expect(status).toBe(202);
    expect(job).toMatchObject({
      state: 'completed',
      result: {
        status: 'needs_confirmation',
        replacementCount: 1,
        replacements: [
          {
            period: openPeriod,
            agencyCode: county,
            indicatorCode: 'annual_inspection',
            before: {
              numerator: typed.numerator.toFixed(2),
              denominator: typed.denominator.toFixed(2),
            },
            after: {
              numerator: wanted.numerator.toFixed(2),
              denominator: wanted.denominator.toFixed(2),
            },
          },
        ],
      },
    });
    expect(await values()).toEqual(before);
    expect((await api('GET', `/imports/${body.importId}`, { token: head })).body.status).toBe(
      'needs_confirmation',
    );
    // Its upload is kept for the run a confirmation would start.
    expect(await storedChunks(body.importId)).toBe(1);

    const cancelled = await api('POST', `/imports/${body.importId}/cancel`, { token: head });
    expect(cancelled).toMatchObject({ status: 200, body: { status: 'cancelled' } });
    expect(await values()).toEqual(before);
    expect(await storedChunks(body.importId)).toBe(0);
    expect((await jobFinished(head, body.jobId)).result.status).toBe('cancelled');
    // Cancelled is final: it can be neither confirmed nor cancelled again.
    expect((await api('POST', `/imports/${body.importId}/confirm`, { token: head })).status).toBe(
      409,
    );
    expect((await api('POST', `/imports/${body.importId}/cancel`, { token: head })).status).toBe(
      409,
    );
  });

  it('applies the file once its uploader confirms, and only then', async () => {
    const before = await values();
    const typed = before.annual_inspection as { numerator: number; denominator: number };
    const wanted = { numerator: typed.denominator - 2, denominator: typed.denominator };
    const { body, job } = await importFile(head, 'submissions', '月报.csv', figuresFile(wanted));
    expect(job.result.status).toBe('needs_confirmation');
    // Someone who may not read the import may not confirm it either.
    const stranger = await login('head-330102');
    expect(
      (await api('POST', `/imports/${body.importId}/confirm`, { token: stranger })).status,
    ).toBe(404);
    expect(await values()).toEqual(before);

    const confirmed = await api('POST', `/imports/${body.importId}/confirm`, { token: head });
    expect(confirmed).toMatchObject({
      status: 202,
      body: { jobId: body.jobId, importId: body.importId },
    });
    expect((await jobFinished(head, body.jobId)).result).toMatchObject({
      status: 'applied',
      rows: 1,
    });
    expect((await values()).annual_inspection).toEqual(wanted);
    // Applied: the upload has served.
    expect(await storedChunks(body.importId)).toBe(0);
    // Now the file's own figures: the next file replaces them without asking.
    const next = { numerator: wanted.numerator - 1, denominator: wanted.denominator };
    const { job: again } = await importFile(head, 'submissions', '月报2.csv', figuresFile(next));
    expect(again.result.status).toBe('applied');
  });

  it('replaces typed figures at once when the upload says replaceTyped=true', async () => {
    const before = await values();
    const typed = before.first_inquiry as { numerator: number; denominator: number };
    const wanted = { numerator: Math.max(0, typed.numerator - 1), denominator: typed.denominator };
    const { job } = await importFile(
      head,
      'submissions',
      '月报.csv',
      `period,agency_code,indicator_code,numerator,denominator\n${openPeriod},${county},first_inquiry,${wanted.numerator},${wanted.denominator}\n`,
      { replaceTyped: 'true' },
    );
    expect(job.result).toMatchObject({ status: 'applied', rows: 1 });
    expect((await values()).first_inquiry).toEqual(wanted);
  });
});
