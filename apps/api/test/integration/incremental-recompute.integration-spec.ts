import { waitFor } from '@scorecard/server-testing';
import { type ApiTestApp, OPEN_PERIOD, startApiTestApp } from '../support/api-test-app';

type Values = Record<string, { numerator: number | string; denominator: number | string }>;

/**
 * A save recomputes only its agency, its ancestors and the rank groups they sit in, from the
 * stored results of the others; what that leaves must be, row for row, what a full recompute of
 * the month gives. On the national demo (three provinces), with three workers sharing the jobs.
 */
describe('incremental recompute of a month', () => {
  let api: ApiTestApp;
  let nation: string;

  /** The month computed up to its last revision, nothing marked, no computation waiting. */
  const settled = (timeoutMs = 60_000) =>
    waitFor(
      async () => {
        const [month] = await api.dataSource.query(
          `SELECT data_revision, computed_revision,
                  (SELECT count(*)::int FROM result_stale WHERE period = $1) AS marks
             FROM period WHERE period = $1`,
          [OPEN_PERIOD],
        );
        return month.computed_revision === month.data_revision && month.marks === 0 ? month : undefined;
      },
      { what: 'the month to be computed', timeoutMs, intervalMs: 100 },
    );

  /** Every result row of the month with the transaction that last wrote it. */
  const snapshot = async (): Promise<{ xmin: string; row: Record<string, unknown> }[]> =>
    (
      await api.dataSource.query(
        `SELECT xmin::text AS xmin, to_jsonb(r) AS row FROM agency_result r
          WHERE period = $1 ORDER BY agency_code, scope`,
        [OPEN_PERIOD],
      )
    ).map((entry: { xmin: string; row: Record<string, unknown> }) => entry);

  /** Asks for a full recompute and answers its job's result once it completed. */
  const fullRecompute = async (): Promise<Record<string, unknown>> => {
    const { status, body } = await api.request('POST', `/periods/${OPEN_PERIOD}/compute`, { token: nation });
    expect(status).toBe(202);
    await settled();
    const job = await waitFor(
      async () => {
        const answer = await api.request('GET', `/jobs/${body.jobId}`, { token: nation });
        return answer.body?.state === 'completed' ? answer.body : undefined;
      },
      { what: 'the full recompute', timeoutMs: 60_000, intervalMs: 100 },
    );
    return job.result as Record<string, unknown>;
  };

  /** Saves as the data-entry page does: reads the figures, changes satisfaction, puts them back. */
  const save = async (agencyCode: string, numerator: number | string) => {
    const current = await api.request('GET', `/submissions/${OPEN_PERIOD}/${agencyCode}`, { token: nation });
    const values: Values = current.status === 200 ? { ...current.body.values } : {};
    values['satisfaction'] = { numerator, denominator: 1000 };
    const answer = await api.request('PUT', `/submissions/${OPEN_PERIOD}/${agencyCode}`, {
      token: nation,
      body: current.status === 200 ? { values, version: current.body.version } : { values },
    });
    expect({ agencyCode, status: answer.status }).toEqual({ agencyCode, status: 200 });
  };

  const ownSatisfaction = async (agencyCode: string) =>
    (
      await api.dataSource.query(
        `SELECT indicators->'satisfaction'->>'numerator' AS numerator FROM agency_result
          WHERE period = $1 AND agency_code = $2 AND scope = 'own'`,
        [OPEN_PERIOD, agencyCode],
      )
    )[0]?.numerator;

  /** Agencies of each level in each province, reported or not. */
  const pick = async (level: string, province: string, count: number, reported?: boolean): Promise<string[]> =>
    (
      await api.dataSource.query(
        `SELECT a.code FROM agency a
          WHERE a.level = $1 AND a.code LIKE $2 || '%'
            AND ($4::boolean IS NULL OR EXISTS (
                  SELECT 1 FROM submission s WHERE s.period = $5 AND s.agency_code = a.code AND s.status <> 'draft') = $4)
          ORDER BY md5(a.code) LIMIT $3`,
        [level, province, count, reported ?? null, OPEN_PERIOD],
      )
    ).map((row: { code: string }) => row.code);

  beforeAll(async () => {
    api = await startApiTestApp(
      { SCORECARD_DEMO: 'national', SCORECARD_DEMO_PROVINCES: '33,44,46' },
      { workers: 3 },
    );
    nation = await api.login('nation');
    await settled(120_000);
  }, 300_000);
  afterAll(async () => {
    await api?.close();
  }, 60_000);

  it('recomputes only what saves across provinces and levels touched, with the rows a full recompute gives', async () => {
    const before = await snapshot();
    const touched = [
      ...(await pick('county', '33', 2, true)),
      ...(await pick('county', '46', 1, false)),
      ...(await pick('city', '44', 1, true)),
      '330000',
    ];
    expect(touched).toHaveLength(5);
    for (const [index, code] of touched.entries()) await save(code, 310 + index * 97);
    await settled();

    const incremental = await snapshot();
    for (const [index, code] of touched.entries()) expect(await ownSatisfaction(code)).toBe(`${310 + index * 97}.00`);
    // Only the rows that changed were written: most of the month's rows are the ones stored before.
    const writtenBefore = new Map(before.map((entry) => [`${entry.row['agency_code']}/${entry.row['scope']}`, entry.xmin]));
    const rewritten = incremental.filter(
      (entry) => writtenBefore.get(`${entry.row['agency_code']}/${entry.row['scope']}`) !== entry.xmin,
    );
    expect(rewritten.length).toBeGreaterThan(0);
    expect(rewritten.length).toBeLessThan(incremental.length);

    const computation = await fullRecompute();
    expect(computation).toMatchObject({ mode: 'full', skipped: false });
    const full = await snapshot();
    // The full run found, field by field, the values the incremental runs had left...
    expect(full.map((entry) => entry.row)).toEqual(incremental.map((entry) => entry.row));
    // ...so, as it writes only what differs, it rewrote no row.
    expect(full.map((entry) => entry.xmin)).toEqual(incremental.map((entry) => entry.xmin));
  }, 180_000);

  it('sums the figures of the ancestors it evaluates again as a full roll-up does: hundredths, first reports', async () => {
    // First reports and new figures in three provinces, with hundredths to add up.
    const touched = [
      ...(await pick('county', '44', 2, false)),
      ...(await pick('county', '46', 2, true)),
      ...(await pick('city', '33', 1)),
    ];
    expect(touched).toHaveLength(5);
    const numerators = ['123.45', '0.01', '999.99', '410.5', '77.07'];
    for (const [index, code] of touched.entries()) await save(code, numerators[index]);
    await settled();

    const incremental = await snapshot();
    for (const [index, code] of touched.entries()) {
      expect({ code, numerator: await ownSatisfaction(code) }).toEqual({ code, numerator: Number(numerators[index]).toFixed(2) });
    }
    await fullRecompute();
    expect((await snapshot()).map((entry) => entry.row)).toEqual(incremental.map((entry) => entry.row));
  }, 180_000);

  it('shares many concurrent saves among three workers, losing none, with the rows a full recompute gives', async () => {
    expect(api.workers).toHaveLength(3);
    const agencies = [
      ...(await pick('county', '33', 12)),
      ...(await pick('county', '44', 12)),
      ...(await pick('county', '46', 6)),
      ...(await pick('city', '33', 3)),
      ...(await pick('city', '44', 3)),
      '440000',
      '460000',
    ];
    const saved = agencies.map((code, index) => ({ code, numerator: 500 + index * 11 }));
    await Promise.all(saved.map(({ code, numerator }) => save(code, numerator)));
    await settled();

    const incremental = await snapshot();
    for (const { code, numerator } of saved) expect({ code, numerator: await ownSatisfaction(code) }).toEqual({ code, numerator: `${numerator}.00` });
    await fullRecompute();
    expect((await snapshot()).map((entry) => entry.row)).toEqual(incremental.map((entry) => entry.row));
  }, 180_000);

  it('keeps the marks of a computation whose worker is killed, and computes them afterwards', async () => {
    const [county] = await pick('county', '44', 1, true);
    // Held here, the month's computation lock keeps the next run waiting inside its transaction.
    const holder = api.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      await holder.query(`SELECT pg_advisory_xact_lock(hashtext('result_stale'), hashtext($1))`, [OPEN_PERIOD]);
      await save(county, 777);
      await waitFor(
        async () => {
          const [{ waiting }] = await api.dataSource.query(
            `SELECT count(*)::int AS waiting FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`,
          );
          return waiting > 0 ? true : undefined;
        },
        { what: 'a computation to be under way', timeoutMs: 30_000, intervalMs: 50 },
      );
      await Promise.all(api.workers.map((worker) => worker.kill()));
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }

    // Nothing was lost: the save's mark is still there, its figure not yet in the results.
    const marks = await api.dataSource.query('SELECT agency_code FROM result_stale WHERE period = $1', [OPEN_PERIOD]);
    expect(marks).toEqual([{ agency_code: county }]);
    expect(await ownSatisfaction(county)).not.toBe('777.00');

    api.startWorker();
    await settled(90_000);
    expect(await ownSatisfaction(county)).toBe('777.00');
    const incremental = await snapshot();
    await fullRecompute();
    expect((await snapshot()).map((entry) => entry.row)).toEqual(incremental.map((entry) => entry.row));
  }, 180_000);

  it('answers a save at once while a computation of the month is under way', async () => {
    const [first, second] = await pick('county', '33', 2, true);
    // Holding one result row the computation must write keeps it under way, mid-transaction.
    const holder = api.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      await holder.query(
        `SELECT 1 FROM agency_result WHERE period = $1 AND agency_code = $2 AND scope = 'own' FOR UPDATE`,
        [OPEN_PERIOD, first],
      );
      await save(first, 321);
      const blocked = () =>
        api.dataSource
          .query(
            `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
              WHERE NOT l.granted AND a.query ILIKE '%agency_result%'`,
          )
          .then(([{ n }]: { n: number }[]) => n > 0);
      await waitFor(async () => ((await blocked()) ? true : undefined), {
        what: 'the computation to wait on the held row',
        timeoutMs: 30_000,
        intervalMs: 50,
      });
      const started = performance.now();
      await save(second, 654);
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(await blocked()).toBe(true);
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
    await settled();
    expect([await ownSatisfaction(first), await ownSatisfaction(second)]).toEqual(['321.00', '654.00']);
  }, 120_000);
});
