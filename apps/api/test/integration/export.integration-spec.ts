import ExcelJS from 'exceljs';
import { type ApiTestApp, OPEN_PERIOD, PUBLISHED_PERIOD, startApiTestApp } from '../support/api-test-app';

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

  it('exports the league table the API serves, as a spreadsheet', async () => {
    const response = await download(`period=${PUBLISHED_PERIOD}&level=city`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    expect(response.headers.get('content-disposition')).toContain(encodeURIComponent('医保经办机构对标评价'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(['排名', '机构编码', '机构名称', '综合得分', '等级', '参保人员满意度']));
    expect(sheet.rowCount).toBe(12);

    const json = await api.request('GET', `/rankings?period=${PUBLISHED_PERIOD}&level=city`, { token: admin });
    json.body.rows.forEach((row: { rank: number; agencyCode: string; score: number }, index: number) => {
      const cells = sheet.getRow(index + 2);
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

  it('follows the same access rules as the table', async () => {
    const head = await api.login('head-330102');
    expect((await download(`period=${OPEN_PERIOD}&level=county`, head)).status).toBe(403);
    expect((await download(`period=${PUBLISHED_PERIOD}&level=county`, head)).status).toBe(200);
    expect((await download('period=2026-13')).status).toBe(400);
  });
});
