import {
  type ApiTestApp,
  OPEN_PERIOD,
  PUBLISHED_PERIOD,
  startApiTestApp,
} from '../support/api-test-app';

/** Every error a person can read comes in the caller's language (`Accept-Language`), Chinese by default. */
describe('error messages in the caller’s language', () => {
  let api: ApiTestApp;
  let head: string;
  let version: number | undefined;

  beforeAll(async () => {
    api = await startApiTestApp();
    head = await api.login('head-330102');
    const current = await api.request('GET', `/submissions/${OPEN_PERIOD}/330102`, { token: head });
    version = current.status === 200 ? current.body.version : undefined;
  });
  afterAll(() => api.close());

  const put = (body: unknown, language?: string, period = OPEN_PERIOD) =>
    api.request('PUT', `/submissions/${period}/330102`, { token: head, body, language });

  it('words the same refused fields in Chinese and in English, naming each field as the caller wrote it', async () => {
    const body = {
      values: { satisfaction: { numerator: -1, denominator: 100 } },
      version: 'one',
      colour: 'red',
    };
    const zh = await put(body, 'zh-CN,zh;q=0.9');
    const en = await put(body, 'en-GB,en;q=0.9');
    expect(zh.status).toBe(400);
    expect(en.status).toBe(400);
    expect(zh.body.message).toBe('提交的内容有误');
    expect(en.body.message).toBe('Invalid input');
    expect(zh.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'colour', message: '不接受字段 colour' },
        { field: 'version', message: 'version 应为整数' },
      ]),
    );
    expect(en.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'colour', message: 'property colour should not exist' },
        { field: 'version', message: 'version must be a whole number' },
      ]),
    );

    // The figures' own checks, past the request's shape.
    const figures = { values: { satisfaction: { numerator: -1, denominator: 100 } }, version };
    expect((await put(figures, 'zh-CN')).body.errors).toEqual([
      { field: 'values.satisfaction.numerator', message: '不能为负数' },
    ]);
    expect((await put(figures, 'en')).body.errors).toEqual([
      { field: 'values.satisfaction.numerator', message: 'must not be negative' },
    ]);
  });

  it('answers in Chinese when the caller names no language it speaks', async () => {
    const answer = await put({ values: {}, colour: 'red' });
    expect(answer.body.errors).toEqual([{ field: 'colour', message: '不接受字段 colour' }]);
    const french = await put({ values: {}, colour: 'red' }, 'fr-FR,fr;q=0.9');
    expect(french.body.message).toBe('提交的内容有误');
  });

  it('words 401, 403, 404, 409 and 423 in the caller’s language', async () => {
    const values = { satisfaction: { numerator: 90, denominator: 100 } };
    const cases: [Promise<{ status: number; body: { message: string } }>, number, string][] = [
      [api.request('GET', '/periods', { language: 'zh-CN' }), 401, '请先登录'],
      [api.request('GET', '/periods', { language: 'en' }), 401, 'A bearer token is required'],
      [
        api.request('GET', `/submissions/${OPEN_PERIOD}/330203`, {
          token: head,
          language: 'zh-CN',
        }),
        403,
        '只能查看本机构的数据',
      ],
      [
        api.request('GET', '/periods/2031-01/history', { token: head, language: 'zh-CN' }),
        404,
        '月份 2031-01 不存在',
      ],
      [
        api.request('GET', '/periods/2031-01/history', { token: head, language: 'en' }),
        404,
        'Period 2031-01 does not exist',
      ],
      [
        put({ values, version: 999 }, 'zh-CN'),
        409,
        `数据已被他人修改，当前版本为 ${version ?? ''}，请重新加载后再试`,
      ],
      [
        put({ values }, 'zh-CN', PUBLISHED_PERIOD),
        423,
        `${PUBLISHED_PERIOD} 已发布：只有采集中的月份可以修改数据`,
      ],
      [
        put({ values }, 'en', PUBLISHED_PERIOD),
        423,
        `Period ${PUBLISHED_PERIOD} is published: figures can only be changed while it is open`,
      ],
    ];
    for (const [answer, status, message] of cases) {
      expect(await answer).toMatchObject({ status, body: { message } });
    }
  });

  it('words a bad path parameter and a rule’s bounds', async () => {
    const admin = await api.login('admin');
    const month = await api.request('GET', '/periods/2026-13/history', {
      token: head,
      language: 'zh-CN',
    });
    expect(month.body.errors).toEqual([
      { field: 'period', message: 'period 应为 YYYY-MM 格式的月份' },
    ]);
    const reason = await api.request('POST', `/periods/${OPEN_PERIOD}/reopen`, {
      token: admin,
      body: { reason: 'x' },
      language: 'zh-CN',
    });
    expect(reason.body.errors).toEqual([{ field: 'reason', message: 'reason 至少需要 2 个字符' }]);
  });
});
