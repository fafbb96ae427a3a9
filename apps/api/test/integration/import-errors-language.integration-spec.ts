import { randomUUID } from 'node:crypto';
import { type ApiTestApp, startApiTestApp } from '../support/api-test-app';

/**
 * Import errors are stored as a key and its parameters with the field as the file's header named it,
 * and put into words in the caller's language when read; errors stored as plain text by earlier
 * versions still show as they were.
 */
describe('import errors in the caller’s language', () => {
  let api: ApiTestApp;
  let head: string;

  beforeAll(async () => {
    api = await startApiTestApp();
    head = await api.login('head-330102');
  });
  afterAll(() => api.close());

  async function storeRejectedImport(errors: object[]): Promise<string> {
    const id = randomUUID();
    await api.dataSource.query(
      `INSERT INTO import_file (id, kind, file_name, size_bytes, content_hash, uploaded_by, uploader_role, uploader_agency,
                                status, rows, error_count, errors, finished_at)
       VALUES ($1, 'ratings', '评价.csv', 100, $2, 'head-330102', 'agency_head', '330102', 'rejected', 2, $3, $4::jsonb, now())`,
      [id, randomUUID().replace(/-/g, '').padEnd(64, '0'), errors.length, JSON.stringify(errors)],
    );
    return id;
  }

  const get = async (path: string, language?: string) => {
    const response = await fetch(`${api.baseUrl}/api${path}`, {
      headers: {
        authorization: `Bearer ${head}`,
        ...(language ? { 'accept-language': language } : {}),
      },
    });
    expect(response.status).toBe(200);
    return response;
  };

  it('answers GET /imports/:id and the errors CSV in Chinese by default and in English when asked', async () => {
    const id = await storeRejectedImport([
      { row: 3, field: '评价等级', value: '6', key: 'level.range' },
      {
        row: 0,
        field: '',
        value: '',
        key: 'period.closed',
        params: { period: '2026-09', status: 'published' },
      },
    ]);

    const chinese = (await (await get(`/imports/${id}`)).json()) as { errors: object[] };
    expect(chinese.errors).toEqual([
      {
        row: 3,
        field: '评价等级',
        value: '6',
        message: expect.stringMatching(/^须为 1 至 5 的整数/),
      },
      { row: 0, field: '', value: '', message: '2026-09 已发布，数据不能再修改' },
    ]);
    const english = (await (await get(`/imports/${id}`, 'en-GB,en;q=0.9')).json()) as {
      errors: object[];
    };
    expect(english.errors).toEqual([
      {
        row: 3,
        field: '评价等级',
        value: '6',
        message: expect.stringMatching(/^must be a whole number from 1 to 5/),
      },
      {
        row: 0,
        field: '',
        value: '',
        message: 'month 2026-09 is published: its figures can no longer change',
      },
    ]);

    const csvZh = await (await get(`/imports/${id}/errors.csv`, 'zh-CN')).text();
    expect(csvZh).toContain('行号,列,值,原因');
    expect(csvZh).toContain('3,评价等级,6,须为 1 至 5 的整数');
    const csvEn = await (await get(`/imports/${id}/errors.csv`, 'en')).text();
    expect(csvEn).toContain('Row,Field,Value,Message');
    expect(csvEn).toContain('3,评价等级,6,"must be a whole number from 1 to 5');
  });

  it('still shows errors stored as plain text by earlier versions', async () => {
    const legacy = {
      row: 2,
      field: 'level',
      value: '9',
      message: 'must be a whole number from 1 to 5',
    };
    const id = await storeRejectedImport([legacy]);
    for (const language of [undefined, 'en', 'zh-CN']) {
      expect(
        ((await (await get(`/imports/${id}`, language)).json()) as { errors: object[] }).errors,
      ).toEqual([legacy]);
    }
    expect(await (await get(`/imports/${id}/errors.csv`)).text()).toContain(
      '2,level,9,must be a whole number from 1 to 5',
    );
  });
});
