import ExcelJS from 'exceljs';
import { SYSTEM_ACTOR } from '@scorecard/server-database';
import {
  DEFAULT_SCHEME_INDICATORS,
  PeriodComputationService,
  PeriodPublicationService,
} from '@scorecard/server-months';
import { AgencyDirectory } from '../../src/app/common/agency-directory.service';
import { type ApiTestApp, OPEN_PERIOD, PUBLISHED_PERIOD, startApiTestApp } from '../support/api-test-app';

/** Rows 1 and 2 are the title and the issuing line; the table's header is row 3. */
const HEADER_ROW = 3;

describe('GET /rankings/export.xlsx', () => {
  let api: ApiTestApp;
  let admin: string;

  beforeAll(async () => {
    api = await startApiTestApp();
    admin = await api.login('admin');
  });
  afterAll(() => api.close());

  const download = async (query: string, token = admin) => {
    const response = await fetch(`${api.baseUrl}/api/rankings/export.xlsx?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return response;
  };
  const sheetOf = async (query: string): Promise<ExcelJS.Worksheet> => {
    const response = await download(query);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    return workbook.worksheets[0];
  };
  const headerOf = (sheet: ExcelJS.Worksheet): string[] =>
    (sheet.getRow(HEADER_ROW).values as unknown[]).slice(1).map(String);
  /** The text of a row's cell under a header. */
  const cellUnder = (sheet: ExcelJS.Worksheet, rowNumber: number, header: string): unknown =>
    sheet.getRow(rowNumber).getCell(headerOf(sheet).indexOf(header) + 1).value;
  const shanghaiDate = (at: Date): string =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(at);

  it('exports the league table the API serves, as a spreadsheet', async () => {
    const response = await download(`period=${PUBLISHED_PERIOD}&level=city`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    expect(response.headers.get('content-disposition')).toContain(encodeURIComponent('医保经办机构对标评价'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(HEADER_ROW).values).toEqual(
      expect.arrayContaining(['排名', '机构编码', '机构名称', '综合得分', '等级', '参保人员满意度']),
    );
    expect(headerOf(sheet)).not.toContain('所属地市');
    expect(sheet.rowCount).toBe(HEADER_ROW + 11);

    const json = await api.request('GET', `/rankings?period=${PUBLISHED_PERIOD}&level=city`, { token: admin });
    json.body.rows.forEach((row: { rank: number; agencyCode: string; score: number }, index: number) => {
      const cells = sheet.getRow(HEADER_ROW + 1 + index);
      expect(cells.getCell(1).value).toBe(row.rank);
      expect(cells.getCell(2).value).toBe(row.agencyCode);
      expect(cells.getCell(4).value).toBe(row.score);
    });
  });

  it('neutralises text that a spreadsheet would run as a formula', async () => {
    const [{ name }] = await api.dataSource.query(`SELECT name FROM agency WHERE code = '330100'`);
    await api.dataSource.query(`UPDATE agency SET name = '=HYPERLINK("http://evil","x")' WHERE code = '330100'`);
    try {
      const response = await download(`period=${PUBLISHED_PERIOD}&level=city`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await response.arrayBuffer());
      const names = workbook.worksheets[0].getColumn(3).values;
      expect(names).toContain(`'=HYPERLINK("http://evil","x")`);
      expect(names).not.toContain(`=HYPERLINK("http://evil","x")`);
    } finally {
      await api.dataSource.query(`UPDATE agency SET name = $1 WHERE code = '330100'`, [name]);
    }
  });

  it('opens with the title, then the issuing body (the province centre), the publication date and the version', async () => {
    const sheet = await sheetOf(`period=${PUBLISHED_PERIOD}&level=city`);
    expect(sheet.getRow(1).getCell(1).value).toBe('2026年9月 浙江省医保经办机构对标评价通报');
    const [{ publishedAt }] = await api.dataSource.query(
      `SELECT published_at AS "publishedAt" FROM period WHERE period = $1`,
      [PUBLISHED_PERIOD],
    );
    const issuing = String(sheet.getRow(2).getCell(1).value);
    expect(issuing).toContain('浙江省医疗保障服务中心');
    expect(issuing).toContain(`发布日期：${shanghaiDate(publishedAt)}`);
    expect(issuing).toContain('第 1 版');
  });

  it('names the issuing body after the root agency, not a fixed province', async () => {
    const [{ name }] = await api.dataSource.query(`SELECT name FROM agency WHERE code = '330000'`);
    await api.dataSource.query(`UPDATE agency SET name = '之江省' WHERE code = '330000'`);
    api.app.get(AgencyDirectory).invalidate();
    try {
      const sheet = await sheetOf(`period=${PUBLISHED_PERIOD}&level=city`);
      expect(sheet.getRow(1).getCell(1).value).toBe('2026年9月 之江省医保经办机构对标评价通报');
      expect(String(sheet.getRow(2).getCell(1).value)).toContain('之江省医疗保障服务中心');
    } finally {
      await api.dataSource.query(`UPDATE agency SET name = $1 WHERE code = '330000'`, [name]);
      api.app.get(AgencyDirectory).invalidate();
    }
  });

  it('gives counties a 所属地市 column with their city', async () => {
    const sheet = await sheetOf(`period=${PUBLISHED_PERIOD}&level=county`);
    expect(headerOf(sheet).slice(0, 4)).toEqual(['排名', '机构编码', '机构名称', '所属地市']);
    const agencies = (await api.request('GET', '/agencies', { token: admin })).body as {
      code: string;
      name: string;
      level: string;
      parentCode: string | null;
    }[];
    const nameOf = new Map(agencies.map((agency) => [agency.code, agency.name]));
    const parentOf = new Map(agencies.map((agency) => [agency.code, agency.parentCode]));
    const counties = agencies.filter((agency) => agency.level === 'county');
    expect(sheet.rowCount).toBe(HEADER_ROW + counties.length);
    for (let rowNumber = HEADER_ROW + 1; rowNumber <= sheet.rowCount; rowNumber += 1) {
      const code = String(cellUnder(sheet, rowNumber, '机构编码'));
      expect([code, cellUnder(sheet, rowNumber, '所属地市')]).toEqual([
        code,
        nameOf.get(parentOf.get(code) ?? ''),
      ]);
    }
    expect(cellUnder(sheet, HEADER_ROW + 1, '所属地市')).toMatch(/市$/);
  });

  it('labels a reported agency whose indicators are all not applicable (0/0) by that, not as 未报送', async () => {
    const county = '330106';
    const values = Object.fromEntries(
      DEFAULT_SCHEME_INDICATORS.map((indicator) => [indicator.code, { numerator: 0, denominator: 0 }]),
    );
    const current = await api.request('GET', `/submissions/${OPEN_PERIOD}/${county}`, { token: admin });
    const version = current.status === 200 ? current.body.version : undefined;
    const put = await api.request('PUT', `/submissions/${OPEN_PERIOD}/${county}`, {
      token: admin,
      body: { values, version },
    });
    expect(put.status).toBe(200);
    await api.app.get(PeriodComputationService).compute(OPEN_PERIOD);
    const json = await api.request('GET', `/rankings?period=${OPEN_PERIOD}&level=county`, { token: admin });
    const row = json.body.rows.find((candidate: { agencyCode: string }) => candidate.agencyCode === county);
    expect(row).toMatchObject({ reported: true, rank: null, score: null });

    const sheet = await sheetOf(`period=${OPEN_PERIOD}&level=county`);
    expect(String(sheet.getRow(2).getCell(1).value)).toContain('临时结果');
    const rowNumbers = Array.from({ length: sheet.rowCount - HEADER_ROW }, (_, i) => HEADER_ROW + 1 + i);
    const line = rowNumbers.find((n) => cellUnder(sheet, n, '机构编码') === county) as number;
    expect(cellUnder(sheet, line, '排名')).toBe('指标均不适用');
    expect(cellUnder(sheet, line, '参保人员满意度')).toBe('不适用');
    const unreported = json.body.rows.find((candidate: { reported: boolean }) => !candidate.reported);
    if (unreported) {
      const other = rowNumbers.find((n) => cellUnder(sheet, n, '机构编码') === unreported.agencyCode) as number;
      expect(cellUnder(sheet, other, '排名')).toBe('未报送');
    }
  });

  it('calls a republished month version 2, with the date of its republication', async () => {
    const reason = { reason: '满意度数据更正后重新发布' };
    expect((await api.request('POST', `/periods/${PUBLISHED_PERIOD}/reopen`, { token: admin, body: reason })).status).toBe(200);
    const lock = await api.request('POST', `/periods/${PUBLISHED_PERIOD}/lock`, {
      token: admin,
      body: { force: true, ...reason },
    });
    expect(lock.status).toBe(200);
    // What the publication job does (this file runs no worker).
    const published = await api.app
      .get(PeriodPublicationService, { strict: false })
      .publish({ period: PUBLISHED_PERIOD, version: 2, actor: SYSTEM_ACTOR });
    expect(published).toMatchObject({ version: 2, skipped: false });

    const sheet = await sheetOf(`period=${PUBLISHED_PERIOD}&level=city`);
    const issuing = String(sheet.getRow(2).getCell(1).value);
    expect(issuing).toContain('第 2 版');
    const [{ at }] = await api.dataSource.query(
      `SELECT at FROM period_event WHERE period = $1 AND action = 'publish' AND version = 2`,
      [PUBLISHED_PERIOD],
    );
    expect(issuing).toContain(`发布日期：${shanghaiDate(at)}`);
    const first = await api.request('GET', `/rankings?period=${PUBLISHED_PERIOD}&level=city&version=1`, { token: admin });
    expect(first.body).toMatchObject({ version: 1, publishedAt: expect.any(String) });
  });

  it('follows the same access rules as the table', async () => {
    const head = await api.login('head-330102');
    expect((await download(`period=${OPEN_PERIOD}&level=county`, head)).status).toBe(403);
    expect((await download(`period=${PUBLISHED_PERIOD}&level=county`, head)).status).toBe(200);
    expect((await download('period=2026-13')).status).toBe(400);
  });
});
