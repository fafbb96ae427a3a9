import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource, type QueryRunner } from 'typeorm';
import type { AppConfig } from '@scorecard/server-config';
import { ComputePeriodProducer, QueueName } from '@scorecard/server-queue';
import { createTestDatabase, seedDemoProvince, testConfig, waitFor } from '@scorecard/server-testing';
import { AggregationProcessor } from '../../src/app/aggregation.processor';
import { createWorkerContext } from '../../src/bootstrap';

const OPEN_PERIOD = '2026-10';
const COUNTY = '330102';

/**
 * One computation per month in flight: rapid saves collapse onto the job that waits, a save made
 * while one runs is computed after it, and the last save is what the results show.
 */
describe('compute jobs of one month', () => {
  let config: AppConfig;
  let worker: INestApplicationContext;
  let dataSource: DataSource;
  let dropDatabase: () => Promise<void>;
  let queue: Queue;

  /** A save as the API makes it: the figure and the month's revision bump in one transaction. */
  const save = async (numerator: number, runner?: QueryRunner): Promise<number> => {
    const run = async (query: (sql: string, parameters: unknown[]) => Promise<{ data_revision: number }[]>) => {
      await query(
        `INSERT INTO submission_value (period, agency_code, indicator_code, numerator, denominator)
         VALUES ($1, $2, 'satisfaction', $3, 1000)
         ON CONFLICT (period, agency_code, indicator_code) DO UPDATE SET numerator = $3, denominator = 1000`,
        [OPEN_PERIOD, COUNTY, numerator],
      );
      const [{ data_revision }] = await query(
        `WITH bumped AS (UPDATE period SET data_revision = data_revision + 1 WHERE period = $1 RETURNING data_revision)
         SELECT data_revision FROM bumped`,
        [OPEN_PERIOD],
      );
      return data_revision;
    };
    if (runner) return run((sql, parameters) => runner.query(sql, parameters));
    return dataSource.transaction((manager) => run((sql, parameters) => manager.query(sql, parameters)));
  };

  const computeJobsOfMonth = async (...states: ('waiting' | 'active' | 'delayed' | 'prioritized' | 'completed' | 'failed')[]) =>
    (await queue.getJobs(states)).filter((job) => job.name === 'compute-period' && job.data.period === OPEN_PERIOD);

  const settled = () =>
    waitFor(
      async () => {
        const [month] = await dataSource.query('SELECT data_revision, computed_revision FROM period WHERE period = $1', [
          OPEN_PERIOD,
        ]);
        const pending = await computeJobsOfMonth('waiting', 'active', 'delayed', 'prioritized');
        return month.computed_revision === month.data_revision && pending.length === 0 ? month : undefined;
      },
      { what: 'the month to be computed and its queue idle', timeoutMs: 60_000, intervalMs: 100 },
    );

  const ownSatisfaction = async () =>
    (
      await dataSource.query(
        `SELECT indicators->'satisfaction'->>'numerator' AS numerator FROM agency_result
          WHERE period = $1 AND agency_code = $2 AND scope = 'own'`,
        [OPEN_PERIOD, COUNTY],
      )
    )[0].numerator as string;

  beforeAll(async () => {
    const database = await createTestDatabase();
    dropDatabase = database.drop;
    config = testConfig(database.url);
    worker = await createWorkerContext(config);
    dataSource = worker.get(DataSource);
    await seedDemoProvince(worker, new Date('2026-11-22T10:00:00+08:00'));
    queue = new Queue(QueueName.Aggregate, { connection: { url: config.redisUrl }, prefix: config.queuePrefix });
    await settled();
  }, 120_000);
  afterAll(async () => {
    await queue?.close();
    await worker.close();
    await dropDatabase();
  });

  it('collapses rapid saves onto at most one waiting job, and the results show the last save', async () => {
    const producer = worker.get(ComputePeriodProducer);
    // The saves come faster than any computation, however quick the machine: the worker takes
    // no job meanwhile (the one it may be running still finishes).
    const aggregation = worker.get(AggregationProcessor).worker;
    await aggregation.pause();
    const created = new Set<string>();
    let mostWaiting = 0;
    try {
      for (let i = 1; i <= 12; i++) {
        const revision = await save(500 + i);
        created.add(await producer.enqueue({ period: OPEN_PERIOD, revision }));
        mostWaiting = Math.max(mostWaiting, (await computeJobsOfMonth('waiting', 'prioritized', 'delayed')).length);
      }
    } finally {
      aggregation.resume();
    }
    expect(mostWaiting).toBeLessThanOrEqual(1);
    await settled();
    expect(await ownSatisfaction()).toBe('512.00');
    // Far fewer computations than saves.
    expect(created.size).toBeLessThan(12);
  });

  it('queues a request made while a computation runs to run after it, never beside it', async () => {
    const producer = worker.get(ComputePeriodProducer);
    // Hold the month's row: the next computation starts and waits inside its run.
    const holder = dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query('SELECT 1 FROM period WHERE period = $1 FOR UPDATE', [OPEN_PERIOD]);
    const [{ data_revision: current }] = await dataSource.query('SELECT data_revision FROM period WHERE period = $1', [
      OPEN_PERIOD,
    ]);
    const running = await producer.enqueue({ period: OPEN_PERIOD, revision: current + 1 });
    await waitFor(async () => ((await (await queue.getJob(running))?.isActive()) ? true : undefined), {
      what: 'the computation to be running',
      timeoutMs: 20_000,
      intervalMs: 50,
    });

    // A later save asks while the run is active: nothing waits beside the run…
    const answered = await producer.enqueue({ period: OPEN_PERIOD, revision: current + 2 });
    expect(answered).toBe(running);
    expect(await computeJobsOfMonth('waiting', 'prioritized', 'delayed')).toEqual([]);
    expect(await save(777, holder)).toBe(current + 1);
    expect(await save(778, holder)).toBe(current + 2);
    await holder.commitTransaction();
    await holder.release();

    // …and the request is not lost: its job runs once the first has ended.
    const month = await settled();
    expect(month.computed_revision).toBe(current + 2);
    expect(await ownSatisfaction()).toBe('778.00');
    const after = await queue.getJob(`compute-${OPEN_PERIOD}-r${current + 2}`);
    expect(await after?.getState()).toBe('completed');
    expect(after?.processedOn ?? 0).toBeGreaterThanOrEqual((await queue.getJob(running))?.finishedOn ?? Infinity);
  });
});
