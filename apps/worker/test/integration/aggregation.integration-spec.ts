import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { ComputePeriodProducer, JobStatusService, QueueName } from '@scorecard/server-queue';
import { createTestDatabase, seedDemoProvince, testConfig, waitFor } from '@scorecard/server-testing';
import { createWorkerContext } from '../../src/bootstrap';

const OPEN_PERIOD = '2026-10';

describe('aggregation worker', () => {
  let worker: INestApplicationContext;
  let dataSource: DataSource;
  let dropDatabase: () => Promise<void>;

  const waitForJob = (jobId: string) =>
    waitFor(
      async () => {
        const job = await worker.get(JobStatusService).find(jobId);
        return job && (job.state === 'completed' || job.state === 'failed') ? job : undefined;
      },
      { what: `job ${jobId}` },
    );

  const results = () =>
    dataSource.query(`SELECT * FROM agency_result WHERE period = $1 ORDER BY agency_code, scope`, [OPEN_PERIOD]);

  /** Changes one county's own satisfaction figures the way a submission does, bumping the revision. */
  const changeSatisfaction = async (agencyCode: string, numerator: number, denominator: number) => {
    return dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO submission (period, agency_code, submitted_by) VALUES ($1, $2, 'test')
         ON CONFLICT (period, agency_code) DO UPDATE SET version = submission.version + 1`,
        [OPEN_PERIOD, agencyCode],
      );
      await manager.query(
        `INSERT INTO submission_value (period, agency_code, indicator_code, numerator, denominator)
         VALUES ($1, $2, 'satisfaction', $3, $4)
         ON CONFLICT (period, agency_code, indicator_code) DO UPDATE SET numerator = $3, denominator = $4`,
        [OPEN_PERIOD, agencyCode, numerator, denominator],
      );
      const [{ data_revision }] = await manager.query(
        `WITH bumped AS (UPDATE period SET data_revision = data_revision + 1 WHERE period = $1 RETURNING data_revision)
         SELECT data_revision FROM bumped`,
        [OPEN_PERIOD],
      );
      return data_revision as number;
    });
  };

  beforeAll(async () => {
    const database = await createTestDatabase();
    dropDatabase = database.drop;
    worker = await createWorkerContext(testConfig(database.url));
    dataSource = worker.get(DataSource);
    await seedDemoProvince(worker, new Date('2026-11-22T10:00:00+08:00'));
  });
  afterAll(async () => {
    await worker.close();
    await dropDatabase();
  });

  it('computes a changed month through the queue, with progress and a result summary', async () => {
    const revision = await changeSatisfaction('330102', 9000, 10000);
    const jobId = await worker.get(ComputePeriodProducer).enqueue({ period: OPEN_PERIOD, revision });
    const job = await waitForJob(jobId);
    expect(job).toMatchObject({ state: 'completed', progress: 100 });
    expect(job.result).toMatchObject({ period: OPEN_PERIOD, revision, skipped: false, agencies: 102, resultRows: 204 });

    const [own] = await dataSource.query(
      `SELECT indicators->'satisfaction' AS satisfaction FROM agency_result
        WHERE period = $1 AND agency_code = '330102' AND scope = 'own'`,
      [OPEN_PERIOD],
    );
    expect(own.satisfaction).toMatchObject({ numerator: '9000.00', denominator: '10000.00', rate: 0.9, score: 100 });
    const [month] = await dataSource.query('SELECT computed_revision FROM period WHERE period = $1', [OPEN_PERIOD]);
    expect(month.computed_revision).toBe(revision);
  });

  it('collapses a second request for the same revision onto the same job and skips work already done', async () => {
    const olderRevision = await changeSatisfaction('330102', 8400, 10000);
    const revision = await changeSatisfaction('330102', 8500, 10000);
    const producer = worker.get(ComputePeriodProducer);
    const [first, second] = await Promise.all([
      producer.enqueue({ period: OPEN_PERIOD, revision }),
      producer.enqueue({ period: OPEN_PERIOD, revision }),
    ]);
    expect(second).toBe(first);
    await waitForJob(first);
    const before = await results();

    // An older revision queued late finds newer results stored and leaves them alone.
    const late = await producer.enqueue({ period: OPEN_PERIOD, revision: olderRevision });
    const lateJob = await waitForJob(late);
    expect(lateJob.result).toMatchObject({ skipped: true });
    expect(await results()).toEqual(before);
  });

  it('writes identical rows when the same job runs again, as after a crash (never double counts)', async () => {
    const before = await results();
    const [{ data_revision: revision }] = await dataSource.query('SELECT data_revision FROM period WHERE period = $1', [
      OPEN_PERIOD,
    ]);
    // Forget that this revision was computed and drop the finished job, so the same id runs again.
    await dataSource.query('UPDATE period SET computed_revision = NULL WHERE period = $1', [OPEN_PERIOD]);
    const queue = worker.get<Queue>(getQueueToken(QueueName.Aggregate));
    await queue.remove(`compute-${OPEN_PERIOD}-r${revision}`);

    const jobId = await worker.get(ComputePeriodProducer).enqueue({ period: OPEN_PERIOD, revision });
    const job = await waitForJob(jobId);
    expect(job.result).toMatchObject({ skipped: false, revision });
    expect(await results()).toEqual(before);
  });
});
