import { type ApiTestApp, OPEN_PERIOD, startApiTestApp } from '../support/api-test-app';

/**
 * Bodies and queries built to slip past validation: prototype keys (which a naive copy turns
 * into a prototype instead of a field), names of Object's own members, absurd nesting, and
 * calendar dates that do not exist. Each is a 400 naming the field, and nothing is written.
 */
describe('hostile input', () => {
  let api: ApiTestApp;
  let admin: string;
  const agency = '330102';

  const putRaw = (json: string) =>
    fetch(`${api.baseUrl}/api/submissions/${OPEN_PERIOD}/${agency}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: json,
    }).then(async (response) => ({
      status: response.status,
      body: (await response.json()) as { errors?: unknown[] },
    }));

  const stored = async () =>
    api.dataSource.query(
      `SELECT s.version, v.indicator_code, v.numerator::text, v.denominator::text
         FROM submission s JOIN submission_value v USING (period, agency_code)
        WHERE s.period = $1 AND s.agency_code = $2 ORDER BY v.indicator_code`,
      [OPEN_PERIOD, agency],
    );

  beforeAll(async () => {
    api = await startApiTestApp();
    admin = await api.login('admin');
    const current = await api.request('GET', `/submissions/${OPEN_PERIOD}/${agency}`, {
      token: admin,
    });
    const saved = await api.request('PUT', `/submissions/${OPEN_PERIOD}/${agency}`, {
      token: admin,
      body: {
        values: { satisfaction: { numerator: 90, denominator: 100 } },
        ...(current.status === 200 ? { version: current.body.version } : {}),
      },
    });
    expect(saved.status).toBe(200);
  });
  afterAll(() => api.close());

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'refuses an indicator named %s with 400 and keeps the stored figures',
    async (key) => {
      const before = await stored();
      const answer = await putRaw(`{"values": {"${key}": {"numerator": 1, "denominator": 2}}}`);
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: `values.${key}` })]),
      );
      expect(await stored()).toEqual(before);
    },
  );

  it('refuses a prototype key deep inside a figure', async () => {
    const answer = await putRaw(
      '{"values": {"satisfaction": {"numerator": 1, "denominator": 2, "__proto__": {"x": 1}}}}',
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ field: 'values.satisfaction.__proto__' }),
    ]);
  });

  it.each(['__proto__', 'constructor'])('refuses a top-level %s with 400', async (key) => {
    const before = await stored();
    const answer = await putRaw(`{"${key}": {"polluted": true}, "values": {}}`);
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([expect.objectContaining({ field: key })]);
    expect(await stored()).toEqual(before);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('answers 50,000-deep nested arrays with 400, not a crash', async () => {
    const depth = 50_000;
    const answer = await putRaw(`{"values": ${'['.repeat(depth)}${']'.repeat(depth)}}`);
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'values' })]);
    const health = await api.request('GET', '/health');
    expect(health.status).toBe(200);
  });

  it.each(['2026-02-30', '2026-13-01', '2026-04-31T10:00:00Z'])(
    'refuses the date %s that does not exist',
    async (from) => {
      const answer = await api.request('GET', `/audit?from=${encodeURIComponent(from)}`, {
        token: admin,
      });
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'from' })]);
    },
  );

  it('still reads real dates, with or without a time', async () => {
    for (const from of ['2026-02-28', '2026-02-28T23:59:59+08:00']) {
      expect(
        (await api.request('GET', `/audit?from=${encodeURIComponent(from)}`, { token: admin }))
          .status,
      ).toBe(200);
    }
  });
});
