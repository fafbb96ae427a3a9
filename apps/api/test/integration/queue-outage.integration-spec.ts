import {
  type HttpClient,
  SeparateRedis,
  type WorkerProcess,
  createHttpClient,
  createTestDatabase,
  startWorkerProcess,
  testConfig,
  waitFor,
} from '@scorecard/server-testing';
import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DataSource as DataSourceToken } from 'typeorm';
import { RELAY_INTERVAL_MS } from '@scorecard/server-queue';
import { createApiApplication } from '../../src/bootstrap';
import { DEMO_NOW, OPEN_PERIOD } from '../support/api-test-app';

/** How long an answer may take while Redis is away: a few seconds, never the ~90 s of a hang. */
const PROMPT_MS = 4000;

/**
 * A save never waits on Redis: with the real redis-server of this file paused, then stopped, saves
 * and uploads are answered at once and kept in PostgreSQL; what only Redis knows answers 503;
 * once Redis is back (empty), the month is recomputed and the upload imported with no manual step.
 */
describe('the API while Redis is paused or down', () => {
  let redis: SeparateRedis;
  let app: INestApplication;
  let http: HttpClient;
  let baseUrl: string;
  let dataSource: DataSource;
  let dropDatabase: () => Promise<void>;
  let worker: WorkerProcess | null = null;
  let county: string;
  let head: string;
  let admin: string;

  const timed = async <T>(call: () => Promise<T>): Promise<{ answer: T; ms: number }> => {
    const started = Date.now();
    const answer = await call();
    return { answer, ms: Date.now() - started };
  };

  const month = async () =>
    (
      await dataSource.query(
        'SELECT data_revision AS "dataRevision", computed_revision AS "computedRevision" FROM period WHERE period = $1',
        [OPEN_PERIOD],
      )
    )[0] as { dataRevision: number; computedRevision: number | null };

  const save = (satisfaction: number, version?: number) =>
    http.request('PUT', `/submissions/${OPEN_PERIOD}/${county}`, {
      token: head,
      body: {
        values: {
          satisfaction: { numerator: satisfaction, denominator: 100 },
          online_reply: { numerator: 90, denominator: 100 },
        },
        ...(version === undefined ? {} : { version }),
      },
    });

  const upload = async (content: string) => {
    const form = new FormData();
    form.append('kind', 'ratings');
    form.append('file', new Blob([content]), '评价.csv');
    const response = await fetch(`${baseUrl}/api/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${head}` },
      body: form,
    });
    return { status: response.status, body: (await response.json()) as { jobId: string; importId: string } };
  };

  beforeAll(async () => {
    redis = await SeparateRedis.start();
    const database = await createTestDatabase();
    dropDatabase = database.drop;
    const config = testConfig(database.url, { REDIS_URL: redis.url });
    app = await createApiApplication(config, { now: DEMO_NOW });
    await app.listen(0, '127.0.0.1');
    baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    http = createHttpClient(() => baseUrl);
    dataSource = app.get(DataSourceToken);
    worker = startWorkerProcess(config);

    admin = await http.login('admin');
    [{ code: county }] = await dataSource.query(
      `SELECT a.code FROM agency a WHERE a.level = 'county'
          AND NOT EXISTS (SELECT 1 FROM submission s WHERE s.period = $1 AND s.agency_code = a.code)
        ORDER BY a.code LIMIT 1`,
      [OPEN_PERIOD],
    );
    head = await http.login(`head-${county}`);
    expect((await save(50)).status).toBe(200);
    // With Redis up, the worker computes the saved month.
    await waitFor(
      async () => {
        const { dataRevision, computedRevision } = await month();
        return computedRevision === dataRevision ? true : undefined;
      },
      { what: 'the first computation', timeoutMs: 60_000, intervalMs: 250 },
    );
  }, 120_000);

  afterAll(async () => {
    await worker?.stop();
    await app?.close();
    await redis?.stop();
    await dropDatabase?.();
  }, 60_000);

  it('answers saves and uploads at once, keeps them, says 503 for jobs, and catches up when Redis is back', async () => {
    const before = await month();
    const upToDate = await http.request('GET', `/submissions/${OPEN_PERIOD}/${county}`, { token: head });

    // Paused: every connection stays open and nothing answers.
    redis.pause();
    const paused = await timed(() => save(61, upToDate.body.version));
    expect(paused.answer).toEqual({ status: 200, body: { version: upToDate.body.version + 1 } });
    expect(paused.ms).toBeLessThan(PROMPT_MS);
    const pausedJob = await timed(() => http.request('GET', '/jobs/import-unknown', { token: admin }));
    expect(pausedJob.answer.status).toBe(503);
    expect(pausedJob.ms).toBeLessThan(PROMPT_MS);
    const pausedCompute = await timed(() =>
      http.request('POST', `/periods/${OPEN_PERIOD}/compute`, { token: admin }),
    );
    expect(pausedCompute.answer.status).toBe(503);
    expect(pausedCompute.ms).toBeLessThan(PROMPT_MS);
    const pausedUpload = await timed(() =>
      upload(`agency_code,rated_at,channel,level\n${county},2026-10-03T10:00:00+08:00,window,5\n`),
    );
    expect(pausedUpload.answer.status).toBe(202);
    expect(pausedUpload.ms).toBeLessThan(PROMPT_MS);

    // Down: the server is gone, its data with it.
    await redis.stop();
    const down = await timed(() => save(73, upToDate.body.version + 1));
    expect(down.answer).toEqual({ status: 200, body: { version: upToDate.body.version + 2 } });
    expect(down.ms).toBeLessThan(PROMPT_MS);
    const downJob = await timed(() =>
      http.request('GET', `/jobs/${pausedUpload.answer.body.jobId}`, { token: head, language: 'en' }),
    );
    expect(downJob.answer).toMatchObject({ status: 503, body: { message: 'The job queue is not reachable; try again shortly' } });
    // Worded in the caller's language: Chinese by default.
    const downJobZh = await http.request('GET', `/jobs/${pausedUpload.answer.body.jobId}`, { token: head });
    expect(downJobZh).toMatchObject({ status: 503, body: { message: '任务队列暂时不可用，请稍后再试' } });
    expect(downJob.ms).toBeLessThan(PROMPT_MS);

    // Both saves are stored, each with its mark: the month's revision is ahead of its results. The
    // recompute asked for while Redis was paused left its mark too (the whole month), so it is
    // done when Redis answers again.
    const [figure] = await dataSource.query(
      `SELECT numerator::text FROM submission_value WHERE period = $1 AND agency_code = $2 AND indicator_code = 'satisfaction'`,
      [OPEN_PERIOD, county],
    );
    expect(figure).toEqual({ numerator: '73.00' });
    const marked = await month();
    expect(marked.dataRevision).toBe(before.dataRevision + 3);
    const marks = await dataSource.query('SELECT agency_code FROM result_stale WHERE period = $1 ORDER BY agency_code', [
      OPEN_PERIOD,
    ]);
    expect(marks).toEqual([{ agency_code: '*' }, { agency_code: county }]);
    expect(marked.computedRevision).toBe(before.dataRevision);
    const [waiting] = await dataSource.query('SELECT status FROM import_file WHERE id = $1', [
      pausedUpload.answer.body.importId,
    ]);
    expect(waiting).toEqual({ status: 'queued' });

    // Back, empty: nothing of the jobs survived, yet the month is recomputed and the file imported.
    await redis.restart();
    await waitFor(
      async () => {
        const { computedRevision } = await month();
        return computedRevision !== null && computedRevision >= marked.dataRevision ? true : undefined;
      },
      { what: 'the month recomputed after Redis came back', timeoutMs: 60_000, intervalMs: 250 },
    );
    const [result] = await dataSource.query(
      `SELECT reported, score::float AS score FROM agency_result WHERE period = $1 AND agency_code = $2 AND scope = 'own'`,
      [OPEN_PERIOD, county],
    );
    expect(result.reported).toBe(true);
    const importId = pausedUpload.answer.body.importId;
    const settled = (what: string) =>
      waitFor(
        async () => {
          const [row] = await dataSource.query('SELECT status, rows::int FROM import_file WHERE id = $1', [importId]);
          return row.status === 'queued' ? undefined : row;
        },
        { what, timeoutMs: 60_000, intervalMs: 250 },
      );
    // The file's ratings would replace the satisfaction typed in above: it waits for its uploader,
    // and the relay leaves it waiting.
    expect(await settled('the waiting upload read')).toEqual({ status: 'needs_confirmation', rows: 1 });
    await new Promise((done) => setTimeout(done, 2 * RELAY_INTERVAL_MS));
    const [stillWaiting] = await dataSource.query('SELECT status FROM import_file WHERE id = $1', [importId]);
    expect(stillWaiting).toEqual({ status: 'needs_confirmation' });
    // Confirmed, it runs again from the upload kept where it waits, and is applied.
    const confirmed = await http.request('POST', `/imports/${importId}/confirm`, { token: head });
    expect(confirmed).toMatchObject({ status: 202, body: { jobId: pausedUpload.answer.body.jobId, importId } });
    expect(await settled('the confirmed upload imported')).toEqual({ status: 'applied', rows: 1 });
    const job = await http.request('GET', `/jobs/${pausedUpload.answer.body.jobId}`, { token: head });
    expect(job).toMatchObject({ status: 200, body: { state: 'completed' } });
  }, 180_000);
});
