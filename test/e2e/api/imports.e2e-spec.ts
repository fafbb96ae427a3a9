import { api, login } from '../support/http';
import { importFile, jobFinished } from '../support/imports';

/** Ratings of one agency: `good` of them at level 4–5, the rest at 1–3, all inside `period` (Shanghai time). */
function ratingsCsv(
  agencyCode: string,
  period: string,
  good: number,
  poor: number,
  header = 'agency_code,rated_at,channel,level',
): string {
  const lines = [header];
  for (let i = 0; i < good + poor; i++) {
    const day = String((i % 27) + 1).padStart(2, '0');
    lines.push(
      `${agencyCode},${period}-${day}T10:${String(i % 60).padStart(2, '0')}:00+08:00,${['window', 'online', 'phone', 'app'][i % 4]},${i < good ? 4 + (i % 2) : 1 + (i % 3)}`,
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

describe('raw-record imports through the running product', () => {
  let admin: string;
  let openPeriod: string;
  let county: string;
  let head: string;

  const satisfactionOf = async (agencyCode: string) => {
    const { status, body } = await api('GET', `/submissions/${openPeriod}/${agencyCode}`, {
      token: admin,
    });
    return status === 200 ? body.values.satisfaction : undefined;
  };

  beforeAll(async () => {
    admin = await login('admin');
    const periods = (await api('GET', '/periods', { token: admin })).body;
    openPeriod = periods.find((period: { status: string }) => period.status === 'open').period;
    const ranking = (
      await api('GET', `/rankings?period=${openPeriod}&level=county`, { token: admin })
    ).body;
    county = ranking.rows.find((row: { reported: boolean }) => !row.reported).agencyCode;
    head = await login(`head-${county}`);
  });

  it('derives satisfaction from ratings (levels 4–5 over all), creating the submission', async () => {
    const { status, job } = await importFile(
      head,
      'ratings',
      'ratings.csv',
      ratingsCsv(county, openPeriod, 7624, 8682 - 7624),
    );
    expect(status).toBe(202);
    expect(job).toMatchObject({
      state: 'completed',
      progress: 100,
      result: { status: 'applied', rows: 8682, errorCount: 0 },
    });
    expect(await satisfactionOf(county)).toEqual({ numerator: 7624, denominator: 8682 });
  });

  it('changes nothing when the very same file comes again', async () => {
    const before = (await api('GET', `/submissions/${openPeriod}/${county}`, { token: admin })).body
      .version;
    const { job } = await importFile(
      head,
      'ratings',
      'ratings-again.csv',
      ratingsCsv(county, openPeriod, 7624, 8682 - 7624),
    );
    expect(job.result.status).toBe('unchanged');
    expect(
      (await api('GET', `/submissions/${openPeriod}/${county}`, { token: admin })).body.version,
    ).toBe(before);
  });

  it('asks before the very same file replaces figures corrected by hand since, and applies it once confirmed', async () => {
    const current = (await api('GET', `/submissions/${openPeriod}/${county}`, { token: admin }))
      .body;
    const corrected = await api('PUT', `/submissions/${openPeriod}/${county}`, {
      token: head,
      body: {
        values: { ...current.values, satisfaction: { numerator: 8000, denominator: 8682 } },
        version: current.version,
      },
    });
    expect(corrected.status).toBe(200);
    const { body, job } = await importFile(
      head,
      'ratings',
      'ratings.csv',
      ratingsCsv(county, openPeriod, 7624, 8682 - 7624),
    );
    expect(job.result).toMatchObject({
      status: 'needs_confirmation',
      replacementCount: 1,
      replacements: [
        {
          period: openPeriod,
          agencyCode: county,
          indicatorCode: 'satisfaction',
          before: { numerator: '8000.00', denominator: '8682.00' },
          after: { numerator: '7624.00', denominator: '8682.00' },
        },
      ],
    });
    expect(await satisfactionOf(county)).toEqual({ numerator: 8000, denominator: 8682 });

    const confirmed = await api('POST', `/imports/${body.importId}/confirm`, { token: head });
    expect(confirmed).toMatchObject({ status: 202, body: { jobId: body.jobId } });
    expect((await jobFinished(head, body.jobId)).result.status).toBe('applied');
    expect(await satisfactionOf(county)).toEqual({ numerator: 7624, denominator: 8682 });
  });

  it('replaces, never adds to, the figures of an agency-month with a corrected file (Chinese headers)', async () => {
    const { job } = await importFile(
      head,
      'ratings',
      '评价数据.csv',
      ratingsCsv(county, openPeriod, 90, 10, '机构编码,评价时间,渠道,评价等级'),
    );
    expect(job.result).toMatchObject({ status: 'applied', rows: 100 });
    expect(await satisfactionOf(county)).toEqual({ numerator: 90, denominator: 100 });
  });

  it('rejects a file with any bad row as a whole, with row numbers as Excel shows them, changing nothing', async () => {
    const good = ratingsCsv(county, openPeriod, 5, 5).trimEnd().split('\r\n');
    good.splice(3, 0, `${county},${openPeriod}-03T10:00:00+08:00,window,6`);
    const { job } = await importFile(head, 'ratings', 'bad.csv', good.join('\r\n'));
    expect(job.result).toMatchObject({ status: 'rejected', errorCount: 1 });
    expect(job.result.errors).toEqual([
      expect.objectContaining({ row: 4, field: 'level', value: '6' }),
    ]);
    expect(await satisfactionOf(county)).toEqual({ numerator: 90, denominator: 100 });

    const report = await fetch(
      `${process.env['E2E_BASE_URL']}/api/imports/${job.result.id}/errors.csv`,
      {
        headers: { authorization: `Bearer ${head}` },
      },
    );
    // Read as bytes: text() would drop the BOM that tells Excel the file is UTF-8.
    const text = Buffer.from(await report.arrayBuffer()).toString('utf8');
    expect(text.startsWith('\ufeff行号,列,值,原因')).toBe(true);
    expect(text).toContain('4,level,6,');
  });

  it('refuses figures for an agency outside the uploader’s scope', async () => {
    const other = county === '330203' ? '330205' : '330203';
    const { job } = await importFile(
      head,
      'ratings',
      'other.csv',
      ratingsCsv(other, openPeriod, 1, 0),
    );
    expect(job.result.status).toBe('rejected');
    expect(job.result.errors[0]).toMatchObject({ row: 2, field: 'agency_code', value: other });
  });

  it('answers 400 for an unknown kind or a missing file, and 403 for staff', async () => {
    const form = new FormData();
    form.append('kind', 'gossip');
    form.append('file', new Blob(['x']), 'x.csv');
    const unknownKind = await fetch(`${process.env['E2E_BASE_URL']}/api/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${head}` },
      body: form,
    });
    expect(unknownKind.status).toBe(400);
    const noFile = new FormData();
    noFile.append('kind', 'ratings');
    const missing = await fetch(`${process.env['E2E_BASE_URL']}/api/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${head}` },
      body: noFile,
    });
    expect(missing.status).toBe(400);
    const staff = await login(`staff-${county}-1`);
    expect(
      (await importFile(staff, 'ratings', 'r.csv', ratingsCsv(county, openPeriod, 1, 0))).status,
    ).toBe(403);
  });
});
